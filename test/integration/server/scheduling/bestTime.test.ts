import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../../common/src/ids.js';
import { amsterdamSlot } from '../../../../server/src/stats/calendar.js';
import { recordActivity, type ActivityEvent } from '../../../../server/src/stats/record.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const DAY = 86_400_000;
/** A Wednesday at noon (UTC); the 90 days before it cross the end of summer time. */
const NOW = '2026-12-02T12:00:00.000Z';

describe.each(dialects)('the best time to post (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let eva: TestClient;
  const clock = testClock(NOW);

  /** Sessions of `people` colleagues `daysAgo` days before NOW at the given Amsterdam hour. */
  const sessions = (people: string[], daysAgo: number, amsterdamHour: number): ActivityEvent[] => {
    const day = new Date(Date.parse(NOW) - daysAgo * DAY).toISOString().slice(0, 10);
    // Ten past the hour on the Amsterdam clock, summer time or not.
    const at = [1, 2].map((offset) => new Date(`${day}T${String(amsterdamHour - offset).padStart(2, '0')}:10:00.000Z`)).find((t) => amsterdamSlot(t).hour === amsterdamHour)!;
    return people.map((personId) => ({ id: uuidv7(at.getTime()), kind: 'session', personId, at, deviceKind: 'workstation', seconds: 600 }));
  };

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now, organisations: [{ slug: 'demo', seed: 1 }, { slug: 'klein', seed: 2 }] });
    [anna, eva] = await Promise.all([s.login('1001', 'demo'), s.login('1005', 'klein')]);
    const people = async (tenant: string) =>
      (await s.db.kysely.selectFrom('people').select('id').where('tenant_id', '=', tenant).orderBy('id').execute()).map((p) => p.id);
    const demo = await people(s.tenants.demo!);
    const klein = await people(s.tenants.klein!);
    const events: ActivityEvent[] = [];
    for (let week = 0; week < 12; week++) {
      // Tuesday (1 day before a Wednesday, then whole weeks back): 30 people from 14:00, 20 of them again from 15:00.
      events.push(...sessions(demo.slice(0, 30), 1 + 7 * week, 14), ...sessions(demo.slice(0, 20), 1 + 7 * week, 15));
      // Monday: 45 people in one busy hour, a smaller two hours than Tuesday's.
      events.push(...sessions(demo.slice(0, 45), 2 + 7 * week, 9));
      // Sunday night: a few people, every week.
      events.push(...sessions(demo.slice(0, 5), 3 + 7 * week, 3));
    }
    // More than 90 days ago, twelve Fridays busier than anything since: too old to count.
    for (let week = 0; week < 12; week++) events.push(...sessions(demo.slice(0, 50), 96 + 7 * week, 10), ...sessions(demo.slice(0, 50), 96 + 7 * week, 11));
    // A small organisation: never ten people at once.
    for (let week = 0; week < 12; week++) events.push(...sessions(klein.slice(0, 6), 1 + 7 * week, 10));
    await s.db.kysely.transaction().execute(async (trx) => {
      await recordActivity(trx, s.tenants.demo!, events.filter((e) => demo.includes(e.personId)));
      await recordActivity(trx, s.tenants.klein!, events.filter((e) => klein.includes(e.personId)));
    });
  });
  afterAll(() => s?.close());

  it('suggests the two hours of the week in which most colleagues were active over the last 90 days', async () => {
    const res = await anna.get('/v1/scheduling/best-time');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ slot: { weekday: 2, fromHour: 14, toHour: 16 } });
  });

  it('suggests nothing where fewer than ten colleagues were ever active at once', async () => {
    expect((await eva.get('/v1/scheduling/best-time')).body).toEqual({ slot: null });
  });

  it('forgets activity as it grows older than 90 days', async () => {
    clock.set(new Date(Date.parse(NOW) + 120 * DAY).toISOString());
    try {
      // A session made in the database: the real ones expired as the clock moved on.
      const later = await s.login('1001', 'demo');
      expect((await later.get('/v1/scheduling/best-time')).body).toEqual({ slot: null });
    } finally {
      clock.set(NOW);
    }
  });
});
