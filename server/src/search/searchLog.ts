import type { Kysely } from 'kysely';
import type { StatsDeviceKind } from '../../../common/src/api/routes/stats.js';
import type { Database } from '../db/schema.js';

/** To the minute: when a search happened, no finer, so a search cannot be lined up with a login. */
const toMinute = (at: Date): string => `${at.toISOString().slice(0, 16)}:00.000Z`;

/**
 * Records a search without who made it. The client sends one search id with every keystroke of one
 * search, so "s", "sa", "sal"… "salaris" is one search with its last words, not seven.
 */
export async function recordSearch(
  k: Kysely<Database>,
  s: { tenantId: string; searchId: string; query: string; normalised: string; resultCount: number; deviceKind: StatsDeviceKind; at: Date },
): Promise<void> {
  const row = { query: s.query.trim(), normalised: s.normalised, result_count: s.resultCount, device_kind: s.deviceKind, at: toMinute(s.at) };
  await k
    .insertInto('search_log')
    .values({ tenant_id: s.tenantId, id: s.searchId, ...row })
    .onConflict((oc) => oc.columns(['tenant_id', 'id']).doUpdateSet(row))
    .execute();
}

/** Records that a result of a known search was opened; opening it again counts once. False for an unknown search. */
export async function recordClick(
  k: Kysely<Database>,
  c: { tenantId: string; searchId: string; kind: string; targetId: string; position: number; at: Date },
): Promise<boolean> {
  const known = await k.selectFrom('search_log').select('id').where('tenant_id', '=', c.tenantId).where('id', '=', c.searchId).executeTakeFirst();
  if (!known) return false;
  await k
    .insertInto('search_clicks')
    .values({ tenant_id: c.tenantId, search_id: c.searchId, kind: c.kind, target_id: c.targetId, position: c.position, at: toMinute(c.at) })
    .onConflict((oc) => oc.columns(['tenant_id', 'search_id', 'kind', 'target_id']).doNothing())
    .execute();
  return true;
}
