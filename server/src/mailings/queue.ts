import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Audience } from '../../../common/src/api/routes/mailings.js';
import type { Db } from '../db/connect.js';
import type { Database, MailingsTable } from '../db/schema.js';
import { resolveAudience } from './audience.js';
import { loadContent } from './compose.js';
import { renderMailing } from './render.js';

/**
 * The queue: one row per (mailing, person), made when the mailing is queued, so the recipients are
 * the audience at that moment and a person is in a mailing once at most. A row is handed to one
 * sender at a time by a lease (`claimRecipients`), and only its leaseholder settles it.
 */

/** A recipient's token for her links and her unsubscribe link: `<tenant>.<random>`, unguessable. */
export const newToken = (tenantId: string) => `${tenantId}.${randomBytes(18).toString('base64url')}`;
export const tenantOfToken = (token: string): string | null => /^([0-9a-f-]{36})\.[A-Za-z0-9_-]{24}$/.exec(token)?.[1] ?? null;

/** The same on every attempt, so a receiving system can recognise a message sent again after a crash. */
export const messageIdFor = (mailingId: string, personId: string) => `<${mailingId}.${personId}@mailing.samen>`;

/**
 * Renders the mailing, resolves its audience and fills the queue, in one transaction that first
 * moves the mailing from `from` to `sending`: two requests (or two nodes promoting a scheduled
 * mailing) cannot both do it. Answers false when the mailing was no longer in `from`.
 */
export async function queueMailing(
  db: Db,
  tenantId: string,
  mailing: MailingsTable,
  from: 'draft' | 'scheduled',
  o: { baseUrl: string; transport: 'smtp' | 'files'; now: Date },
): Promise<boolean> {
  const at = o.now.toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('mailings')
      .set({ status: 'sending', queued_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', mailing.id)
      .where('status', '=', from)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return false;
    const input = {
      subject: mailing.subject,
      intro: mailing.intro,
      postIds: JSON.parse(mailing.post_ids) as string[],
      pageIds: JSON.parse(mailing.page_ids) as string[],
      pollId: mailing.poll_id,
      mandatory: mailing.mandatory === 1,
    };
    const template = renderMailing(await loadContent(trx, tenantId, input, { baseUrl: o.baseUrl, now: o.now }));
    const { recipients } = await resolveAudience(trx, tenantId, JSON.parse(mailing.audience) as Audience, input.mandatory);
    const rows = recipients.map((r) => ({
      tenant_id: tenantId,
      mailing_id: mailing.id,
      person_id: r.personId,
      address: r.address,
      token: newToken(tenantId),
      message_id: messageIdFor(mailing.id, r.personId),
      status: 'queued',
      attempts: 0,
      next_attempt_at: at,
      lease_owner: null,
      lease_until: null,
      last_error: null,
      finished_at: null,
    }));
    // 13 columns: 2 000 rows stay below both databases' limit on bound parameters.
    for (let i = 0; i < rows.length; i += 2_000) await trx.insertInto('mailing_recipients').values(rows.slice(i, i + 2_000)).execute();
    await trx
      .updateTable('mailings')
      .set({
        html: template.html,
        text: template.text,
        token_marker: template.marker,
        recipient_count: rows.length,
        transport: o.transport,
        // Nobody to send to: done at once.
        ...(rows.length === 0 ? { status: 'sent', finished_at: at } : {}),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', mailing.id)
      .execute();
    return true;
  });
}

export interface ClaimedRecipient {
  person_id: string;
  address: string;
  token: string;
  message_id: string;
  attempts: number;
}

/**
 * Takes up to `limit` due recipients of a mailing for `owner` until `leaseUntil`, in one statement:
 * queued ones whose retry time has come, and ones in flight whose lease ran out (their node died).
 * On PostgreSQL `FOR UPDATE SKIP LOCKED` lets two nodes claim side by side without waiting on or
 * taking each other's rows; SQLite runs one writer at a time, so the statement alone is enough.
 */
export async function claimRecipients(
  db: Db,
  tenantId: string,
  mailingId: string,
  o: { owner: string; limit: number; now: Date; leaseUntil: Date },
): Promise<ClaimedRecipient[]> {
  const now = o.now.toISOString();
  const lock = db.dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<ClaimedRecipient>`
    update mailing_recipients
       set status = 'sending', lease_owner = ${o.owner}, lease_until = ${o.leaseUntil.toISOString()}, attempts = attempts + 1
     where tenant_id = ${tenantId} and mailing_id = ${mailingId} and person_id in (
       select person_id from mailing_recipients
        where tenant_id = ${tenantId} and mailing_id = ${mailingId}
          and ((status = 'queued' and next_attempt_at <= ${now}) or (status = 'sending' and lease_until < ${now}))
        order by next_attempt_at, person_id
        limit ${o.limit}
        ${lock})
    returning person_id, address, token, message_id, attempts`.execute(db.kysely);
  return result.rows.map((r) => ({ ...r, attempts: Number(r.attempts) }));
}

/**
 * Settles a claimed recipient, only while `owner` still holds her: a node whose lease was taken over
 * changes nothing. Answers whether it did.
 */
export async function settleRecipient(
  k: Kysely<Database>,
  tenantId: string,
  mailingId: string,
  personId: string,
  owner: string,
  outcome: { status: 'sent' | 'bounced' | 'failed'; at: Date; error?: string } | { status: 'queued'; retryAt: Date; error: string },
): Promise<boolean> {
  const set =
    outcome.status === 'queued'
      ? { status: 'queued', next_attempt_at: outcome.retryAt.toISOString(), lease_owner: null, lease_until: null, last_error: outcome.error }
      : { status: outcome.status, finished_at: outcome.at.toISOString(), lease_owner: null, lease_until: null, last_error: outcome.error ?? null };
  const res = await k
    .updateTable('mailing_recipients')
    .set(set)
    .where((eb) => eb.and(heldBy(tenantId, mailingId, personId, owner)))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The recipient row in flight under this node's lease: only the lease holder may settle or release it. */
const heldBy = (tenantId: string, mailingId: string, personId: string, owner: string) => ({
  tenant_id: tenantId,
  mailing_id: mailingId,
  person_id: personId,
  status: 'sending',
  lease_owner: owner,
});

/** Gives a claimed recipient back untried (this node ran short of lease): due again at once. */
export async function releaseRecipient(k: Kysely<Database>, tenantId: string, mailingId: string, personId: string, owner: string): Promise<void> {
  await k
    .updateTable('mailing_recipients')
    .set((eb) => ({ status: 'queued', lease_owner: null, lease_until: null, attempts: eb('attempts', '-', 1) }))
    .where((eb) => eb.and(heldBy(tenantId, mailingId, personId, owner)))
    .execute();
}

/** Marks a mailing sent once nobody in its queue is waiting or in flight. */
export async function finishIfDone(k: Kysely<Database>, tenantId: string, mailingId: string, now: Date): Promise<void> {
  await k
    .updateTable('mailings')
    .set({ status: 'sent', finished_at: now.toISOString() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', mailingId)
    .where('status', '=', 'sending')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('mailing_recipients')
            .select(sql`1`.as('one'))
            .where('mailing_recipients.tenant_id', '=', tenantId)
            .where('mailing_recipients.mailing_id', '=', mailingId)
            .where('mailing_recipients.status', 'in', ['queued', 'sending']),
        ),
      ),
    )
    .execute();
}
