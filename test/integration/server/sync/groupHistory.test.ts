import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncChange, SyncResponse } from '../../../../common/src/api/sync.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { SyncReplica } from '../../../fixtures/syncReplica.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const PAGE = 10;

/** Pulls the personal feed from `cursor` until it is drained, keeping every page as it came; no page may be larger than asked. */
async function pullPages(client: TestClient, cursor: number, replica?: SyncReplica): Promise<SyncResponse[]> {
  const pages: SyncResponse[] = [];
  for (;;) {
    const res = await client.get<SyncResponse>(`/v1/sync?since=${cursor}&limit=${PAGE}&scope=personal`);
    expect(res.status).toBe(200);
    expect(res.body.changes.length).toBeLessThanOrEqual(PAGE);
    for (const change of res.body.changes) replica?.apply(change);
    pages.push(res.body);
    cursor = res.body.next;
    if (!res.body.hasMore) return pages;
  }
}

const upserts = <E extends SyncChange['entity']>(pages: SyncResponse[], entity: E) =>
  pages.flatMap((p) => p.changes).filter((c): c is Extract<SyncChange, { op: 'upsert'; entity: E }> => c.entity === entity && c.op === 'upsert');

describe.each(dialects)('joining a private group with a long history (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  let daan: TestClient;
  let team3b: string;
  let bramId: string;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    [anna, bram, daan] = await Promise.all([s.login('1001'), s.login('1002'), s.login('1004')]);
    team3b = (await anna.get('/v1/groups')).body.items.find((g: { name: string }) => g.name === 'Team 3B').id;
    bramId = (await bram.get('/v1/me')).body.person.id;
    for (let i = 1; i <= 20; i++) {
      const post = await anna.post('/v1/posts', { body: `Overdracht dienst ${i}`, groupId: team3b });
      expect(post.status).toBe(201);
      if (i % 5 === 0) await anna.post(`/v1/posts/${post.body.id}/comments`, { body: `Aanvulling op dienst ${i}` });
    }
  });
  afterAll(() => s?.close());

  it('sends the history to a new member in pages of the size she asked, complete and newest first', async () => {
    const before = await pullPages(bram, 0);
    const cursor = before.at(-1)!.next;
    expect(upserts(before, 'post').some((c) => c.data.groupId === team3b)).toBe(false);

    expect((await daan.put(`/v1/groups/${team3b}/members/${bramId}`, { role: 'member' })).status).toBe(200);
    const pages = await pullPages(bram, cursor);

    expect(pages.length).toBeGreaterThan(3);
    expect(pages.slice(0, -1).every((p) => p.hasMore)).toBe(true);
    const seqs = pages.flatMap((p) => p.changes.map((c) => c.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    const shown = (await bram.get(`/v1/posts?groupId=${team3b}&limit=100`)).body.items.map((p: { id: string }) => p.id);
    expect(shown.length).toBeGreaterThanOrEqual(28);
    expect(upserts(pages, 'post').map((c) => c.id)).toEqual(shown);
    const comments = upserts(pages, 'comment');
    const commented = (await bram.get(`/v1/posts?groupId=${team3b}&limit=100`)).body.items.filter((p: { commentCount: number }) => p.commentCount > 0);
    for (const post of commented) {
      const listed = (await bram.get(`/v1/posts/${post.id}/comments`)).body.items.map((c: { id: string }) => c.id);
      const sent = comments.filter((c) => c.data.postId === post.id).map((c) => c.id);
      expect(sent).toEqual(listed);
    }
    const order = pages.flatMap((p) => p.changes).map((c) => c.id);
    for (const c of comments) expect(order.indexOf(c.id)).toBeGreaterThan(order.indexOf(c.data.postId));

    // A fresh login syncs from 0 and gets the group's own feed: the copy made for the join is not sent again.
    const fresh = new SyncReplica(bram, 'personal');
    const fromZero = await pullPages(bram, 0, fresh);
    const ids = upserts(fromZero, 'post').map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(fresh.all('post').filter((p) => p.groupId === team3b).map((p) => p.id).sort()).toEqual([...shown].sort());
  });

  it('does not send the history again when a member only gets another role', async () => {
    const carla = await s.login('1003');
    const carlaId = (await carla.get('/v1/me')).body.person.id;
    expect((await daan.put(`/v1/groups/${team3b}/members/${carlaId}`, { role: 'member' })).status).toBe(200);
    const cursor = (await pullPages(carla, 0)).at(-1)!.next;

    expect((await daan.put(`/v1/groups/${team3b}/members/${carlaId}`, { role: 'admin' })).status).toBe(200);
    const pages = await pullPages(carla, cursor);

    expect(pages.flatMap((p) => p.changes).map((c) => `${c.entity}/${c.op}`)).toEqual(['membership/upsert']);
    expect(upserts(pages, 'membership')[0]).toMatchObject({ data: { groupId: team3b, role: 'admin' } });
  });

  it('brings a member who left and came back up to date, including what was deleted while she was out', async () => {
    const eva = await s.login('1005');
    const evaId = (await eva.get('/v1/me')).body.person.id;
    const replica = new SyncReplica(eva, 'personal');
    expect((await daan.put(`/v1/groups/${team3b}/members/${evaId}`, { role: 'member' })).status).toBe(200);
    const cursor = (await pullPages(eva, 0, replica)).at(-1)!.next;
    const [gone, edited] = (await anna.get(`/v1/posts?groupId=${team3b}&authorId=${(await anna.get('/v1/me')).body.person.id}&limit=2`)).body.items;
    expect(replica.get('post', gone.id)).toBeDefined();

    expect((await daan.delete(`/v1/groups/${team3b}/members/${evaId}`)).status).toBe(200);
    expect((await anna.delete(`/v1/posts/${gone.id}`)).status).toBe(200);
    expect((await anna.patch(`/v1/posts/${edited.id}`, { body: 'Overdracht aangepast terwijl Eva weg was' })).status).toBe(200);
    expect((await daan.put(`/v1/groups/${team3b}/members/${evaId}`, { role: 'member' })).status).toBe(200);
    await pullPages(eva, cursor, replica);

    expect(replica.get('post', gone.id)).toBeUndefined();
    expect(replica.get('post', edited.id).body).toBe('Overdracht aangepast terwijl Eva weg was');
    const shown = (await eva.get(`/v1/posts?groupId=${team3b}&limit=100`)).body.items.map((p: { id: string }) => p.id);
    expect(replica.all('post').filter((p) => p.groupId === team3b).map((p) => p.id).sort()).toEqual([...shown].sort());
  });
});
