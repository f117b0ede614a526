import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('posts, comments and likes (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;
  let team3b: string;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    [anna, bram, carla] = await Promise.all([s.login('1001'), s.login('1002'), s.login('1003')]);
    const groups = await anna.get('/v1/groups');
    team3b = groups.body.items.find((g: { name: string }) => g.name === 'Team 3B').id;
  });
  afterAll(() => s?.close());

  it('publishes a post with its hashtags and mentions, newest first on the timeline', async () => {
    const created = await anna.post('/v1/posts', { body: 'Vanaf maandag nieuwe #Griepprik ronde, @bram.jansen doe je mee? #griepprik' });
    expect(created.status).toBe(201);
    expect(created.body.hashtags).toEqual(['griepprik']);
    expect(created.body.mentions).toEqual([expect.objectContaining({ handle: 'bram.jansen' })]);
    const list = await bram.get('/v1/posts?limit=5');
    expect(list.body.items[0].id).toBe(created.body.id);
  });

  it('tells only members of a private group that they were mentioned in it', async () => {
    const members = (await anna.get(`/v1/groups/${team3b}/members`)).body.items as { personId: string }[];
    const annaId = (await anna.get('/v1/me')).body.person.id as string;
    const colleague = members.find((m) => m.personId !== annaId)!;
    const colleagueHandle = (await anna.get(`/v1/people/${colleague.personId}`)).body.handle as string;
    const bramId = (await bram.get('/v1/me')).body.person.id as string;
    const post = await anna.post('/v1/posts', { body: `Overdracht voor @${colleagueHandle} en @bram.jansen`, groupId: team3b });
    expect(post.status).toBe(201);
    const told = await s.db.kysely.selectFrom('notifications').select('person_id').where('post_id', '=', post.body.id).execute();
    expect(told.map((n) => n.person_id)).toEqual([colleague.personId]);
    expect(told.map((n) => n.person_id)).not.toContain(bramId);
  });

  it('filters by hashtag, case-insensitively', async () => {
    const post = await anna.post('/v1/posts', { body: 'Wie helpt zaterdag bij de #Verhuizing van afdeling 2?' });
    const tagged = await bram.get('/v1/posts?hashtag=verhuizing');
    expect(tagged.body.items[0].id).toBe(post.body.id);
    expect(tagged.body.items.every((p: { hashtags: string[] }) => p.hashtags.includes('verhuizing'))).toBe(true);
    const withHash = await bram.get(`/v1/posts?hashtag=${encodeURIComponent('#VERHUIZING')}`);
    expect(withHash.body.items).toEqual(tagged.body.items);
    const all = await bram.get('/v1/posts?limit=100');
    expect(all.body.items.length).toBeGreaterThan(tagged.body.items.length);
  });

  it('pages through the timeline with a cursor without gaps or repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await anna.get(`/v1/posts?limit=25${cursor ? `&cursor=${cursor}` : ''}`);
      for (const p of res.body.items) {
        expect(seen.has(p.id)).toBe(false);
        seen.add(p.id);
      }
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 200);
    const me = (await anna.get('/v1/me')).body;
    const memberOf = new Set(me.memberships.map((m: { groupId: string }) => m.groupId));
    const rows = await s.db.kysely
      .selectFrom('posts')
      .leftJoin('groups', (j) => j.onRef('groups.id', '=', 'posts.group_id').onRef('groups.tenant_id', '=', 'posts.tenant_id'))
      .select(['posts.id', 'posts.group_id', 'groups.visibility'])
      .where('posts.tenant_id', '=', s.tenants.demo!)
      .execute();
    const visible = rows.filter((r) => r.group_id === null || r.visibility !== 'private' || memberOf.has(r.group_id));
    expect([...seen].sort()).toEqual(visible.map((r) => r.id).sort());
  });

  it('keeps private group posts from people outside the group', async () => {
    const secret = await anna.post('/v1/posts', { body: 'Overdracht kamer 12: alleen voor ons team', groupId: team3b });
    expect(secret.status).toBe(201);
    expect((await bram.get(`/v1/posts/${secret.body.id}`)).status).toBe(404);
    expect((await bram.get(`/v1/posts?groupId=${team3b}`)).status).toBe(404);
    const bramTimeline = await bram.get('/v1/posts?limit=100');
    expect(bramTimeline.body.items.some((p: { id: string }) => p.id === secret.body.id)).toBe(false);
    expect((await bram.post(`/v1/posts/${secret.body.id}/comments`, { body: 'hoi' })).status).toBe(404);
    expect((await bram.put(`/v1/posts/${secret.body.id}/like`)).status).toBe(404);
    expect((await anna.get(`/v1/posts?groupId=${team3b}`)).body.items[0].id).toBe(secret.body.id);
  });

  it('does not let a non-member post into a group', async () => {
    const res = await bram.post('/v1/posts', { body: 'Mag ik hier ook iets zeggen?', groupId: team3b });
    expect(res.status).toBe(404);
  });

  it('lets an author edit their own post but nobody else’s', async () => {
    const post = await anna.post('/v1/posts', { body: 'Koffie staat klaar in de teamkamer' });
    const edited = await anna.patch(`/v1/posts/${post.body.id}`, { body: 'Koffie en #taart staan klaar in de teamkamer' });
    expect(edited.status).toBe(200);
    expect(edited.body.editedAt).not.toBeNull();
    expect(edited.body.hashtags).toEqual(['taart']);
    expect((await bram.patch(`/v1/posts/${post.body.id}`, { body: 'gehackt' })).status).toBe(403);
    expect((await bram.get(`/v1/posts/${post.body.id}`)).body.body).toBe('Koffie en #taart staan klaar in de teamkamer');
  });

  it('lets only editors pin a post', async () => {
    const post = await anna.post('/v1/posts', { body: 'Belangrijk: nieuwe parkeerregels' });
    expect((await anna.patch(`/v1/posts/${post.body.id}`, { pinned: true })).status).toBe(403);
    expect((await anna.post('/v1/posts', { body: 'Ik pin mezelf', pinned: true })).status).toBe(403);
    const pinned = await carla.patch(`/v1/posts/${post.body.id}`, { pinned: true });
    expect(pinned.body.pinned).toBe(true);
    const list = await bram.get('/v1/posts?pinned=true');
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(post.body.id);
  });

  it('deletes own posts, and an editor may delete anyone’s, with their comments', async () => {
    const own = await bram.post('/v1/posts', { body: 'Oeps, verkeerde groep' });
    expect((await anna.delete(`/v1/posts/${own.body.id}`)).status).toBe(403);
    expect((await bram.delete(`/v1/posts/${own.body.id}`)).status).toBe(200);
    expect((await bram.get(`/v1/posts/${own.body.id}`)).status).toBe(404);

    const other = await bram.post('/v1/posts', { body: 'Iets wat weg moet' });
    await anna.post(`/v1/posts/${other.body.id}/comments`, { body: 'Klopt dit wel?' });
    expect((await carla.delete(`/v1/posts/${other.body.id}`)).status).toBe(200);
    const left = await s.db.kysely.selectFrom('comments').select('id').where('post_id', '=', other.body.id).execute();
    expect(left).toEqual([]);
  });

  it('counts comments and tells the author with a reply notification', async () => {
    const post = await bram.post('/v1/posts', { body: 'Wie weet waar de tillift van gang B is?' });
    const comment = await anna.post(`/v1/posts/${post.body.id}/comments`, { body: 'Staat bij kamer 4!' });
    expect(comment.status).toBe(201);
    expect((await bram.get(`/v1/posts/${post.body.id}`)).body.commentCount).toBe(1);
    const comments = await bram.get(`/v1/posts/${post.body.id}/comments`);
    expect(comments.body.items.map((c: { body: string }) => c.body)).toEqual(['Staat bij kamer 4!']);
    const reply = await s.db.kysely.selectFrom('notifications').selectAll().where('comment_id', '=', comment.body.id).execute();
    expect(reply).toHaveLength(1);
    expect(reply[0]!.kind).toBe('reply');
    expect((await bram.delete(`/v1/comments/${comment.body.id}`)).status).toBe(403);
    expect((await anna.delete(`/v1/comments/${comment.body.id}`)).status).toBe(200);
    expect((await bram.get(`/v1/posts/${post.body.id}`)).body.commentCount).toBe(0);
  });

  it('counts a like once however often it is sent, and takes it back once', async () => {
    const post = await carla.post('/v1/posts', { body: 'Dank aan iedereen voor de inzet deze week!' });
    const first = await anna.put(`/v1/posts/${post.body.id}/like`);
    const again = await anna.put(`/v1/posts/${post.body.id}/like`);
    expect(first.body).toEqual({ likeCount: 1, likedByMe: true });
    expect(again.body).toEqual({ likeCount: 1, likedByMe: true });
    await bram.put(`/v1/posts/${post.body.id}/like`);
    expect((await anna.get(`/v1/posts/${post.body.id}`)).body).toMatchObject({ likeCount: 2, likedByMe: true });
    await anna.delete(`/v1/posts/${post.body.id}/like`);
    const undone = await anna.delete(`/v1/posts/${post.body.id}/like`);
    expect(undone.body).toEqual({ likeCount: 1, likedByMe: false });
  });

  it('finds colleagues in the directory by name', async () => {
    const res = await bram.get('/v1/people?q=anna de v');
    expect(res.body.items.map((p: { name: string }) => p.name)).toContain('Anna de Vries');
    const one = await bram.get(`/v1/people/${res.body.items[0].id}`);
    expect(one.status).toBe(200);
  });
});
