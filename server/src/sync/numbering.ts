import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type { RealtimeHub } from '../realtime/hub.js';
import { concernedBy } from './concerned.js';

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
 * Numbers what writers left provisional: a node that died between a commit and its numbering, or a
 * numbering that failed after its commit. Each node looks now and then; with nothing left a look is
 * one read of an index of provisional rows only. A row is left over once two looks in a row found it
 * provisional: a live writer numbers its own within milliseconds of its commit, and a look that
 * caught one in that moment used to announce to every stream of the organisation, each of which then
 * looked for notifications of its own (10 000 queries at once on a node at shift start). The
 * announcement names whom the left-over changes concern, read from their scopes, as the writer's own
 * would have. Answers how many organisations it numbered.
 */
export function leftoverNumbering(db: Db, realtime: Pick<RealtimeHub, 'announce'>): () => Promise<number> {
  let provisionalBefore = new Set<string>();
  return async () => {
    if (db.dialect !== 'postgres') return 0;
    const { rows } = await sql<{ tenant_id: string; seq: string | number; scope: string }>`select tenant_id, seq, scope from changes where seq < 0`.execute(db.kysely);
    const key = (r: { tenant_id: string; seq: string | number }) => `${r.tenant_id} ${r.seq}`;
    const seenBefore = provisionalBefore;
    provisionalBefore = new Set(rows.map(key));
    const left = new Map<string, string[]>();
    for (const r of rows) {
      if (!seenBefore.has(key(r))) continue;
      const scopes = left.get(r.tenant_id);
      if (scopes) scopes.push(r.scope);
      else left.set(r.tenant_id, [r.scope]);
    }
    for (const [tenantId, scopes] of left) {
      const seq = await numberCommittedChanges(db, tenantId);
      realtime.announce({ tenantId, seq, ...concernedBy(scopes) });
    }
    return left.size;
  };
}

async function numberPending(db: Db, tenantId: string): Promise<number> {
  const { rows } = await sql<{ last: string | number }>`select samen_number_pending(${tenantId}) as last`.execute(db.numbering ?? db.kysely);
  return Number(rows[0]?.last ?? 0);
}
