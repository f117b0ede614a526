import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../../common/src/ids.js';
import type { StatsEventKind } from '../../../../common/src/api/routes/stats.js';
import { recordActivity } from '../../../../server/src/stats/record.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

/** The top posts of a week: chosen by the database, thinned by the small-group rule and by privacy. */
describe.each(dialects)('top posts (%s)', (dialect) => {
  let s: TestServer;
  let carla: TestClient;
  let tenantId: string;
  let people: string[];
  const clock = testClock('2030-10-28T10:00:00.000Z');
  const week = { from: '2030-10-21', to: '2030-10-27' };

  /** `count` events of `kind` on the post, spread over the first `by` people, on `day` at noon. */
  const events = (kind: StatsEventKind, postId: string, day: string, count: number, by = count) =>
    Array.from({ length: count }, (_, i) => ({
      id: uuidv7(),
      kind,
      personId: people[i % by]!,
      at: new Date(`${day}T10:00:00.000Z`),
      deviceKind: 'workstation' as const,
      subjects: [{ type: 'post' as const, id: postId }],
    }));
  const post = async (body: string) => (await carla.call('createPost', { body: { body } })).body.id as string;

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now, options: { statsFoldSeconds: 3600 } });
    tenantId = s.tenants.demo!;
    carla = await s.login('1003');
    people = (await s.db.kysely.selectFrom('people').select('id').where('tenant_id', '=', tenantId).where('active', '=', 1).orderBy('id').execute()).map((p) => p.id);
    expect(people.length).toBeGreaterThanOrEqual(50);
  });
  afterAll(() => s?.close());

  it('ranks the week’s posts per kind, leaves out a post too few people made big and one in a private group, and names the month’s most-liked', async () => {
    const liked = await post('Nieuwe koffieautomaat op de tweede verdieping');
    const few = await post('Dienstruil gezocht voor zaterdag');
    const runnerUp = await post('Bedankt voor jullie inzet tijdens de griepgolf');
    const october = await post('Welkom aan onze nieuwe collega’s');
    const hidden = await s.db.kysely
      .selectFrom('posts')
      .innerJoin('groups', (j) => j.onRef('groups.tenant_id', '=', 'posts.tenant_id').onRef('groups.id', '=', 'posts.group_id'))
      .select('posts.id')
      .where('posts.tenant_id', '=', tenantId)
      .where('groups.visibility', '=', 'private')
      .executeTakeFirstOrThrow();

    await s.db.kysely.transaction().execute((trx) =>
      recordActivity(trx, tenantId, [
        ...events('reaction', liked, '2030-10-23', 30),
        ...events('post_view', liked, '2030-10-23', 20),
        ...events('reaction', liked, '2030-10-16', 11),
        // Sixty views, but by six people: more than any other post, and still not shown.
        ...events('post_view', few, '2030-10-22', 60, 6),
        ...events('comment', few, '2030-10-22', 15),
        ...events('reaction', runnerUp, '2030-10-22', 25),
        ...events('reaction', hidden.id, '2030-10-24', 45),
        ...events('reaction', october, '2030-10-02', 50),
      ]),
    );

    const top = (await carla.call('statsPosts', { query: week })).body;
    const figures = (list: { postId: string; views: number | null; reactions: number | null; comments: number | null; previous: number | null }[]) =>
      list.map(({ postId, views, reactions, comments, previous }) => ({ postId, views, reactions, comments, previous }));
    expect(figures(top.byViews)).toEqual([{ postId: liked, views: 20, reactions: 30, comments: null, previous: null }]);
    expect(figures(top.byReactions)).toEqual([
      { postId: liked, views: 20, reactions: 30, comments: null, previous: 11 },
      { postId: runnerUp, views: null, reactions: 25, comments: null, previous: null },
    ]);
    expect(figures(top.byComments)).toEqual([{ postId: few, views: null, reactions: null, comments: 15, previous: null }]);
    expect(top.mostLikedOfMonth).toMatchObject({ month: '2030-10', post: { postId: october, reactions: 50, excerpt: 'Welkom aan onze nieuwe collega’s', previous: null } });
  });
});
