import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { migrations } from '../../../../server/src/db/migrations/index.js';
import { activity, activePeople, sessions, type StatsScope } from '../../../../server/src/stats/queries.js';
import { openTestDatabase, testDialects } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const upTo = (name: string) => migrations.slice(0, migrations.findIndex((m) => m.name === name) + 1);
const tenant = '01930000-0000-7000-8000-00000000aaaa';

describe.each(dialects)('migration 0045_stats_place_indexes (%s)', (dialect) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it('keeps every filtered figure the same, and a report for one department reads only its own rows', async () => {
    const fresh = await openTestDatabase(dialect, { migrate: false });
    cleanup.push(fresh.dispose);
    const k = fresh.db.kysely;
    await migrateToLatest(fresh.db, upTo('0044_stats_organisation_rollups'));
    // Three places on a Tuesday afternoon: location A has departments 1 and 2, location B department 1.
    const places = [
      ['loc-a', 'dep-1', 12],
      ['loc-a', 'dep-2', 5],
      ['loc-b', 'dep-1', 11],
    ] as const;
    for (const [location_key, department_key, people] of places) {
      await k.insertInto('stats_hourly').values({ tenant_id: tenant, day: '2030-10-22', hour: 14, location_key, department_key, count: people * 3 }).execute();
      for (const scope of ['hour:14', 'day', 'week', 'bucket:5to15m']) {
        await k.insertInto('stats_people').values({ tenant_id: tenant, scope, day: scope === 'week' ? '2030-10-21' : '2030-10-22', location_key, department_key, people }).execute();
      }
      await k
        .insertInto('stats_daily')
        .values({ tenant_id: tenant, day: '2030-10-22', kind: 'session', device_kind: 'shared', bucket: '5to15m', location_key, department_key, count: people * 2, seconds: people * 600 })
        .execute();
    }
    const week: StatsScope = { tenantId: tenant, from: '2030-10-21', to: '2030-10-27', previous: { from: '2030-10-14', to: '2030-10-20' } };
    const filters = [{ departmentId: 'dep-1' }, { locationId: 'loc-a' }, { locationId: 'loc-a', departmentId: 'dep-1' }, { locationId: 'loc-b', departmentId: 'dep-2' }];
    const figures = async () =>
      Promise.all(
        filters.map(async (f) => {
          const scope = { ...week, ...f };
          const heat = await activity(k, scope);
          const people = await activePeople(k, scope);
          const lengths = await sessions(k, scope);
          return { total: heat.total, best: heat.best, week: people.week.active, sessions: lengths.buckets.find((b) => b.bucket === '5to15m')?.sessions };
        }),
      );
    const before = await figures();
    expect(before.map((f) => f.total)).toEqual([(12 + 11) * 3, (12 + 5) * 3, 12 * 3, null]);
    // Department 2 at location B has nobody, so no figure at all.
    expect(before.map((f) => f.week)).toEqual([23, 17, 12, null]);

    expect(await migrateToLatest(fresh.db, upTo('0045_stats_place_indexes'))).toEqual(['0045_stats_place_indexes']);
    expect(await figures()).toEqual(before);

    if (dialect === 'sqlite') {
      const plan = await sql<{ detail: string }>`explain query plan
        select day, hour, sum(count) from stats_hourly where tenant_id = ${tenant} and department_key = 'dep-1' and day >= '2030-10-14' and day <= '2030-10-27' group by day, hour`.execute(k);
      expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/COVERING INDEX stats_hourly_department_idx/);
    }
  });
});
