import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../../common/src/ids.js';
import { recordActivity, type ActivityEvent } from '../../../../server/src/stats/record.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('the side column figures (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let carla: TestClient;
  let eva: TestClient;
  let tenantId: string;
  let people: { id: string }[];
  const clock = testClock('2030-11-20T10:00:00.000Z');

  const record = (events: ActivityEvent[]) => s.db.kysely.transaction().execute((trx) => recordActivity(trx, tenantId, events));
  const at = (iso: string) => new Date(iso);
  const sessionOf = (personId: string, when: string): ActivityEvent => ({ id: uuidv7(), kind: 'session', personId, at: at(when), deviceKind: 'workstation', seconds: 300 });
  const reactionsTo = (postId: string, who: { id: string }[], when = '2030-11-12T09:00:00.000Z'): ActivityEvent[] =>
    who.map((p) => ({ id: uuidv7(), kind: 'reaction', personId: p.id, at: at(when), deviceKind: 'workstation', subjects: [{ type: 'post', id: postId }] }));
  const social = async (c: TestClient) => {
    const res = await c.call('statsSocial', {});
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now, options: { statsFoldSeconds: 3600 } });
    tenantId = s.tenants.demo!;
    [anna, carla, eva] = await Promise.all([s.login('1001'), s.login('1003'), s.login('1005')]);
    people = await s.db.kysely.selectFrom('people').select('id').where('tenant_id', '=', tenantId).where('active', '=', 1).orderBy('id').execute();
    expect(people.length).toBe(50);
  });
  afterAll(() => s?.close());

  it('shows nothing while fewer than 10 colleagues are behind a figure', async () => {
    await record(people.slice(0, 9).map((p) => sessionOf(p.id, '2030-11-03T08:00:00.000Z')));
    expect(await social(anna)).toEqual({ month: '2030-11', activePercent: null, mostLiked: null });
  });

  it("gives every colleague this month's share of active colleagues and its most-liked post that everyone may read", async () => {
    // 34 of the 50 were here this month (the 9 above among them); 20 more only last month.
    await record([
      ...people.slice(9, 34).map((p) => sessionOf(p.id, '2030-11-18T12:00:00.000Z')),
      ...people.slice(30, 50).map((p) => sessionOf(p.id, '2030-10-18T12:00:00.000Z')),
    ]);
    const liked = (await carla.call('createPost', { body: { body: 'Het nieuwe zorgplan is af, dank aan iedereen!' } })).body.id as string;
    const few = (await carla.call('createPost', { body: { body: 'Een bericht met negen reacties' } })).body.id as string;
    const hidden = (await carla.call('createPost', { body: { body: 'Een bericht dat verborgen wordt' } })).body.id as string;
    const lastMonth = (await carla.call('createPost', { body: { body: 'Vorige maand het populairst' } })).body.id as string;
    await record([
      ...reactionsTo(liked, people.slice(0, 12)),
      ...reactionsTo(few, people.slice(0, 9)),
      ...reactionsTo(hidden, people.slice(0, 20)),
      ...reactionsTo(lastMonth, people.slice(0, 30), '2030-10-30T09:00:00.000Z'),
    ]);
    expect((await eva.post(`/v1/moderation/items/post/${hidden}/hide`, { reason: 'Dubbel geplaatst' })).status).toBe(200);

    expect(await social(anna)).toEqual({
      month: '2030-11',
      activePercent: 68,
      mostLiked: { postId: liked, excerpt: 'Het nieuwe zorgplan is af, dank aan iedereen!', groupName: null, reactions: 12 },
    });
  });

  it('asks for a session: a device alone is refused', async () => {
    const kiosk = await s.enrolDevice({ mode: 'kiosk', name: 'Kiosk' });
    expect((await kiosk.get('/v1/stats/social')).status).toBe(401);
  });
});
