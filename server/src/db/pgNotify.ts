import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export interface Listener {
  close(): Promise<void>;
}

/**
 * LISTEN on a dedicated connection (pooled connections cannot hold a LISTEN). Reconnects with a
 * growing pause when the database goes away; `onReconnect` lets callers catch up on what they missed.
 */
export function listen(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onReconnect: () => void,
): Listener {
  let client: pg.Client | null = null;
  let closed = false;
  let delay = 200;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (isReconnect: boolean) => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (msg) => {
      if (msg.channel === channel && msg.payload) onPayload(msg.payload);
    });
    c.on('error', () => scheduleReconnect());
    c.on('end', () => scheduleReconnect());
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (closed) return void (await c.end());
      client = c;
      delay = 200;
      if (isReconnect) onReconnect();
    } catch {
      scheduleReconnect();
    }
  };
  const scheduleReconnect = () => {
    if (closed || timer) return;
    client?.removeAllListeners();
    client = null;
    timer = setTimeout(() => {
      timer = null;
      void connect(true);
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, 10_000);
  };

  void connect(false);
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      c?.removeAllListeners();
      await c?.end().catch(() => undefined);
    },
  };
}

export async function notify(k: Kysely<Database>, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(k);
}
