import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { filesTransport, smtpTransport, type MailTransport } from './transport.js';

/** How this node delivers mail; from the server's flags (`--smtp-url`, `--public-url`, `--mail-rate`). */
export interface MailOptions {
  /** The SMTP server for organisations without their own. */
  smtpUrl: string | undefined;
  /** Where `.eml` files go when there is no SMTP server at all. */
  folder: string;
  /** Where people reach this server, for links in mailings; set to the listening address when not configured. */
  publicUrl: string | undefined;
  /** Messages this node sends per second at most. */
  ratePerSecond: number;
  /** How long a claimed recipient is this node's; SMTP timeouts stay well inside it. */
  leaseSeconds: number;
  /** Delay before the first retry of a transient failure; each next retry waits 4× longer. */
  retryBaseSeconds: number;
  /** Attempts before a recipient counts as failed. */
  maxAttempts: number;
  /** How often an idle node looks for due work (scheduled mailings, other nodes' expired leases). */
  pollMs: number;
  /** Messages in flight at once on this node. */
  concurrency: number;
  /** Whether this process sends at all (tests of the routes alone switch it off). */
  sender: boolean;
}

export const defaultMailOptions = (dataDir: string): MailOptions => ({
  smtpUrl: undefined,
  folder: path.join(dataDir, 'mail'),
  publicUrl: undefined,
  ratePerSecond: 10,
  leaseSeconds: 120,
  retryBaseSeconds: 30,
  maxAttempts: 5,
  pollMs: 1_000,
  concurrency: 2,
  sender: true,
});

export interface Delivery {
  transport: MailTransport;
  from: string;
}

/**
 * Chooses what an organisation's mail goes through: its own SMTP server (set by an admin), else the
 * server-wide one, else `.eml` files. Connections are pooled per server address.
 */
export function createDeliveries(k: Kysely<Database>, options: MailOptions) {
  const pools = new Map<string, MailTransport>();
  const timeoutMs = Math.max(1_000, Math.floor((options.leaseSeconds * 1000) / 4));
  const pooled = (key: string, make: () => MailTransport) => {
    let t = pools.get(key);
    if (!t) {
      t = make();
      pools.set(key, t);
    }
    return t;
  };
  return {
    async forTenant(tenantId: string): Promise<Delivery> {
      const [settings, org] = await Promise.all([
        k.selectFrom('mail_settings').select(['smtp_url', 'from_address']).where('tenant_id', '=', tenantId).executeTakeFirst(),
        k.selectFrom('organisations').select(['slug', 'intranet_name']).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow(),
      ]);
      const address = settings?.from_address ?? `mailing@${org.slug}.example`;
      const from = `"${org.intranet_name.replace(/["\\\r\n]/g, '')}" <${address}>`;
      const url = settings?.smtp_url ?? options.smtpUrl;
      const transport = url ? pooled(`smtp:${url}`, () => smtpTransport(url, timeoutMs)) : pooled('files', () => filesTransport(options.folder));
      return { transport, from };
    },
    /** Drops the pooled connection of an address an admin has just changed or cleared. */
    forget(url: string) {
      pools.get(`smtp:${url}`)?.close();
      pools.delete(`smtp:${url}`);
    },
    close() {
      for (const t of pools.values()) t.close();
      pools.clear();
    },
  };
}
export type Deliveries = ReturnType<typeof createDeliveries>;
