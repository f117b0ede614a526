import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResponse } from '../../../../common/src/api/sync.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('view counts (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    [anna, bram, carla] = await Promise.all([s.login('1001'), s.login('1002'), s.login('1003')]);
  });
  afterAll(() => s?.close());

  it('counts each colleague once per post, however many batches arrive at once', async () => {
    const first = (await carla.post('/v1/posts', { body: 'Wie heeft dit gezien?' })).body.id as string;
    const second = (await carla.post('/v1/posts', { body: 'En dit?' })).body.id as string;
    const batches = await Promise.all(Array.from({ length: 12 }, () => anna.post('/v1/post-views', { postIds: [first, second, first] })));
    expect(batches.every((b) => b.status === 200)).toBe(true);
    const bramSaw = await bram.post('/v1/post-views', { postIds: [first] });
    expect(bramSaw.body.counts).toEqual([{ postId: first, viewCount: 2 }]);
    expect((await carla.get(`/v1/posts/${first}`)).body.viewCount).toBe(2);
    expect((await carla.get(`/v1/posts/${second}`)).body.viewCount).toBe(1);
    const rows = await s.db.kysely.selectFrom('post_views').select('person_id').where('post_id', '=', first).execute();
    expect(rows).toHaveLength(2);
  });

  it('publishes changed counts through the change feed in one write, not one per view', async () => {
    const postId = (await carla.post('/v1/posts', { body: 'Nieuwe koffieautomaat op de tweede.' })).body.id as string;
    await s.server.publishViewCounts();
    const cursor = Number((await s.db.kysely.selectFrom('tenant_seq').select('last_seq').where('tenant_id', '=', s.tenants.demo!).executeTakeFirstOrThrow()).last_seq);
    await anna.post('/v1/post-views', { postIds: [postId] });
    await bram.post('/v1/post-views', { postIds: [postId] });
    const before = Number((await s.db.kysely.selectFrom('tenant_seq').select('last_seq').where('tenant_id', '=', s.tenants.demo!).executeTakeFirstOrThrow()).last_seq);
    expect(before).toBe(cursor);
    expect(await s.server.publishViewCounts()).toBe(1);
    const page = await bram.get<SyncResponse>(`/v1/sync?since=${cursor}&limit=100&scope=shared`);
    expect(page.body.changes).toEqual([expect.objectContaining({ entity: 'post', id: postId, op: 'upsert', data: expect.objectContaining({ viewCount: 2 }) })]);
    expect(await s.server.publishViewCounts()).toBe(0);
  });

  it('never counts a post the viewer may not see, and never says who viewed', async () => {
    const me = (await anna.get('/v1/me')).body;
    const privateGroup = (await anna.get('/v1/groups')).body.items.find((g: { visibility: string; id: string }) => g.visibility === 'private' && me.memberships.some((m: { groupId: string }) => m.groupId === g.id));
    const secret = (await anna.post('/v1/posts', { body: 'Alleen voor het team', groupId: privateGroup.id })).body.id as string;
    const outsider = (await s.login('1005'));
    const isMember = (await outsider.get('/v1/me')).body.memberships.some((m: { groupId: string }) => m.groupId === privateGroup.id);
    const answer = await outsider.post('/v1/post-views', { postIds: [secret] });
    expect(answer.body.counts).toEqual(isMember ? [{ postId: secret, viewCount: 1 }] : []);
    const post = (await anna.get(`/v1/posts/${secret}`)).body;
    expect(Object.keys(post)).not.toContain('viewers');
    expect(JSON.stringify(post)).not.toContain((await outsider.get('/v1/me')).body.person.id);
  });

  it('refuses an empty or oversized batch with a clear error', async () => {
    expect((await anna.post('/v1/post-views', { postIds: [] })).body.error.code).toBe('validation');
    const many = Array.from({ length: 201 }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`);
    expect((await anna.post('/v1/post-views', { postIds: many })).status).toBe(400);
  });
});
