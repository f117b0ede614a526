import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type { RealtimeHub } from '../realtime/hub.js';

/**
 * Numbers the committed provisional changes of organisations on PostgreSQL (see migration 0030).
 *
 * A writer waits for a numbering that starts after its commit, so when `write` returns its changes
 * are in the feed. Calls for one organisation share numberings: while one runs, every writer that
 * commits meanwhile waits for the single next one, so under load a numbering serves many writes.
 */
interface Tenant {
  running: Promise<number> | null;
  next: Promise<number> | null;
}

const numberers = new WeakMap<Db, Map<string, Tenant>>();

/** Numbers the tenant's changes committed before this call; answers the tenant's latest seq. */
export function numberCommittedChanges(db: Db, tenantId: string): Promise<number> {
  let tenants = numberers.get(db);
  if (!tenants) numberers.set(db, (tenants = new Map()));
  let t = tenants.get(tenantId);
  if (!t) tenants.set(tenantId, (t = { running: null, next: null }));
  const state = t;
  const start = (): Promise<number> => {
    const run = numberPending(db, tenantId).finally(() => {
      if (state.running === run) state.running = null;
      if (!state.running && !state.next) tenants.delete(tenantId);
    });
    state.running = run;
    return run;
  };
  if (!state.running) return start();
  // The running numbering may have read the pending rows before this caller committed: wait for the next.
  state.next ??= state.running
    .catch(() => 0)
    .then(() => {
      state.next = null;
      return start();
    });
  return state.next;
}

/**
 * Numbers what writers left provisional: a node that died between a commit and its numbering. Each
 * node runs it now and then; with nothing left it is one look at an index of provisional rows only.
 */
export async function numberLeftoverChanges(db: Db, realtime: Pick<RealtimeHub, 'announce'>): Promise<number> {
  if (db.dialect !== 'postgres') return 0;
  const { rows } = await sql<{ tenant_id: string }>`select distinct tenant_id from changes where seq < 0`.execute(db.kysely);
  for (const r of rows) {
    const seq = await numberCommittedChanges(db, r.tenant_id);
    // Whose changes they were is no longer known: every stream of the tenant looks, personal parts too.
    realtime.announce({ tenantId: r.tenant_id, seq, personIds: ['*'], privateGroups: true });
  }
  return rows.length;
}

async function numberPending(db: Db, tenantId: string): Promise<number> {
  const { rows } = await sql<{ last: string | number }>`select samen_number_pending(${tenantId}) as last`.execute(db.numbering ?? db.kysely);
  return Number(rows[0]?.last ?? 0);
}
