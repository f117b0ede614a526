import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostView } from '../../../../common/src/api/routes.js';
import type { PostReview } from '../../../../common/src/api/routes/reviews.js';
import type { SyncResponse } from '../../../../common/src/api/sync.js';
import { uuidv7 } from '../../../../common/src/ids.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { openEventStream } from '../../../fixtures/sseReader.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('meekijken: drafts for a coach and posts waiting for approval (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;
  let eva: TestClient;
  const ids: Record<string, string> = {};

  const timelineIds = async (by: TestClient) => ((await by.get<{ items: PostView[] }>('/v1/posts?limit=100')).body.items ?? []).map((p) => p.id);
  const searchIds = async (by: TestClient, q: string) => ((await by.get(`/v1/search?q=${encodeURIComponent(q)}&limit=20`)).body.results as { id: string }[]).map((r) => r.id);
  const feedIds = async (by: TestClient, since: number) =>
    (await by.get<SyncResponse>(`/v1/sync?since=${since}&limit=5000&scope=all`)).body.changes.filter((c) => c.entity === 'post').map((c) => c.id);
  const latestSeq = async (by: TestClient) => {
    let since = 0;
    for (;;) {
      const page = (await by.get<SyncResponse>(`/v1/sync?since=${since}&limit=5000&scope=shared`)).body;
      since = page.next;
      if (!page.hasMore) return since;
    }
  };
  const queueIds = async (by: TestClient) => (await by.get<{ items: PostReview[] }>('/v1/post-reviews/queue')).body.items.map((r) => r.id);

  beforeAll(async () => {
    s = await startTestServer(dialect);
    [anna, bram, carla, eva] = await Promise.all([s.login('1001'), s.login('1002'), s.login('1003'), s.login('1005')]);
    for (const [name, c] of Object.entries({ anna, bram, carla, eva })) ids[name] = (await c.get('/v1/me')).body.person.id;
  });
  afterAll(() => s?.close());

  it('keeps a draft out of every timeline, feed and search, shows it to its author and coaches only, and tells her of a suggestion', async () => {
    const since = await latestSeq(bram);
    const stream = await openEventStream(s.url, anna.token);
    try {
      const asked = await anna.post<PostView>('/v1/posts', { id: uuidv7(), body: 'Vandaag een mooie wandeling met bewoners #kijkmee', review: 'look' });
      expect(asked.status).toBe(201);
      expect(asked.body.review).toBe('look');
      const id = asked.body.id;
      // An ordinary post afterwards: what the first write announced would be in the feed by now.
      const barrier = await bram.post<PostView>('/v1/posts', { body: 'Gewoon een bericht tussendoor.' });

      for (const who of [anna, bram, carla, eva]) {
        expect(await timelineIds(who)).not.toContain(id);
        const feed = await feedIds(who, since);
        expect(feed).toContain(barrier.body.id);
        expect(feed).not.toContain(id);
        expect(await searchIds(who, 'wandeling bewoners')).not.toContain(id);
      }
      expect((await bram.get(`/v1/posts/${id}`)).status).toBe(404);
      expect((await bram.get(`/v1/post-reviews/${id}`)).status).toBe(404);
      expect((await bram.get('/v1/post-reviews/queue')).status).toBe(403);
      expect((await bram.post(`/v1/post-reviews/${id}/notes`, { id: uuidv7(), kind: 'comment', body: 'Ik kijk mee' })).status).toBe(403);
      expect((await anna.get<{ items: PostReview[] }>('/v1/post-reviews/mine')).body.items.map((r) => r.id)).toContain(id);
      expect(await queueIds(eva)).toContain(id);
      expect(await queueIds(carla)).toContain(id);

      const suggested = 'Vandaag een mooie wandeling gemaakt met de bewoners van De Linde. #kijkmee';
      const noteId = uuidv7();
      const note = await eva.post<PostReview>(`/v1/post-reviews/${id}/notes`, { id: noteId, kind: 'suggestion', body: suggested });
      expect(note.status).toBe(201);
      expect(note.body.status).toBe('answered');
      // Delivered again: one note, one notification.
      await eva.post(`/v1/post-reviews/${id}/notes`, { id: noteId, kind: 'suggestion', body: suggested });
      const told = await stream.waitFor((e) => e.event === 'notification' && e.data.notification.postId === id, 5000);
      expect(told.data.notification.kind).toBe('post_review');
      const mine = (await anna.get<PostReview>(`/v1/post-reviews/${id}`)).body;
      expect(mine.notes).toEqual([expect.objectContaining({ kind: 'suggestion', body: suggested, authorId: ids.eva })]);
      expect(await queueIds(eva)).not.toContain(id);

      expect((await bram.post(`/v1/post-reviews/${id}/publish`, { body: suggested })).status).toBe(404);
      expect((await eva.post(`/v1/post-reviews/${id}/publish`, { body: suggested })).status).toBe(403);
      const published = await anna.post(`/v1/post-reviews/${id}/publish`, { body: suggested });
      expect(published.body).toEqual({ status: 'published' });
      expect((await bram.get<PostView>(`/v1/posts/${id}`)).body.body).toBe(suggested);
      expect((await anna.get(`/v1/post-reviews/${id}`)).status).toBe(404);
      expect((await anna.post(`/v1/post-reviews/${id}/publish`, { body: suggested })).status).toBe(404);
    } finally {
      stream.close();
    }
  });

  it('makes posts in a group wait for approval, except an editor’s, and publishes an approved post once when two approve at the same moment', async () => {
    const group = (await anna.post('/v1/groups', { name: `Goedkeuring ${dialect}`, kind: 'work', visibility: 'open', description: '' })).body.id as string;
    for (const who of ['bram', 'carla', 'eva']) expect((await anna.put(`/v1/groups/${group}/members/${ids[who]}`, { role: 'member' })).status).toBeLessThan(300);
    expect((await bram.put('/v1/post-approval', { groupId: group, required: true })).status).toBe(403);
    expect((await bram.put('/v1/post-approval', { groupId: null, required: true })).status).toBe(403);
    expect((await anna.put('/v1/post-approval', { groupId: group, required: true })).status).toBe(200);
    expect((await bram.get(`/v1/groups/${group}`)).body.postApproval).toBe(true);

    const waiting = await bram.post<PostView>('/v1/posts', { body: 'Wie ruilt er zaterdag een dienst? @anna.devries', groupId: group });
    expect(waiting.status).toBe(201);
    expect(waiting.body.review).toBe('approval');
    expect(await timelineIds(anna)).not.toContain(waiting.body.id);
    expect((await bram.post('/v1/polls', { question: 'Wie ruilt?', options: ['ik', 'niet ik'], multiple: false, anonymous: false, showResults: 'always', closesAt: null, groupId: group })).status).toBe(403);

    const byEditor = await carla.post<PostView>('/v1/posts', { body: 'Van de redactie: geen goedkeuring nodig.', groupId: group });
    expect(byEditor.body.review).toBeUndefined();
    expect(await timelineIds(bram)).toContain(byEditor.body.id);
    expect((await bram.post(`/v1/post-reviews/${waiting.body.id}/approve`)).status).toBe(403);

    const stream = await openEventStream(s.url, anna.token);
    try {
      const [first, second] = await Promise.all([eva.post(`/v1/post-reviews/${waiting.body.id}/approve`), carla.post(`/v1/post-reviews/${waiting.body.id}/approve`)]);
      // The one that comes second finds it decided (409) or, once the first has committed, gone (404).
      const statuses = [first.status, second.status].sort();
      expect(statuses[0]).toBe(200);
      expect([404, 409]).toContain(statuses[1]);
      const posts = await s.db.kysely.selectFrom('posts').select('id').where('id', '=', waiting.body.id).execute();
      expect(posts).toHaveLength(1);
      // Published with its normal notifications: Anna was mentioned.
      const told = await stream.waitFor((e) => e.event === 'notification' && e.data.notification.postId === waiting.body.id && e.data.notification.kind === 'mention', 5000);
      expect(told.data.notification.actorId).toBe(ids.bram);
      expect(await timelineIds(anna)).toContain(waiting.body.id);
    } finally {
      stream.close();
    }
  });

  it('sends a post back with a comment, and lets its author offer it again', async () => {
    expect((await carla.put('/v1/post-approval', { groupId: null, required: true })).status).toBe(200);
    try {
      expect((await anna.get('/v1/me')).body.organisation.postApproval).toBe(true);
      const waiting = await anna.post<PostView>('/v1/posts', { body: 'Morgen is de kantine dicht.' });
      expect(waiting.body.review).toBe('approval');
      const id = waiting.body.id;
      expect((await eva.post(`/v1/post-reviews/${id}/return`, { comment: '' })).status).toBe(400);
      const returned = await eva.post<PostReview>(`/v1/post-reviews/${id}/return`, { comment: 'Zet er de reden bij?' });
      expect(returned.body.status).toBe('returned');
      expect(returned.body.notes.at(-1)).toEqual(expect.objectContaining({ kind: 'returned', body: 'Zet er de reden bij?' }));
      expect((await carla.post(`/v1/post-reviews/${id}/return`, { comment: 'Nog eens' })).status).toBe(409);
      expect((await eva.post(`/v1/post-reviews/${id}/approve`)).status).toBe(409);
      expect(await queueIds(eva)).not.toContain(id);

      const again = await anna.post(`/v1/post-reviews/${id}/publish`, { body: 'Morgen is de kantine dicht vanwege onderhoud.' });
      expect(again.body).toEqual({ status: 'approval' });
      expect(await queueIds(eva)).toContain(id);
      expect(await timelineIds(bram)).not.toContain(id);
      expect((await eva.post(`/v1/post-reviews/${id}/approve`)).status).toBe(200);
      expect((await bram.get<PostView>(`/v1/posts/${id}`)).body.body).toBe('Morgen is de kantine dicht vanwege onderhoud.');
    } finally {
      await carla.put('/v1/post-approval', { groupId: null, required: false });
    }
  });
});
