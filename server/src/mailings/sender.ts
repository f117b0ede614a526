import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.js';
import type { Deliveries, Delivery, MailOptions } from './delivery.js';
import { personalise, unsubscribeUrl } from './render.js';
import { claimRecipients, finishIfDone, queueMailing, releaseRecipient, settleRecipient, type ClaimedRecipient } from './queue.js';
import { MailSendError } from './transport.js';

export interface MailSenderDeps {
  db: Db;
  options: MailOptions;
  deliveries: Deliveries;
  baseUrl: () => string;
  now: () => Date;
  onError: (err: unknown) => void;
}

interface Prepared {
  subject: string;
  html: string;
  text: string;
  marker: string;
  mandatory: boolean;
  logo: { data: Buffer; mime: string } | null;
}

/**
 * This node's sender: promotes scheduled mailings that are due, then works through the queue of every
 * mailing being sent, a lease at a time, at most `ratePerSecond` messages per second and
 * `concurrency` at once. Several nodes may run it on one database: claims never overlap.
 *
 * What "never twice" means, and the one window SMTP leaves: see docs/architecture.md, "Mailings".
 */
export function createMailSender(deps: MailSenderDeps) {
  const { db, options } = deps;
  const k = db.kysely;
  const owner = `${randomUUID()}`;
  const prepared = new Map<string, Prepared>();
  let running = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  let timer: NodeJS.Timeout | null = null;
  let nextSlot = 0;
  const spacingMs = 1000 / options.ratePerSecond;

  /** Waits for this node's next send slot: messages go out evenly at the configured rate. */
  const slot = async () => {
    const now = Date.now();
    const at = Math.max(now, nextSlot);
    nextSlot = at + spacingMs;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  };

  async function prepare(tenantId: string, mailingId: string): Promise<Prepared> {
    const key = `${tenantId}:${mailingId}`;
    const cached = prepared.get(key);
    if (cached) return cached;
    const m = await k
      .selectFrom('mailings')
      .select(['subject', 'html', 'text', 'token_marker', 'mandatory'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', mailingId)
      .executeTakeFirstOrThrow();
    const logo = await k
      .selectFrom('organisations')
      .innerJoin('images', (j) => j.onRef('images.tenant_id', '=', 'organisations.tenant_id').onRef('images.id', '=', 'organisations.logo_image_id'))
      .select(['images.thumb', 'images.mime'])
      .where('organisations.tenant_id', '=', tenantId)
      .executeTakeFirst();
    const p = {
      subject: m.subject,
      html: m.html ?? '',
      text: m.text ?? '',
      marker: m.token_marker ?? '',
      mandatory: m.mandatory === 1,
      logo: logo ? { data: Buffer.from(logo.thumb), mime: 'image/jpeg' } : null,
    };
    // Only mailings still being sent are worth keeping; a long-running node must not collect them all.
    if (prepared.size >= 50) prepared.clear();
    prepared.set(key, p);
    return p;
  }

  async function sendOne(tenantId: string, mailingId: string, r: ClaimedRecipient, leaseUntil: Date, { transport, from }: Delivery): Promise<void> {
    const p = await prepare(tenantId, mailingId);
    await slot();
    // A lease about to run out is left to run out: another node may take the recipient over, and it
    // must not find this node still sending.
    if (deps.now().getTime() > leaseUntil.getTime() - (options.leaseSeconds * 1000) / 2) {
      await releaseRecipient(k, tenantId, mailingId, r.person_id, owner);
      return;
    }
    const own = personalise(p, r.token);
    const headers: Record<string, string> = { 'X-Samen-Mailing': mailingId };
    if (!p.mandatory) {
      headers['List-Unsubscribe'] = `<${unsubscribeUrl(deps.baseUrl(), r.token)}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    try {
      await transport.send({
        from,
        to: r.address,
        subject: p.subject,
        html: own.html,
        text: own.text,
        messageId: r.message_id,
        headers,
        logo: p.logo,
        fileKey: `${tenantId}/${mailingId}/${r.person_id}`,
      });
      await settleRecipient(k, tenantId, mailingId, r.person_id, owner, { status: 'sent', at: deps.now() });
    } catch (err) {
      const message = (err as Error).message.slice(0, 500);
      if (err instanceof MailSendError && err.permanent) {
        await settleRecipient(k, tenantId, mailingId, r.person_id, owner, { status: 'bounced', at: deps.now(), error: message });
      } else if (r.attempts >= options.maxAttempts) {
        await settleRecipient(k, tenantId, mailingId, r.person_id, owner, { status: 'failed', at: deps.now(), error: message });
      } else {
        const wait = options.retryBaseSeconds * 1000 * 4 ** (r.attempts - 1);
        await settleRecipient(k, tenantId, mailingId, r.person_id, owner, { status: 'queued', retryAt: new Date(deps.now().getTime() + wait), error: message });
      }
    }
  }

  /** One pass over all due work; answers how many recipients it took. */
  async function pass(): Promise<number> {
    const now = deps.now();
    const tenants = await k.selectFrom('organisations').select('tenant_id').execute();
    let taken = 0;
    for (const { tenant_id: tenantId } of tenants) {
      const due = await k
        .selectFrom('mailings')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('status', '=', 'scheduled')
        .where('send_at', '<=', now.toISOString())
        .execute();
      for (const m of due) {
        try {
          const { transport } = await deps.deliveries.forTenant(tenantId);
          await queueMailing(db, tenantId, m, 'scheduled', { baseUrl: deps.baseUrl(), transport: transport.kind, now });
        } catch (err) {
          // Its content may have gone (a post deleted, a poll closed, a group made private) since it
          // was planned: it goes back to the editor as a draft, whose send then says why, and neither
          // this organisation's other mailings nor any other organisation wait on it.
          deps.onError(err);
          await k.updateTable('mailings').set({ status: 'draft', send_at: null }).where('tenant_id', '=', tenantId).where('id', '=', m.id).where('status', '=', 'scheduled').execute();
        }
      }
      const sending = await k.selectFrom('mailings').select('id').where('tenant_id', '=', tenantId).where('status', '=', 'sending').orderBy('queued_at').execute();
      for (const { id } of sending) {
        if (!running) return taken;
        const leaseUntil = new Date(deps.now().getTime() + options.leaseSeconds * 1000);
        // A few messages per connection: small enough to send well inside the lease on a slow day.
        const limit = Math.max(1, Math.min(options.concurrency * 4, Math.ceil(options.ratePerSecond)));
        const claimed = await claimRecipients(db, tenantId, id, { owner, limit, now: deps.now(), leaseUntil });
        taken += claimed.length;
        const delivery = claimed.length > 0 ? await deps.deliveries.forTenant(tenantId) : null;
        let next = 0;
        const worker = async () => {
          while (next < claimed.length) {
            const r = claimed[next++]!;
            await sendOne(tenantId, id, r, leaseUntil, delivery!);
          }
        };
        await Promise.all(Array.from({ length: Math.min(options.concurrency, claimed.length) }, worker));
        await finishIfDone(k, tenantId, id, deps.now());
      }
    }
    return taken;
  }

  async function run(): Promise<void> {
    while (running) {
      let taken = 0;
      try {
        taken = await pass();
      } catch (err) {
        deps.onError(err);
      }
      if (taken > 0 || !running) continue;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, options.pollMs);
      });
      wakeUp = null;
    }
  }

  return {
    owner,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    /** Looks for work now rather than at the next poll (a mailing was just queued on this node). */
    wake() {
      if (timer) clearTimeout(timer);
      wakeUp?.();
    },
    async stop() {
      running = false;
      this.wake();
      await loop;
      deps.deliveries.close();
    },
  };
}
export type MailSender = ReturnType<typeof createMailSender>;
