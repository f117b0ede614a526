import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { migrations } from '../../../../server/src/db/migrations/index.js';
import { activity, devices } from '../../../../server/src/stats/queries.js';
import { openTestDatabase, testDialects } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const upTo = (name: string) => migrations.slice(0, migrations.findIndex((m) => m.name === name) + 1);

describe.each(dialects)('migration 0044_stats_organisation_rollups (%s)', (dialect) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it('fills the organisation-wide rollups from what was counted per location and department, so the dashboard for everyone shows the same figures', async () => {
    const fresh = await openTestDatabase(dialect, { migrate: false });
    cleanup.push(fresh.dispose);
    const k = fresh.db.kysely;
    await migrateToLatest(fresh.db, upTo('0043_ambassadors'));
    const tenant = '01930000-0000-7000-8000-00000000aaaa';
    const other = '01930000-0000-7000-8000-00000000bbbb';
    // Two departments at two locations, and one person without either, on a Tuesday at 14:00; another organisation beside them.
    const places = [
      ['loc-a', 'dep-1', 12],
      ['loc-a', 'dep-2', 5],
      ['loc-b', 'dep-1', 7],
      ['', '', 1],
    ] as const;
    for (const [location_key, department_key, people] of places) {
      await k.insertInto('stats_hourly').values({ tenant_id: tenant, day: '2030-10-22', hour: 14, location_key, department_key, count: people * 3 }).execute();
      await k.insertInto('stats_people').values({ tenant_id: tenant, scope: 'hour:14', day: '2030-10-22', location_key, department_key, people }).execute();
      await k.insertInto('stats_people').values({ tenant_id: tenant, scope: 'day', day: '2030-10-22', location_key, department_key, people }).execute();
      await k.insertInto('stats_people').values({ tenant_id: tenant, scope: 'device:kiosk', day: '2030-10-22', location_key, department_key, people }).execute();
      await k
        .insertInto('stats_daily')
        .values({ tenant_id: tenant, day: '2030-10-22', kind: 'session', device_kind: 'kiosk', bucket: 'lt1m', location_key, department_key, count: people * 2, seconds: people * 60 })
        .execute();
    }
    await k.insertInto('stats_hourly').values({ tenant_id: other, day: '2030-10-22', hour: 14, location_key: '', department_key: '', count: 999 }).execute();

    expect(await migrateToLatest(fresh.db, upTo('0044_stats_organisation_rollups'))).toEqual(['0044_stats_organisation_rollups']);

    const scope = { tenantId: tenant, from: '2030-10-21', to: '2030-10-27', previous: { from: '2030-10-14', to: '2030-10-20' } };
    const heat = await activity(k, scope);
    expect(heat.byWeekdayHour.find((c) => c.weekday === 2 && c.hour === 14)?.count).toBe(25 * 3);
    expect(heat.total).toBe(75);
    expect(heat.best).toEqual({ weekday: 2, hour: 14 });
    const kiosks = await devices(k, scope);
    expect(kiosks.devices.find((d) => d.deviceKind === 'kiosk')?.sessions).toBe(50);
    // A filter still reads the rows per place: location A alone has 17 people there.
    expect((await activity(k, { ...scope, locationId: 'loc-a' })).total).toBe(17 * 3);
    expect((await k.selectFrom('stats_org_hourly').select('count').where('tenant_id', '=', other).executeTakeFirstOrThrow()).count).toBe(999);
  });
});
