import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModerationEntry } from '../../../../common/src/api/routes/moderation.js';
import type { SyncChange, SyncResponse } from '../../../../common/src/api/sync.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('moderation (%s)', (dialect) => {
  let s: TestServer;
  let tenant: string;
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;
  let eva: TestClient;
  let annaId: string;

  /** Sessions made in the database for `count` people (logging them in through scrypt would measure scrypt). */
  async function peopleOf(count: number, offset = 0): Promise<TestClient[]> {
    const people = await s.db.kysely
      .selectFrom('people')
      .select('id')
      .where('tenant_id', '=', tenant)
      .where('active', '=', 1)
      .where('id', '!=', annaId)
      .orderBy('id')
      .limit(count)
      .offset(offset)
      .execute();
    return (await s.sessionsFor(tenant, people.map((p) => p.id))).map((m) => m.client);
  }

  /** Pulls a part of the feed to its end and returns the changes after `since`. */
  async function pull(c: TestClient, scope: 'shared' | 'personal', since: number): Promise<{ changes: SyncChange[]; next: number }> {
    const changes: SyncChange[] = [];
    let next = since;
    for (;;) {
      const page = (await c.get<SyncResponse>(`/v1/sync?since=${next}&limit=5000&scope=${scope}`)).body;
      changes.push(...page.changes);
      next = page.next;
      if (!page.hasMore) return { changes, next };
    }
  }
  const feedEnd = async (c: TestClient, scope: 'shared' | 'personal') => (await pull(c, scope, 0)).next;
  const queue = async (c: TestClient, status = 'open') => (await c.get<{ items: ModerationEntry[] }>(`/v1/moderation/queue?status=${status}`)).body.items;
  const newPost = async (body: string) => (await anna.post<{ id: string }>('/v1/posts', { body })).body.id;
  const report = (c: TestClient, itemId: string, reason = 'privacy', itemKind = 'post', note?: string) =>
    c.post('/v1/moderation/reports', { itemKind, itemId, reason, ...(note ? { note } : {}) });

  beforeAll(async () => {
    s = await startTestServer(dialect, { organisations: [{ slug: 'demo', seed: 1, employees: 120 }] });
    tenant = s.tenants.demo!;
    [anna, bram, carla, eva] = await Promise.all([s.login('1001'), s.login('1002'), s.login('1003'), s.login('1005')]);
    annaId = (await s.db.kysely.selectFrom('people').select('id').where('tenant_id', '=', tenant).where('employee_number', '=', '1001').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => s?.close());

  it('counts one report per person per item, also when 40 people each send theirs five times at once', async () => {
    const id = await newPost('Mevrouw K. van kamer 12 was vandaag jarig, zie de foto!');
    const people = await peopleOf(40);
    const answers = await Promise.all(people.flatMap((c, i) => Array.from({ length: 5 }, () => report(c, id, i % 2 === 0 ? 'privacy' : 'offensive'))));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const entries = (await queue(eva)).filter((e) => e.itemId === id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ itemKind: 'post', postId: id, reporters: 40, status: 'open', body: 'Mevrouw K. van kamer 12 was vandaag jarig, zie de foto!' });
    expect(entries[0]!.reasons).toEqual([
      { reason: 'privacy', count: 20 },
      { reason: 'offensive', count: 20 },
    ]);
    const rows = await s.db.kysely.selectFrom('moderation_reports').select('reporter_id').where('tenant_id', '=', tenant).where('item_id', '=', id).execute();
    expect(rows).toHaveLength(40);
  });

  it('keeps the queue to coaches and editors, refuses her own post, a reason off the list and too long a note', async () => {
    const id = await newPost('Wie heeft er zin in een wandeling?');
    expect((await queue(carla)).length).toBeGreaterThanOrEqual(0);
    expect((await bram.get('/v1/moderation/queue')).status).toBe(403);
    expect((await bram.post(`/v1/moderation/items/post/${id}/hide`, { reason: 'Zomaar' })).status).toBe(403);
    expect((await bram.post(`/v1/moderation/items/post/${id}/restore`)).status).toBe(403);
    expect((await bram.post(`/v1/moderation/items/post/${id}/dismiss`)).status).toBe(403);
    expect((await report(anna, id)).status).toBe(400);
    expect((await report(bram, id, 'boos')).status).toBe(400);
    expect((await report(bram, id, 'other', 'post', 'x'.repeat(501))).status).toBe(400);
    expect((await report(bram, '01890000-0000-7000-8000-000000000000')).status).toBe(404);
  });

  it('hides a post from everyone but its author: gone from sync, search and the timeline; she is told why; the audit log records it; restore brings it back', async () => {
    const bramHandle = (await s.db.kysely.selectFrom('people').select('handle').where('tenant_id', '=', tenant).where('employee_number', '=', '1002').executeTakeFirstOrThrow()).handle;
    const id = await newPost(`Vandaag de zonnebloemactie gedaan met bewoner Jansen en @${bramHandle}`);
    const comment = (await carla.post<{ id: string }>(`/v1/posts/${id}/comments`, { body: 'Mooi gedaan!' })).body.id;
    const bramFrom = await feedEnd(bram, 'personal');
    const mention = (await pull(bram, 'personal', 0)).changes.find((c) => c.entity === 'notification' && c.op === 'upsert' && (c.data as { postId: string }).postId === id);
    expect(mention).toBeDefined();
    const search = async (c: TestClient) => ((await c.get<{ results: { id: string }[] }>('/v1/search?q=zonnebloemactie')).body.results ?? []).map((r) => r.id);
    expect(await search(bram)).toContain(id);
    await report(bram, id, 'privacy', 'post', 'Naam van een bewoner');
    const sharedFrom = await feedEnd(bram, 'shared');
    const annaFrom = await feedEnd(anna, 'personal');

    expect((await eva.post(`/v1/moderation/items/post/${id}/hide`, { reason: 'Er staat een naam van een cliënt in' })).status).toBe(200);

    const shared = await pull(bram, 'shared', sharedFrom);
    expect(shared.changes).toContainEqual(expect.objectContaining({ entity: 'post', id, op: 'delete' }));
    // A post's tombstone takes its comments out of a cache; they are not sent on their own.
    expect(shared.changes.filter((c) => c.entity === 'comment' && c.id === comment && c.op === 'upsert')).toEqual([]);
    expect((await bram.get(`/v1/posts/${id}`)).status).toBe(404);
    expect(((await bram.get<{ items: { id: string }[] }>('/v1/posts?limit=50')).body.items).map((p) => p.id)).not.toContain(id);
    expect(await search(bram)).not.toContain(id);

    const mine = await pull(anna, 'personal', annaFrom);
    expect(mine.changes).toContainEqual(expect.objectContaining({ entity: 'post', id, op: 'upsert', data: expect.objectContaining({ moderation: { hiddenAt: expect.any(String), reason: 'Er staat een naam van een cliënt in' } }) }));
    expect(mine.changes).toContainEqual(expect.objectContaining({ entity: 'notification', op: 'upsert', data: expect.objectContaining({ kind: 'moderation_hidden', postId: id, reason: 'Er staat een naam van een cliënt in' }) }));
    // Bram was mentioned in the post: his notification of it goes too.
    expect((await pull(bram, 'personal', bramFrom)).changes).toContainEqual(expect.objectContaining({ entity: 'notification', id: mention!.id, op: 'delete' }));
    expect((await anna.get(`/v1/posts/${id}`)).body).toMatchObject({ id, moderation: { reason: 'Er staat een naam van een cliënt in' } });

    expect((await queue(eva)).map((e) => e.itemId)).not.toContain(id);
    expect(await queue(eva, 'hidden')).toContainEqual(expect.objectContaining({ itemId: id, status: 'hidden', hiddenReason: 'Er staat een naam van een cliënt in', notes: ['Naam van een bewoner'] }));
    // Hidden content cannot be reported by those who no longer see it.
    expect((await report(bram, id)).status).toBe(404);

    const before = await feedEnd(bram, 'shared');
    expect((await eva.post(`/v1/moderation/items/post/${id}/restore`)).status).toBe(200);
    const back = await pull(bram, 'shared', before);
    expect(back.changes).toContainEqual(expect.objectContaining({ entity: 'post', id, op: 'upsert' }));
    expect((await bram.get(`/v1/posts/${id}`)).status).toBe(200);
    expect(await search(bram)).toContain(id);
    expect((await queue(eva, 'hidden')).map((e) => e.itemId)).not.toContain(id);

    const audit = await s.db.kysely.selectFrom('auth_events').select(['action', 'target', 'detail']).where('tenant_id', '=', tenant).where('target', '=', `post:${id}`).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['post_hidden', 'post_restored']);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ reason: 'Er staat een naam van een cliënt in' });
  });

  it('hides a comment for everyone but its author, and a dismissed report leaves the queue', async () => {
    const id = await newPost('Tips voor de nachtdienst?');
    const comment = (await bram.post<{ id: string }>(`/v1/posts/${id}/comments`, { body: 'Koffie, veel koffie. En die collega van 2A is lui.' })).body.id;
    await report(anna, comment, 'offensive', 'comment');
    expect(await queue(carla)).toContainEqual(expect.objectContaining({ itemKind: 'comment', itemId: comment, postId: id, reporters: 1 }));
    expect((await carla.post(`/v1/moderation/items/comment/${comment}/hide`, { reason: 'Kwetsend over een collega' })).status).toBe(200);
    expect(((await anna.get<{ items: { id: string }[] }>(`/v1/posts/${id}/comments`)).body.items).map((c) => c.id)).not.toContain(comment);
    expect((await bram.get<{ items: { id: string; moderation?: unknown }[] }>(`/v1/posts/${id}/comments`)).body.items).toContainEqual(
      expect.objectContaining({ id: comment, moderation: expect.objectContaining({ reason: 'Kwetsend over een collega' }) }),
    );

    const other = await newPost('Wie ruilt dinsdag een dienst?');
    await report(bram, other, 'incorrect');
    expect((await eva.post(`/v1/moderation/items/post/${other}/dismiss`)).status).toBe(200);
    expect((await queue(eva)).map((e) => e.itemId)).not.toContain(other);
    expect((await bram.get(`/v1/posts/${other}`)).status).toBe(200);
  });

  it('limits how many reports one person sends in an hour', async () => {
    const authors = await peopleOf(21, 60);
    const ids = await Promise.all(authors.map(async (c, i) => (await c.post<{ id: string }>('/v1/posts', { body: `Bericht nummer ${i}` })).body.id));
    const [someone] = await peopleOf(1, 90);
    const statuses: number[] = [];
    for (const id of ids) statuses.push((await report(someone!, id, 'other')).status);
    expect(statuses.slice(0, 20).every((x) => x === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
