import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResponse } from '../../../../common/src/api/sync.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const KINDS = ['like', 'hart', 'applaus', 'inzichtelijk', 'bedankt'] as const;

describe.each(dialects)('reactions (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  let tenant: string;

  /** Sessions made in the database for `count` people (logging 200 in through scrypt would measure scrypt). */
  async function peopleOf(count: number): Promise<{ client: TestClient; personId: string }[]> {
    const people = await s.db.kysely.selectFrom('people').select('id').where('tenant_id', '=', tenant).where('active', '=', 1).orderBy('id').limit(count).execute();
    expect(people.length).toBe(count);
    return s.sessionsFor(tenant, people.map((p) => p.id));
  }
  const newPost = async () => (await bram.post<{ id: string }>('/v1/posts', { body: 'Onze afdeling heeft de hygiëne-audit gehaald!' })).body.id;
  const counts = async (postId: string) => (await anna.get(`/v1/posts/${postId}`)).body as { likeCount: number; reactions: Record<string, number>; myReaction: string | null; likedByMe: boolean };

  beforeAll(async () => {
    s = await startTestServer(dialect, { organisations: [{ slug: 'demo', seed: 1, employees: 260 }] });
    tenant = s.tenants.demo!;
    [anna, bram] = await Promise.all([s.login('1001'), s.login('1002')]);
  });
  afterAll(() => s?.close());

  it('keeps one reaction per person per post: another kind replaces it, counted per kind', async () => {
    const id = await newPost();
    expect((await anna.put(`/v1/posts/${id}/reaction`, { kind: 'applaus' })).body).toEqual({ likeCount: 1, reactions: { like: 0, hart: 0, applaus: 1, inzichtelijk: 0, bedankt: 0 }, myReaction: 'applaus' });
    expect((await anna.put(`/v1/posts/${id}/reaction`, { kind: 'bedankt' })).body).toMatchObject({ likeCount: 1, reactions: { applaus: 0, bedankt: 1 }, myReaction: 'bedankt' });
    expect((await anna.put(`/v1/posts/${id}/reaction`, { kind: 'bedankt' })).body).toMatchObject({ likeCount: 1, myReaction: 'bedankt' });
    expect((await anna.put(`/v1/posts/${id}/like`)).body).toEqual({ likeCount: 1, likedByMe: true });
    expect(await counts(id)).toMatchObject({ likeCount: 1, reactions: { like: 1, bedankt: 0 }, myReaction: 'like', likedByMe: true });
    expect((await anna.delete(`/v1/posts/${id}/reaction`)).body).toMatchObject({ likeCount: 0, myReaction: null });
    expect((await anna.delete(`/v1/posts/${id}/reaction`)).body).toMatchObject({ likeCount: 0, myReaction: null });
    expect((await anna.put(`/v1/posts/${id}/reaction`, { kind: 'boos' })).status).toBe(400);
  });

  it('tells her own devices which reaction she gave, and everyone the counts', async () => {
    const id = await newPost();
    const before = (await anna.get<SyncResponse>('/v1/sync?since=0&limit=1&scope=personal')).body;
    let since = 0;
    for (let page = before; ; page = (await anna.get<SyncResponse>(`/v1/sync?since=${since}&limit=5000&scope=personal`)).body) {
      since = page.next;
      if (!page.hasMore) break;
    }
    await anna.put(`/v1/posts/${id}/reaction`, { kind: 'inzichtelijk' });
    const personal = (await anna.get<SyncResponse>(`/v1/sync?since=${since}&limit=5000&scope=personal`)).body;
    const like = personal.changes.find((c) => c.entity === 'like' && c.op === 'upsert' && (c.data as { postId: string }).postId === id);
    expect(like && like.op === 'upsert' ? (like.data as { kind?: string }).kind : null).toBe('inzichtelijk');
    const shared = (await bram.get<SyncResponse>(`/v1/sync?since=${since}&limit=5000&scope=shared`)).body;
    const post = shared.changes.find((c) => c.entity === 'post' && c.id === id);
    expect(post && post.op === 'upsert' ? post.data : null).toMatchObject({ likeCount: 1, reactions: { inzichtelijk: 1 } });
  });

  it('counts exactly under 200 concurrent requests: one person changing her mind, and 200 people reacting', async () => {
    const id = await newPost();
    const same = await Promise.all(Array.from({ length: 200 }, (_, i) => anna.put(`/v1/posts/${id}/reaction`, { kind: KINDS[i % KINDS.length] })));
    expect(same.every((r) => r.status === 200)).toBe(true);
    const afterOne = await counts(id);
    expect(afterOne.likeCount).toBe(1);
    expect(Object.values(afterOne.reactions).reduce((a, b) => a + b, 0)).toBe(1);
    expect(afterOne.reactions[afterOne.myReaction!]).toBe(1);

    const made = await peopleOf(200);
    const people = made.map((m) => m.client);
    const answers = await Promise.all(people.map((c, i) => c.put(`/v1/posts/${id}/reaction`, { kind: KINDS[i % KINDS.length] })));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    // Half of them change their mind at once, and a quarter take it back, racing each other.
    await Promise.all([
      ...people.slice(0, 100).map((c, i) => c.put(`/v1/posts/${id}/reaction`, { kind: KINDS[(i + 1) % KINDS.length] })),
      ...people.slice(100, 150).map((c) => c.delete(`/v1/posts/${id}/reaction`)),
      ...people.slice(100, 150).map((c) => c.delete(`/v1/posts/${id}/reaction`)),
    ]);
    const rows = await s.db.kysely.selectFrom('likes').select('kind').where('tenant_id', '=', tenant).where('post_id', '=', id).execute();
    const expected = { like: 0, hart: 0, applaus: 0, inzichtelijk: 0, bedankt: 0 } as Record<string, number>;
    for (const r of rows) expected[r.kind ?? 'like']!++;
    const final = await counts(id);
    expect(final.reactions).toEqual(expected);
    expect(final.likeCount).toBe(rows.length);
    // Anna's, the 100 who changed their minds and the 50 who left theirs; Anna may be among the 200.
    const annaId = (await anna.get('/v1/me')).body.person.id as string;
    const reacting = new Set([annaId, ...made.slice(0, 100).map((m) => m.personId), ...made.slice(150).map((m) => m.personId)]);
    reacting.delete(made.slice(100, 150).find((m) => m.personId === annaId)?.personId ?? '');
    expect(rows.length).toBe(reacting.size);
  });
});
