import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL } from '../../../../common/src/api/sync.js';
import { syncPage } from '../../../../server/src/sync/syncRoute.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { SyncReplica, visibleState } from '../../../fixtures/syncReplica.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

const byId = (items: { id: string }[]) => Object.fromEntries(items.map((i) => [i.id, i]));
/** Her own reaction is per caller: the feed carries it as a `like` entity, checked below. */
const withoutLikedByMe = ({ likedByMe: _l, myReaction: _r, ...rest }: any) => rest;

async function expectReplicaMatchesApi(replica: SyncReplica, client: TestClient) {
  const state = await visibleState(client);
  expect(byId(replica.all('post'))).toEqual(byId(state.posts.map(withoutLikedByMe)));
  expect(byId(replica.all('comment'))).toEqual(byId(state.comments));
  expect(byId(replica.all('group'))).toEqual(byId(state.groups));
  expect(byId(replica.all('person'))).toEqual(byId(state.people));
  const likedByMe = state.posts.filter((p: any) => p.likedByMe).map((p: any) => p.id).sort();
  expect(replica.all('like').map((l) => l.postId).sort()).toEqual(likedByMe);
  const reactions = Object.fromEntries(state.posts.filter((p: any) => p.likedByMe).map((p: any) => [p.id, p.myReaction]));
  expect(Object.fromEntries(replica.all('like').map((l) => [l.postId, l.kind]))).toEqual(reactions);
}

