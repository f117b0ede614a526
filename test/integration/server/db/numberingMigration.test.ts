import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { migrations } from '../../../../server/src/db/migrations/index.js';
import { openTestDatabase, testDialects } from '../../../fixtures/testServer.js';

const onPostgres = (await testDialects()).includes('postgres');
const upTo = (name: string) => migrations.slice(0, migrations.findIndex((m) => m.name === name) + 1);
const TENANT = 't1';

/** Commits `n` provisional change rows, as that many writes of one change each would. */
async function commitProvisional(k: Kysely<any>, n: number, from: number) {
  await sql`insert into changes (tenant_id, seq, entity, entity_id, op, scope, at)
    select ${TENANT}, -(txid_current() * 1000000 + g), 'post', 'p' || (g + ${from}), 'upsert', 'org', '2030-01-01T00:00:00.000Z'
      from generate_series(1, ${n}) g`.execute(k);
}

/**
 * How PostgreSQL reads the pending rows under the numbering function's own settings: the lookup at
 * the start of `samen_number_pending`, planned as it is when the function runs.
 */
async function numberingLookupPlan(k: Kysely<any>): Promise<string[]> {
  return k.transaction().execute(async (trx) => {
    const { rows } = await sql<{ proconfig: string[] | null }>`select proconfig from pg_proc where proname = 'samen_number_pending'`.execute(trx);
    for (const setting of rows[0]?.proconfig ?? []) {
      const [name, value] = setting.split('=');
      await sql`select set_config(${name}, ${value}, true)`.execute(trx);
    }
    const plan = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) select array_agg(seq order by seq desc) from changes where tenant_id = ${TENANT} and seq < 0`.execute(trx);
    const kinds: string[] = [];
    const walk = (node: { 'Node Type': string; Plans?: unknown[] }) => {
      kinds.push(node['Node Type']);
      for (const child of node.Plans ?? []) walk(child as typeof node);
    };
    walk((plan.rows[0]!['QUERY PLAN'] as [{ Plan: { 'Node Type': string } }])[0].Plan);
    return kinds;
  });
}

describe.runIf(onPostgres)('migration 0046_numbering_skips_numbered_rows (postgres)', () => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  /** A minute of likes in a big organisation: 20 000 rows numbered since the last vacuum, then 10 more writes. */
  async function afterABusyMinute(upToMigration: string) {
    const fresh = await openTestDatabase('postgres', { migrate: false });
    cleanup.push(fresh.dispose);
    const k = fresh.db.kysely as Kysely<any>;
    await migrateToLatest(fresh.db, upTo(upToMigration));
    await sql`insert into tenant_seq (tenant_id, last_seq) values (${TENANT}, 0)`.execute(k);
    for (let i = 0; i < 20; i++) {
      await commitProvisional(k, 1000, i * 1000);
      await sql`select samen_number_pending(${TENANT})`.execute(k);
    }
    await commitProvisional(k, 10, 20_000);
    // As the planner sees the feed between two analyses (its estimate of pending rows is stale), and
    // just after one.
    const plan = await numberingLookupPlan(k);
    await sql`analyze changes`.execute(k);
    const planAnalysed = await numberingLookupPlan(k);
    await sql`select samen_number_pending(${TENANT})`.execute(k);
    const numbered = await sql<{ seq: string }>`select seq from changes where tenant_id = ${TENANT} order by seq`.execute(k);
    return { plan, planAnalysed, seqs: numbered.rows.map((r) => Number(r.seq)) };
  }

  it('finds the pending rows with a plain index scan, which marks the rows numbered before for later calls to skip', async () => {
    const after = await afterABusyMinute('0046_numbering_skips_numbered_rows');
    expect(after.seqs).toEqual(Array.from({ length: 20_010 }, (_, i) => i + 1));
    for (const plan of [after.plan, after.planAnalysed]) expect(plan).toEqual(['Aggregate', 'Index Scan']);
    // Before, between two analyses, a bitmap scan: it visits every dead entry at every call and never marks one.
    const before = await afterABusyMinute('0045_stats_place_indexes');
    expect(before.seqs).toEqual(after.seqs);
    expect(before.plan).toContain('Bitmap Heap Scan');
  });
});
