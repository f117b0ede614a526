import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../../common/src/ids.js';
import type { StatsDeviceKind } from '../../../../common/src/api/routes/stats.js';
import { foldQueuedActivity, queueActivity, recordActivity, type ActivityEvent } from '../../../../server/src/stats/record.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(dialects)('statistics (%s)', (dialect) => {
  let s: TestServer;
  let carla: TestClient;
  let anna: TestClient;
  let tenantId: string;
  let people: { id: string; department_id: string | null; location_id: string | null }[];
  let hostilePostId: string;
  // The Monday after the week in which summer time ends (Sunday 27 October 2030, 03:00 → 02:00).
  const clock = testClock('2030-10-28T10:00:00.000Z');

  const record = (events: ActivityEvent[]) => s.db.kysely.transaction().execute((trx) => recordActivity(trx, tenantId, events));
  const session = (personId: string, at: string, seconds: number, deviceKind: StatsDeviceKind = 'workstation'): ActivityEvent => ({
    id: uuidv7(),
    kind: 'session',
    personId,
    at: new Date(at),
    deviceKind,
    seconds,
  });
  const week = { from: '2030-10-21', to: '2030-10-27' };

  beforeAll(async () => {
    // Folds happen when a test asks for them (or a report is read), never in between by the timer.
    s = await startTestServer(dialect, { now: clock.now, options: { statsFoldSeconds: 3600 } });
    tenantId = s.tenants.demo!;
    carla = await s.login('1003');
    anna = await s.login('1001');
    people = await s.db.kysely.selectFrom('people').select(['id', 'department_id', 'location_id']).where('tenant_id', '=', tenantId).where('active', '=', 1).orderBy('id').execute();
    expect(people.length).toBe(50);

    // The scripted stream: every person has four sessions in the week of the change, and one in the week before.
    const events: ActivityEvent[] = [];
    people.forEach((p, i) => {
      const seconds = i < 20 ? 30 : 600;
      const device: StatsDeviceKind = i % 5 === 0 ? 'kiosk' : 'workstation';
      events.push(session(p.id, '2030-10-21T12:10:00.000Z', seconds, device)); // Monday 14:10 summer time
      events.push(session(p.id, '2030-10-27T00:30:00.000Z', seconds, device)); // Sunday 02:30 summer time…
      events.push(session(p.id, '2030-10-27T01:30:00.000Z', seconds, device)); // …and 02:30 winter time, an hour later
      events.push(session(p.id, '2030-10-27T13:30:00.000Z', seconds, device)); // Sunday 14:30 winter time
      events.push(session(p.id, '2030-10-15T07:00:00.000Z', seconds, device)); // the Tuesday before, 09:00
    });
    // Three people alone at Tuesday 10:00: too few to show.
    for (const p of people.slice(0, 3)) events.push(session(p.id, '2030-10-22T08:00:00.000Z', 120));
    await record(events);

    const post = await carla.call('createPost', { body: { body: '=HYPERLINK("http://evil.example","klik") werkoverleg' } });
    expect(post.status).toBe(201);
    hostilePostId = post.body.id as string;
    await record(people.map((p) => ({ id: uuidv7(), kind: 'post_view', personId: p.id, at: new Date('2030-10-23T09:00:00.000Z'), deviceKind: 'workstation', subjects: [{ type: 'post', id: hostilePostId }] })));
  });
  afterAll(() => s?.close());

  it('counts activity by ISO weekday and Amsterdam hour, across the end of summer time, against the week before', async () => {
    const res = await carla.call('statsActivity', { query: week });
    expect(res.status).toBe(200);
    const cell = (weekday: number, hour: number) => res.body.byWeekdayHour.find((c: { weekday: number; hour: number }) => c.weekday === weekday && c.hour === hour)!;
    expect(res.body.byWeekdayHour).toHaveLength(168);
    expect(cell(1, 14)).toEqual({ weekday: 1, hour: 14, count: 50, previousCount: null });
    // Both 02:30s of the night the clocks go back are hour 2 on Sunday; nothing lands in hour 1 or 3.
    expect(cell(7, 2).count).toBe(100);
    expect(cell(7, 1).count).toBeNull();
    expect(cell(7, 3).count).toBeNull();
    expect(cell(7, 14).count).toBe(50);
    expect(cell(2, 9)).toEqual({ weekday: 2, hour: 9, count: null, previousCount: 50 });
    // Tuesday 10:00 had three people: suppressed, not rounded.
    expect(cell(2, 10).count).toBeNull();
    expect(res.body.best).toEqual({ weekday: 7, hour: 2 });
    // 200 sessions, 3 small ones and 50 views.
    expect(res.body.total).toBe(253);
    expect(res.body.previousTotal).toBe(50);
    expect(res.body.previous).toEqual({ from: '2030-10-14', to: '2030-10-20' });
  });

  it('counts active people per day, week and month, and sessions by length and device', async () => {
    const active = await carla.call('statsPeople', { query: week });
    expect(active.body.staff).toBe(50);
    expect(active.body.days.map((d: { active: number | null }) => d.active)).toEqual([50, null, 50, null, null, null, 50]);
    expect(active.body.days[1]!.previous).toBe(50);
    expect(active.body.week).toEqual({ from: '2030-10-21', to: '2030-10-27', active: 50, previous: 50 });
    expect(active.body.month).toEqual({ from: '2030-10-01', to: '2030-10-31', active: 50, previous: null });

    const lengths = await carla.call('statsSessions', { query: week });
    expect(lengths.body.buckets).toEqual([
      { bucket: 'lt1m', sessions: 80, previous: 20 },
      { bucket: '1to5m', sessions: null, previous: null },
      { bucket: '5to15m', sessions: 120, previous: 30 },
      { bucket: '15to30m', sessions: null, previous: null },
      { bucket: 'ge30m', sessions: null, previous: null },
    ]);
    // (80 × 30 + 120 × 600 + 3 × 120) / 203
    expect(lengths.body.averageSeconds).toBe(Math.round((80 * 30 + 120 * 600 + 3 * 120) / 203));

    const kinds = await carla.call('statsDevices', { query: week });
    expect(kinds.body.devices).toEqual([
      { deviceKind: 'workstation', sessions: 163, previous: 40 },
      { deviceKind: 'shared', sessions: null, previous: null },
      { deviceKind: 'kiosk', sessions: 40, previous: 10 },
    ]);
  });

  it('shows no figure for a department of fewer than 10 people', async () => {
    const department = people[0]!.department_id!;
    const members = people.filter((p) => p.department_id === department).length;
    expect(members).toBeLessThan(10);
    const res = await carla.call('statsActivity', { query: { ...week, departmentId: department } });
    expect(res.body.byWeekdayHour.every((c: { count: number | null }) => c.count === null)).toBe(true);
    expect(res.body.best).toBeNull();
    const active = await carla.call('statsPeople', { query: { ...week, departmentId: department } });
    expect(active.body.staff).toBe(members);
    expect(active.body.week.active).toBeNull();
  });

  it('lists top posts only from open content, and exports each report as CSV with formula cells neutralised', async () => {
    const posts = await carla.call('statsPosts', { query: week });
    expect(posts.body.byViews[0]).toMatchObject({ postId: hostilePostId, views: 50 });
    const csv = await carla.get(`/v1/stats/export.csv?report=posts&from=${week.from}&to=${week.to}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"") werkoverleg"`);
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
    const heat = await carla.get(`/v1/stats/export.csv?report=activity&from=${week.from}&to=${week.to}`);
    expect(heat.body).toContain('maandag,14:00,50,\r\n');
    expect(heat.body).toContain('dinsdag,10:00,,\r\n');
  });

  it('takes batches from clients bound to the caller, once per event id, and drops what is a day old', async () => {
    const now = clock.now().getTime();
    const fresh = { id: uuidv7(), kind: 'session' as const, at: new Date(now - HOUR).toISOString(), seconds: 341 };
    const stale = { id: uuidv7(), kind: 'session' as const, at: new Date(now - 2 * DAY).toISOString(), seconds: 60 };
    await s.server.foldStats();
    const first = await anna.call('recordStatsEvents', { body: { events: [fresh, stale] } });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ accepted: 1, duplicates: 0, dropped: 1 });
    const again = await anna.call('recordStatsEvents', { body: { events: [fresh] } });
    expect(again.body).toEqual({ accepted: 0, duplicates: 1, dropped: 0 });
    // The batch waits in the queue, counted once by the fold.
    expect(await s.server.foldStats()).toBe(1);
    const rows = await s.db.kysely.selectFrom('stats_events').select(['person_id', 'seconds']).where('tenant_id', '=', tenantId).where('id', '=', fresh.id).execute();
    const annaId = people.find((p) => p.id === rows[0]?.person_id)?.id;
    expect(rows).toEqual([{ person_id: annaId, seconds: 341 }]);
    expect(annaId).toBeDefined();

    // What the server sees itself cannot be claimed by a client.
    const claimed = await anna.call('recordStatsEvents', { body: { events: [{ id: uuidv7(), kind: 'post', at: new Date(now).toISOString(), subjectId: uuidv7() }] } } as never);
    expect(claimed.status).toBe(400);
    const tooMany = await anna.call('recordStatsEvents', { body: { events: Array.from({ length: 201 }, () => ({ ...fresh, id: uuidv7() })) } });
    expect(tooMany.status).toBe(400);
  });

  it('counts posts, comments and likes on the server: queued by the write, in the figures after the fold', async () => {
    const daily = () => s.db.kysely.selectFrom('stats_daily').select(['kind', 'count']).where('tenant_id', '=', tenantId).where('kind', 'in', ['post', 'comment', 'reaction']).execute();
    const total = (rows: { kind: string; count: number }[], kind: string) => rows.filter((r) => r.kind === kind).reduce((n, r) => n + Number(r.count), 0);
    // Clients' batches from the tests before wait in the same queue.
    await s.server.foldStats();
    const before = await daily();
    const post = await anna.call('createPost', { body: { body: 'Koffie staat klaar' } });
    await anna.call('createComment', { params: { id: post.body.id }, body: { body: 'Fijn!' } });
    await carla.call('likePost', { params: { id: post.body.id } });
    await carla.call('unlikePost', { params: { id: post.body.id } });
    await carla.call('likePost', { params: { id: post.body.id } });
    expect(await daily()).toEqual(before);
    expect(await s.server.foldStats()).toBe(3);
    const after = await daily();
    expect(total(after, 'post') - total(before, 'post')).toBe(1);
    expect(total(after, 'comment') - total(before, 'comment')).toBe(1);
    expect(total(after, 'reaction') - total(before, 'reaction')).toBe(1);
    // The like counts for the post and for its readers' presence, as an event counted at once would.
    const subject = await s.db.kysely.selectFrom('stats_subjects').select(['count', 'people']).where('tenant_id', '=', tenantId).where('kind', '=', 'reaction').where('subject_id', '=', post.body.id as string).executeTakeFirstOrThrow();
    expect([Number(subject.count), Number(subject.people)]).toEqual([1, 1]);
    expect(await s.server.foldStats()).toBe(0);
  });

  it('a report includes the writes made just before it is asked', async () => {
    // One person's post is below the small-group rule, so the rollup shows what the report was built from.
    const hourly = async () => Number((await s.db.kysely.selectFrom('stats_hourly').select((e) => e.fn.sum<number>('count').as('n')).where('tenant_id', '=', tenantId).where('day', '=', '2030-10-28').executeTakeFirstOrThrow()).n ?? 0);
    const before = await hourly();
    await anna.call('createPost', { body: { body: 'Wie heeft de sleutel van de medicijnkast?' } });
    expect(await hourly()).toBe(before);
    expect((await carla.call('statsActivity', { query: { from: '2030-10-28', to: '2030-10-28' } })).status).toBe(200);
    expect(await hourly()).toBe(before + 1);
  });

  it('folds on every node at once without counting an event twice or losing one', async () => {
    const kindTotal = async () => Number((await s.db.kysely.selectFrom('stats_daily').select((e) => e.fn.sum<number>('count').as('n')).where('tenant_id', '=', tenantId).where('kind', '=', 'group_visit').executeTakeFirstOrThrow()).n ?? 0);
    const before = await kindTotal();
    const at = new Date('2030-10-28T09:00:00.000Z');
    const groupId = uuidv7();
    // 1 500 visits queued by 30 writers side by side, while four folders take them in small batches.
    const writers = Array.from({ length: 30 }, (_, w) =>
      s.db.kysely.transaction().execute((trx) =>
        queueActivity(
          trx,
          tenantId,
          Array.from({ length: 50 }, (_, i) => ({ id: `visit:${w}:${i}`, kind: 'group_visit' as const, personId: people[(w + i) % people.length]!.id, at, deviceKind: 'shared' as const, seconds: 55, subjects: [{ type: 'group' as const, id: groupId }] })),
        ),
      ),
    );
    let taken = 0;
    const folder = async () => {
      for (let idle = 0; idle < 3; ) {
        const n = await foldQueuedActivity(s.db, 97);
        taken += n;
        idle = n === 0 ? idle + 1 : 0;
      }
    };
    await Promise.all([...writers, folder(), folder(), folder(), folder()]);
    taken += await s.server.foldStats();
    expect(taken).toBe(1500);
    expect((await kindTotal()) - before).toBe(1500);
    const subject = await s.db.kysely.selectFrom('stats_subjects').select(['count', 'seconds', 'people']).where('tenant_id', '=', tenantId).where('subject_id', '=', groupId).executeTakeFirstOrThrow();
    expect([Number(subject.count), Number(subject.seconds), Number(subject.people)]).toEqual([1500, 1500 * 55, people.length]);

    // The same people again, folded by a node that now knows them: counted as visits, not as new people.
    const peopleToday = async () => Number((await s.db.kysely.selectFrom('stats_people').select((e) => e.fn.sum<number>('people').as('n')).where('tenant_id', '=', tenantId).where('scope', '=', 'day').where('day', '=', '2030-10-28').executeTakeFirstOrThrow()).n ?? 0);
    const before2 = await peopleToday();
    await s.db.kysely.transaction().execute((trx) =>
      queueActivity(trx, tenantId, people.map((p, i) => ({ id: `visit:again:${i}`, kind: 'group_visit' as const, personId: p.id, at, deviceKind: 'shared' as const, seconds: 5, subjects: [{ type: 'group' as const, id: groupId }] }))),
    );
    expect(await s.server.foldStats()).toBe(people.length);
    const again = await s.db.kysely.selectFrom('stats_subjects').select(['count', 'people']).where('tenant_id', '=', tenantId).where('subject_id', '=', groupId).executeTakeFirstOrThrow();
    expect([Number(again.count), Number(again.people)]).toEqual([1500 + people.length, people.length]);
    expect(await peopleToday()).toBe(before2);
  });

  it('refuses everyone but editors and admins, and no answer names a person', async () => {
    const admin = await s.login('1004');
    const names = ['statsActivity', 'statsPeople', 'statsSessions', 'statsDevices', 'statsPosts', 'statsGroups', 'statsSearch', 'statsReadConfirmations'] as const;
    const everything: string[] = [];
    for (const name of names) {
      expect((await anna.call(name, { query: week })).status).toBe(403);
      const byAdmin = await admin.call(name, { query: week });
      expect(byAdmin.status).toBe(200);
      everything.push(JSON.stringify(byAdmin.body));
      for (const departmentId of new Set(people.map((p) => p.department_id!))) {
        everything.push(JSON.stringify((await carla.call(name, { query: { ...week, departmentId } })).body));
      }
    }
    for (const report of ['activity', 'people', 'sessions', 'devices', 'posts', 'groups', 'search']) {
      expect((await anna.get(`/v1/stats/export.csv?report=${report}`)).status).toBe(403);
      everything.push((await carla.get(`/v1/stats/export.csv?report=${report}&from=${week.from}&to=${week.to}`)).body as string);
    }
    const text = everything.join('\n');
    for (const p of people) expect(text).not.toContain(p.id);
  });

  it('keeps the organisation-wide rollups equal to the sum over every location and department', async () => {
    await s.server.foldStats();
    const k = s.db.kysely;
    const byPlace = async (table: 'stats_hourly' | 'stats_people' | 'stats_daily', keys: string[], figure: string) =>
      (await sql<Record<string, string | number>>`select ${sql.join(keys.map((c) => sql.ref(c)))}, sum(${sql.ref(figure)}) as total from ${sql.table(table)} where tenant_id = ${tenantId} group by ${sql.join(keys.map((c) => sql.ref(c)))}`.execute(k)).rows
        .map((r) => [...keys.map((c) => String(r[c])), Number(r.total)].join('|'))
        .sort();
    const org = async (table: 'stats_org_hourly' | 'stats_org_people' | 'stats_org_daily', keys: string[], figure: string) =>
      (await sql<Record<string, string | number>>`select ${sql.join(keys.map((c) => sql.ref(c)))}, ${sql.ref(figure)} as total from ${sql.table(table)} where tenant_id = ${tenantId}`.execute(k)).rows
        .map((r) => [...keys.map((c) => String(r[c])), Number(r.total)].join('|'))
        .sort();
    const hourly = await org('stats_org_hourly', ['day', 'hour'], 'count');
    expect(hourly.length).toBeGreaterThan(5);
    expect(hourly).toEqual(await byPlace('stats_hourly', ['day', 'hour'], 'count'));
    expect(await org('stats_org_people', ['scope', 'day'], 'people')).toEqual(await byPlace('stats_people', ['scope', 'day'], 'people'));
    expect(await org('stats_org_daily', ['day', 'kind', 'device_kind', 'bucket'], 'seconds')).toEqual(await byPlace('stats_daily', ['day', 'kind', 'device_kind', 'bucket'], 'seconds'));
  });

  it('forgets individual events after the retention, and keeps the counts', async () => {
    const count = async (table: 'stats_events' | 'stats_presence') => Number((await s.db.kysely.selectFrom(table).select((e) => e.fn.countAll().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);
    const heatBefore = (await carla.call('statsActivity', { query: week })).body;
    expect(await count('stats_events')).toBeGreaterThan(0);
    clock.set('2031-01-10T12:00:00.000Z');
    await s.server.runMaintenance();
    // Events of 12 October and later are within 90 days of 10 January: 15 October's stay, nothing older exists.
    expect(await count('stats_events')).toBeGreaterThan(0);
    clock.set('2031-01-30T12:00:00.000Z');
    await s.server.runMaintenance();
    expect(await count('stats_events')).toBe(0);
    expect(await count('stats_presence')).toBe(0);
    // An old event still waiting for the fold is counted before it is forgotten.
    await s.db.kysely.transaction().execute((trx) => queueActivity(trx, tenantId, [{ id: 'late', kind: 'post', personId: people[0]!.id, at: new Date('2030-10-01T09:00:00.000Z'), deviceKind: 'workstation' }]));
    await s.server.runMaintenance();
    expect(await count('stats_events')).toBe(1);
    await s.server.foldStats();
    await s.server.runMaintenance();
    expect(await count('stats_events')).toBe(0);
    const later = await s.login('1003');
    expect((await later.call('statsActivity', { query: week })).body).toEqual(heatBefore);
  });
});