describe.each(dialects)('change feed /v1/sync (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  let daan: TestClient;
  let team3b: string;
  let annaId: string;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    [anna, bram, daan] = await Promise.all([s.login('1001'), s.login('1002'), s.login('1004')]);
    team3b = (await anna.get('/v1/groups')).body.items.find((g: { name: string }) => g.name === 'Team 3B').id;
    annaId = (await anna.get('/v1/me')).body.person.id;
  });
  afterAll(() => s?.close());

  it('gives a client syncing from 0 exactly what the API shows, private groups only to members', async () => {
    const annaReplica = new SyncReplica(anna);
    const bramReplica = new SyncReplica(bram);
    await annaReplica.pull(200);
    await bramReplica.pull(200);
    await expectReplicaMatchesApi(annaReplica, anna);
    await expectReplicaMatchesApi(bramReplica, bram);
    expect(annaReplica.get('group', team3b)).toBeDefined();
    expect(bramReplica.get('group', team3b)).toBeUndefined();
    expect(bramReplica.all('post').some((p) => p.groupId === team3b)).toBe(false);
    expect(annaReplica.get('organisation', s.tenants.demo!)).toMatchObject({ slug: 'demo' });
  });

  it('carries edits, deletes and a removal from a private group to a client that syncs on', async () => {
    const replica = new SyncReplica(anna);
    await replica.pull(300);
    const post = await bram.post('/v1/posts', { body: 'Eerste versie van het rooster #rooster' });
    const gone = await bram.post('/v1/posts', { body: 'Dit bericht wordt verwijderd' });
    const teamPost = await anna.post('/v1/posts', { body: 'Teamoverleg verplaatst', groupId: team3b });
    const comment = await bram.post(`/v1/posts/${post.body.id}/comments`, { body: 'Ik kan dinsdag niet' });
    await replica.pull(300);
    expect(replica.get('post', teamPost.body.id)).toBeDefined();
    expect(replica.get('comment', comment.body.id)).toBeDefined();

    await bram.patch(`/v1/posts/${post.body.id}`, { body: 'Tweede versie van het rooster #rooster' });
    await bram.delete(`/v1/posts/${gone.body.id}`);
    await bram.delete(`/v1/comments/${comment.body.id}`);
    await anna.put(`/v1/posts/${post.body.id}/like`);
    await daan.delete(`/v1/groups/${team3b}/members/${annaId}`);
    await replica.pull(300);

    expect(replica.get('post', post.body.id).body).toBe('Tweede versie van het rooster #rooster');
    expect(replica.get('post', gone.body.id)).toBeUndefined();
    expect(replica.get('comment', comment.body.id)).toBeUndefined();
    expect(replica.get('group', team3b)).toBeUndefined();
    expect(replica.get('post', teamPost.body.id)).toBeUndefined();
    expect(replica.all('post').some((p) => p.groupId === team3b)).toBe(false);
    await expectReplicaMatchesApi(replica, anna);

    // Back in the group: its earlier content, older than her cursor, comes back.
    await daan.put(`/v1/groups/${team3b}/members/${annaId}`, { role: 'member' });
    await replica.pull(300);
    expect(replica.get('post', teamPost.body.id)).toBeDefined();
    await expectReplicaMatchesApi(replica, anna);
  });

  it('resumes an interrupted sync from its cursor and still ends exact', async () => {
    const replica = new SyncReplica(bram);
    const applied = await replica.pull(25, 3);
    expect(applied).toBe(3);
    const cursorAfterInterruption = replica.cursor;
    expect(cursorAfterInterruption).toBeGreaterThan(0);
    // Writes happen while the client is away.
    await anna.post('/v1/posts', { body: 'Gemaakt terwijl Bram weg was' });
    const resumed = new SyncReplica(bram);
    for (const e of replica.entities.values()) resumed.entities.set(`${e.entity}/${e.id}`, e);
    resumed.cursor = cursorAfterInterruption;
    await resumed.pull(25);
    await expectReplicaMatchesApi(resumed, bram);
  });

  it('splits the feed into a shared part for the disk and a personal part for memory', async () => {
    const shared = new SyncReplica(anna, 'shared');
    const personal = new SyncReplica(anna, 'personal');
    await shared.pull(500);
    await personal.pull(500);
    expect(shared.all('group').some((g) => g.visibility === 'private')).toBe(false);
    expect(shared.all('post').some((p) => p.groupId === team3b)).toBe(false);
    expect(shared.all('like')).toEqual([]);
    expect(shared.all('membership')).toEqual([]);
    expect(personal.get('group', team3b)).toBeDefined();
    expect(personal.all('post').every((p) => p.groupId === team3b || p.groupId !== null)).toBe(true);
    expect(personal.all('person')).toEqual([]);
  });

  it('answers clients standing at different seqs of the shared part exactly as a computation of their own would', async () => {
    const post = (await bram.post('/v1/posts', { body: 'Wie wil er zaterdag ruilen?' })).body;
    await anna.put(`/v1/posts/${post.id}/like`);
    await bram.delete(`/v1/posts/${post.id}`);
    const shared = (since: number) => anna.get(`/v1/sync?since=${since}&scope=shared&limit=5000&protocol=${SYNC_PROTOCOL}`);
    const widest = (await shared(0)).body;
    expect(widest.hasMore).toBe(false);
    const seqs = widest.changes.map((c: { seq: number }) => c.seq);
    // The first request keeps the page from 0; each of these is cut from it.
    for (const since of [seqs[1], seqs[Math.floor(seqs.length / 2)], seqs[seqs.length - 2], seqs[seqs.length - 1]]) {
      const own = await syncPage(s.db.kysely, { tenantId: s.tenants.demo!, personId: null }, since, 5000, 'shared', SYNC_PROTOCOL);
      expect((await shared(since)).body).toEqual(JSON.parse(JSON.stringify(own)));
    }
  });

  it('carries no employee number to a device: half of a PIN login stays on the server', async () => {
    const res = await anna.get('/v1/sync?since=0&scope=shared&limit=5000');
    const people = res.body.changes.filter((c: any) => c.entity === 'person' && c.op === 'upsert');
    expect(people.length).toBeGreaterThan(10);
    expect(people.every((c: any) => !('employeeNumber' in c.data))).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/"1001"|employee_?number/i);
    expect((await anna.get('/v1/people?q=Anna')).body.items[0]).not.toHaveProperty('employeeNumber');
  });

  it('keeps serving a client a version behind, leaving out only what that version cannot read', async () => {
    const current = await anna.get('/v1/sync?since=0&limit=5000');
    const previous = await anna.get('/v1/sync?since=0&limit=5000&protocol=1');
    expect(previous.status).toBe(200);
    expect(previous.body.protocol).toBe(1);
    const entities = (body: any) => new Set(body.changes.map((c: { entity: string }) => c.entity));
    expect([...entities(current.body)]).toEqual(expect.arrayContaining(['page', 'section', 'quickLink']));
    for (const entity of ['page', 'section', 'quickLink', 'favourite', 'pageFeedback']) expect(entities(previous.body).has(entity)).toBe(false);
    expect(previous.body.changes.some((c: any) => c.entity === 'notification' && c.data?.kind === 'review_due')).toBe(false);
    // Everything else is the same, change for change: what came after version 1 is left out, nothing more.
    const newer = ['page', 'section', 'quickLink', 'favourite', 'pageFeedback', 'joinRequest', 'readReceipt'];
    const newerKinds = ['review_due', 'join_request', 'group_added', 'read_reminder'];
    const known = (body: any) => body.changes.filter((c: any) => !newer.includes(c.entity) && !(c.entity === 'notification' && newerKinds.includes(c.data?.kind)));
    expect(previous.body.changes).toEqual(known(current.body));
    expect(previous.body.next).toBe(current.body.next);
  });

  it('refuses a protocol version it does not speak', async () => {
    const res = await anna.get('/v1/sync?since=0&protocol=99');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
  });
});
