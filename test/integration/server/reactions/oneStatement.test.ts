import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../../server/src/auth/principal.js';
import { createRealtimeHub, type RealtimeHub } from '../../../../server/src/realtime/hub.js';
import type { FeedContext } from '../../../../server/src/sync/feed.js';
import { reactInOneStatement } from '../../../../server/src/timeline/oneStatementReaction.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, workstationPrincipal, type TestServer } from '../../../fixtures/testServer.js';

const onPostgres = (await testDialects()).includes('postgres');

describe.runIf(onPostgres)('a reaction in one statement (postgres)', () => {
  let s: TestServer;
  let bram: TestClient;
  let hub: RealtimeHub;
  let ctx: FeedContext;
  let anna: Principal;

  beforeAll(async () => {
    s = await startTestServer('postgres');
    bram = await s.login('1002');
    anna = await workstationPrincipal(s, '1001');
    hub = createRealtimeHub({ ...s.db, postgresUrl: null });
    ctx = { db: s.db, k: s.db.kysely, now: () => new Date(), realtime: hub };
  });
  afterAll(async () => {
    await hub?.close();
    await s?.close();
  });

  const likesOn = async (postId: string) => s.db.kysely.selectFrom('likes').select('person_id').where('post_id', '=', postId).execute();
  const pendingFor = async (postId: string) =>
    s.db.kysely.selectFrom('changes').select('seq').where('entity_id', 'in', [postId, `${postId}:${anna.personId}`]).where('seq', '<', 0).execute();

  it('adds nothing to a post deleted after it was read: no like, no count, no change rows', async () => {
    const post = await bram.post('/v1/posts', { body: 'Wie heeft de sleutel van de medicijnkast?' });
    expect((await bram.delete(`/v1/posts/${post.body.id}`)).status).toBe(200);
    expect(await reactInOneStatement(ctx, anna, { id: post.body.id, group_id: null }, 'org', 'like')).toBeUndefined();
    expect(await likesOn(post.body.id)).toEqual([]);
    expect(await pendingFor(post.body.id)).toEqual([]);
  });

  it('gives and takes back her like with the counters, and leaves her second like and second take-back to the transaction', async () => {
    const post = await bram.post('/v1/posts', { body: 'Koffie staat klaar.' });
    const given = await reactInOneStatement(ctx, anna, { id: post.body.id, group_id: null }, 'org', 'hart');
    expect(given).toMatchObject({ like_count: 1, reactions_hart: 1 });
    expect(await reactInOneStatement(ctx, anna, { id: post.body.id, group_id: null }, 'org', 'like')).toBeUndefined();
    const events = await s.db.kysely.selectFrom('stats_events').select('id').where('id', '=', `like:${post.body.id}:${anna.personId}`).execute();
    expect(events).toHaveLength(1);
    expect(await reactInOneStatement(ctx, anna, { id: post.body.id, group_id: null }, 'org', null)).toMatchObject({ like_count: 0, reactions_hart: 0 });
    expect(await reactInOneStatement(ctx, anna, { id: post.body.id, group_id: null }, 'org', null)).toBeUndefined();
    expect((await bram.get(`/v1/posts/${post.body.id}`)).body).toMatchObject({ likeCount: 0 });
  });
});
