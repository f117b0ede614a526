import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../../common/src/ids.js';
import type { Principal } from '../../../../server/src/auth/principal.js';
import { recordViews } from '../../../../server/src/postViews/recordViews.js';
import { recordActivity } from '../../../../server/src/stats/record.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

/** What the statistics hear from elsewhere: views where the server records them, group time from clients, a shared PC's grant. */
describe.each(dialects)('statistics from views, group visits and ward PCs (%s)', (dialect) => {
  let s: TestServer;
  let carla: TestClient;
  let tenantId: string;
  let people: { id: string }[];
  const clock = testClock('2030-03-05T13:30:00.000Z');
  const today = { from: '2030-03-05', to: '2030-03-05' };
  const as = (personId: string): Principal => ({ kind: 'person', tenantId, personId, roles: ['employee'], tokenHash: 'test', deviceId: null, deviceKind: 'workstation', via: 'session' });

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now });
    tenantId = s.tenants.demo!;
    carla = await s.login('1003');
    people = await s.db.kysely.selectFrom('people').select('id').where('tenant_id', '=', tenantId).where('active', '=', 1).orderBy('id').limit(12).execute();
  });
  afterAll(() => s?.close());

  it('counts a post view once per person, as the view counter does, and not at all for fewer than 10 people', async () => {
    const post = await carla.call('createPost', { body: { body: 'Nieuwe parkeerregels vanaf maandag' } });
    const quiet = await carla.call('createPost', { body: { body: 'Alleen voor het kleine team' } });
    for (const p of people) {
      await recordViews(s.server.ctx, as(p.id), [post.body.id, post.body.id]);
      await recordViews(s.server.ctx, as(p.id), [post.body.id]);
    }
    for (const p of people.slice(0, 3)) await recordViews(s.server.ctx, as(p.id), [quiet.body.id]);

    const top = await carla.call('statsPosts', { query: today });
    expect(top.body.byViews.map((x: { postId: string; views: number | null }) => [x.postId, x.views])).toEqual([[post.body.id, 12]]);
  });

  it('counts time spent in an open group as clients send it, per visit and on average', async () => {
    const group = await s.db.kysely.selectFrom('groups').select('id').where('tenant_id', '=', tenantId).where('visibility', '=', 'open').orderBy('id').executeTakeFirstOrThrow();
    const at = new Date(clock.now().getTime() - 600_000).toISOString();
    // Two people visit it through the API, the rest as their clients' batches are counted.
    for (const [i, n] of ['1001', '1002'].entries()) {
      const client = await s.login(n);
      const sent = await client.call('recordStatsEvents', { body: { events: [{ id: uuidv7(), kind: 'group_visit', at, seconds: 60 + i * 60, subjectId: group.id }] } });
      expect(sent.body).toEqual({ accepted: 1, duplicates: 0, dropped: 0 });
    }
    await s.db.kysely.transaction().execute((trx) =>
      recordActivity(
        trx,
        tenantId,
        people.slice(0, 10).map((p) => ({ id: uuidv7(), kind: 'group_visit' as const, personId: p.id, at: new Date(at), deviceKind: 'workstation' as const, seconds: 300, subjects: [{ type: 'group' as const, id: group.id }] })),
      ),
    );
    const groups = await carla.call('statsGroups', { query: today });
    const row = groups.body.groups.find((g: { groupId: string }) => g.groupId === group.id);
    expect(row).toMatchObject({ visits: 12, averageSeconds: Math.round((60 + 120 + 10 * 300) / 12) });
  });

  it('takes a batch sent with a shared PC’s delivery grant after the session ended, as that person on that kind of device', async () => {
    const device = await s.enrolDevice({ mode: 'shared' });
    const bram = await device.loginPin('1002');
    await bram.post('/v1/auth/logout', { reason: 'lock' });
    const id = uuidv7();
    const sent = await device.with(bram.grant).call('recordStatsEvents', { body: { events: [{ id, kind: 'session', at: new Date(clock.now().getTime() - 60_000).toISOString(), seconds: 95 }] } });
    expect(sent.status).toBe(202);
    const row = await s.db.kysely.selectFrom('stats_events').innerJoin('people', (j) => j.onRef('people.id', '=', 'stats_events.person_id')).select(['people.employee_number', 'stats_events.device_kind']).where('stats_events.id', '=', id).executeTakeFirst();
    expect(row).toEqual({ employee_number: '1002', device_kind: 'shared' });
    // The grant sends statistics; it still reads none.
    expect((await device.with(bram.grant).call('statsActivity', { query: today })).status).toBe(403);
  });

  it('shows how far a "lezen verplicht" message has come, for the filter, without naming anyone and not for a small team', async () => {
    const post = await carla.call('createPost', { body: { body: 'Nieuw protocol handhygiëne: lees het vóór je volgende dienst' } });
    expect((await carla.put(`/v1/posts/${post.body.id}/read-requirement`, { audience: { everyone: true } })).status).toBe(200);
    const everyone = await s.db.kysely.selectFrom('people').select(['id', 'department_id']).where('tenant_id', '=', tenantId).where('active', '=', 1).execute();
    const now = clock.now().toISOString();
    await s.db.kysely
      .insertInto('read_receipts')
      .values(people.map((p) => ({ tenant_id: tenantId, post_id: post.body.id, person_id: p.id, confirmed_at: now, later_count: 0, updated_at: now })))
      .execute();

    const all = await carla.call('statsReadConfirmations', { query: today });
    expect(all.body.available).toBe(true);
    expect(all.body.items).toEqual([{ subjectId: post.body.id, title: 'Nieuw protocol handhygiëne: lees het vóór je volgende dienst', confirmed: 12, audience: everyone.length }]);
    // One department is fewer than 10 colleagues: the message is not listed for it.
    const department = everyone[0]!.department_id!;
    expect(everyone.filter((p) => p.department_id === department).length).toBeLessThan(10);
    expect((await carla.call('statsReadConfirmations', { query: { ...today, departmentId: department } })).body.items).toEqual([]);
    // A period before the message was marked has nothing.
    expect((await carla.call('statsReadConfirmations', { query: { from: '2030-02-01', to: '2030-02-28' } })).body.items).toEqual([]);
    expect(JSON.stringify(all.body)).not.toContain(people[0]!.id);
  });

  it('keeps individual events for the organisation’s own retention, 31 days here', async () => {
    const count = async () => Number((await s.db.kysely.selectFrom('stats_events').select((e) => e.fn.countAll().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);
    const org = await s.db.kysely.selectFrom('organisations').select('settings').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    await s.db.kysely.updateTable('organisations').set({ settings: JSON.stringify({ ...JSON.parse(org.settings), statsRetentionDays: 31 }) }).where('tenant_id', '=', tenantId).execute();
    const before = await count();
    expect(before).toBeGreaterThan(0);
    clock.set('2030-04-04T12:00:00.000Z');
    await s.server.runMaintenance();
    expect(await count()).toBe(before);
    clock.set('2030-04-06T14:00:00.000Z');
    await s.server.runMaintenance();
    expect(await count()).toBe(0);
  });
});
