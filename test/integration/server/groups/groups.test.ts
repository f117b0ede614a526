import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResponse } from '../../../../common/src/api/sync.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { SyncReplica } from '../../../fixtures/syncReplica.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('groups (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  let daan: TestClient;
  let eva: TestClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    s = await startTestServer(dialect);
    [anna, bram, daan, eva] = await Promise.all([s.login('1001'), s.login('1002'), s.login('1004'), s.login('1005')]);
    for (const [name, c] of Object.entries({ anna, bram, daan, eva })) ids[name] = (await c.get('/v1/me')).body.person.id;
  });
  afterAll(() => s?.close());

  const create = async (by: TestClient, body: Record<string, unknown>) => {
    const res = await by.post('/v1/groups', { kind: 'work', ...body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('lets someone ask to join a closed group, tells its admins, and lets them in on approval', async () => {
    const group = await create(bram, { name: 'Werkgroep valpreventie', visibility: 'closed' });
    const bramFeed = new SyncReplica(bram, 'personal');
    await bramFeed.pull();
    const request = await anna.post(`/v1/groups/${group}/requests`);
    expect(request.status).toBe(201);
    expect(request.body).toMatchObject({ groupId: group, personId: ids.anna, status: 'pending' });
    // Asking twice is the same request.
    expect((await anna.post(`/v1/groups/${group}/requests`)).body.id).toBe(request.body.id);
    // Posting is for members only, until then.
    expect((await anna.post('/v1/posts', { body: 'Mag ik meedoen?', groupId: group })).status).toBe(403);

    await bramFeed.pull();
    expect(bramFeed.all('notification')).toContainEqual(expect.objectContaining({ kind: 'join_request', actorId: ids.anna, groupId: group }));
    expect(bramFeed.get('joinRequest', request.body.id)).toMatchObject({ status: 'pending' });
    expect((await bram.get(`/v1/groups/${group}/requests`)).body.items.map((r: { id: string }) => r.id)).toEqual([request.body.id]);
    // Someone who is no admin of the group cannot decide.
    expect((await eva.post(`/v1/groups/${group}/requests/${request.body.id}`, { decision: 'approve' })).status).toBe(403);

    const annaFeed = new SyncReplica(anna, 'personal');
    await annaFeed.pull();
    const decided = await bram.post(`/v1/groups/${group}/requests/${request.body.id}`, { decision: 'approve' });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('approved');
    expect((await bram.get(`/v1/groups/${group}/requests`)).body.items).toEqual([]);
    await annaFeed.pull();
    expect(annaFeed.get('membership', `${group}:${ids.anna}`)).toMatchObject({ role: 'member', showInTimeline: true, muted: false });
    expect(annaFeed.all('notification')).toContainEqual(expect.objectContaining({ kind: 'group_added', groupId: group }));
    expect(annaFeed.get('joinRequest', request.body.id)).toMatchObject({ status: 'approved' });
    expect((await anna.post('/v1/posts', { body: 'Dank, ik doe mee.', groupId: group })).status).toBe(201);
    // The decision stands: declining afterwards is refused.
    expect((await bram.post(`/v1/groups/${group}/requests/${request.body.id}`, { decision: 'decline' })).status).toBe(409);
  });

  it('declines a request without letting her in, and refuses requests where joining needs none', async () => {
    const closed = await create(bram, { name: 'Kerstcommissie', visibility: 'closed', kind: 'informal' });
    const open = await create(bram, { name: 'Fietsclub', visibility: 'open', kind: 'informal' });
    const request = (await eva.post(`/v1/groups/${closed}/requests`)).body;
    expect((await bram.post(`/v1/groups/${closed}/requests/${request.id}`, { decision: 'decline' })).body.status).toBe('declined');
    expect((await bram.get(`/v1/groups/${closed}/members`)).body.items.map((m: { personId: string }) => m.personId)).toEqual([ids.bram]);
    expect((await eva.post(`/v1/groups/${open}/requests`)).status).toBe(409);
    // Joining an open informal group: its posts stay out of her home timeline until she asks.
    expect((await eva.put(`/v1/groups/${open}/members/${ids.eva}`, {})).body).toMatchObject({ showInTimeline: false, muted: false });
    expect((await eva.patch(`/v1/groups/${open}/membership`, { showInTimeline: true })).body).toMatchObject({ showInTimeline: true, muted: false });
    expect((await eva.patch(`/v1/groups/${open}/membership`, { muted: true })).body).toMatchObject({ showInTimeline: true, muted: true });
    // Her choices are hers: others see her as a plain member.
    const seen = (await bram.get(`/v1/groups/${open}/members`)).body.items.find((m: { personId: string }) => m.personId === ids.eva);
    expect(seen).toMatchObject({ role: 'member', showInTimeline: false, muted: false });
  });

  it('takes an archived group and its posts out of non-members’ caches, keeps it read-only for members, and brings it back', async () => {
    const group = await create(bram, { name: 'Project ECD', visibility: 'open' });
    await eva.put(`/v1/groups/${group}/members/${ids.eva}`, {});
    const post = (await bram.post('/v1/posts', { body: 'Livegang in maart', groupId: group })).body.id;
    const annaAll = new SyncReplica(anna);
    const evaAll = new SyncReplica(eva);
    await Promise.all([annaAll.pull(5000), evaAll.pull(5000)]);
    expect(annaAll.get('post', post)).toBeDefined();

    expect((await bram.patch(`/v1/groups/${group}`, { archived: true })).body.archived).toBe(true);
    await Promise.all([annaAll.pull(5000), evaAll.pull(5000)]);
    expect(annaAll.get('group', group)).toBeUndefined();
    expect(annaAll.get('post', post)).toBeUndefined();
    expect((await anna.get('/v1/groups')).body.items.some((g: { id: string }) => g.id === group)).toBe(false);
    expect(evaAll.get('post', post)).toBeDefined();
    const write = await eva.post('/v1/posts', { body: 'Nog één ding', groupId: group });
    expect(write.status).toBe(409);
    expect(write.body.error.code).toBe('group_archived');
    expect((await eva.post(`/v1/posts/${post}/comments`, { body: 'Nog één ding' })).body.error.code).toBe('group_archived');
    expect((await bram.patch(`/v1/groups/${group}`, { name: 'Project ECD 2' })).body.error.code).toBe('group_archived');

    expect((await bram.patch(`/v1/groups/${group}`, { archived: false })).body.archived).toBe(false);
    await annaAll.pull(5000);
    expect(annaAll.get('post', post)).toBeDefined();
  });

  it('moves a group’s earlier content out of non-members’ caches when it becomes private, into members’ memory, and back when it opens', async () => {
    const group = await create(bram, { name: 'Verbeterteam', visibility: 'open' });
    await eva.put(`/v1/groups/${group}/members/${ids.eva}`, {});
    const post = (await bram.post('/v1/posts', { body: 'Eerste verbeterpunt', groupId: group })).body.id;
    const comment = (await anna.post(`/v1/posts/${post}/comments`, { body: 'Goed plan' })).body.id;
    const annaShared = new SyncReplica(anna, 'shared');
    const evaShared = new SyncReplica(eva, 'shared');
    const evaPersonal = new SyncReplica(eva, 'personal');
    await Promise.all([annaShared.pull(5000), evaShared.pull(5000), evaPersonal.pull(5000)]);
    expect(annaShared.get('comment', comment)).toBeDefined();
    expect(evaPersonal.get('post', post)).toBeUndefined();

    expect((await bram.patch(`/v1/groups/${group}`, { visibility: 'private' })).status).toBe(200);
    await Promise.all([annaShared.pull(5000), evaShared.pull(5000), evaPersonal.pull(5000)]);
    expect(annaShared.get('group', group)).toBeUndefined();
    expect(annaShared.get('post', post)).toBeUndefined();
    expect(annaShared.get('comment', comment)).toBeUndefined();
    // A member's device drops it from disk too, and holds it in memory instead.
    expect(evaShared.get('post', post)).toBeUndefined();
    expect(evaPersonal.get('post', post)).toMatchObject({ body: 'Eerste verbeterpunt' });
    expect(evaPersonal.get('comment', comment)).toBeDefined();
    expect((await anna.get(`/v1/posts/${post}`)).status).toBe(404);

    expect((await bram.patch(`/v1/groups/${group}`, { visibility: 'open' })).status).toBe(200);
    await annaShared.pull(5000);
    expect(annaShared.get('post', post)).toMatchObject({ body: 'Eerste verbeterpunt' });
    expect(annaShared.get('comment', comment)).toBeDefined();
  });

  it('on leaving, sends a group tombstone in the personal part only when only members may know the group', async () => {
    const open = await create(bram, { name: 'Open koor', visibility: 'open', kind: 'informal' });
    const hidden = await create(bram, { name: 'Stille kring', visibility: 'private', kind: 'informal' });
    await bram.put(`/v1/groups/${open}/members/${ids.eva}`, {});
    await bram.put(`/v1/groups/${hidden}/members/${ids.eva}`, {});
    const cursor = (await eva.get<SyncResponse>('/v1/sync?since=0&limit=5000&scope=personal')).body.next;
    expect((await eva.delete(`/v1/groups/${open}/members/${ids.eva}`)).status).toBe(200);
    expect((await eva.delete(`/v1/groups/${hidden}/members/${ids.eva}`)).status).toBe(200);
    // The personal part has no organisation-wide changes: the group's current state decides.
    const page = (await eva.get<SyncResponse>(`/v1/sync?since=${cursor}&limit=5000&scope=personal`)).body;
    const groupTombstones = page.changes.filter((c) => c.entity === 'group' && c.op === 'delete').map((c) => c.id);
    expect(groupTombstones).toEqual([hidden]);
    expect(page.changes.filter((c) => c.entity === 'membership' && c.op === 'delete').map((c) => c.id).sort()).toEqual([`${open}:${ids.eva}`, `${hidden}:${ids.eva}`].sort());
  });

  it('keeps department and location groups from the directory: a person who moves follows, and cannot leave while she works there', async () => {
    const departments = await s.db.kysely.selectFrom('departments').select(['id', 'name', 'location_id']).where('tenant_id', '=', s.tenants.demo!).orderBy('name').execute();
    const now = (await bram.get('/v1/me')).body.person.departmentId;
    const [from, to] = departments.filter((d) => d.location_id !== null && d.id !== now);
    const place = (departmentId: string, locationId: string | null) => daan.patch(`/v1/people/${ids.bram}/placement`, { departmentId, locationId });
    expect((await bram.patch(`/v1/people/${ids.bram}/placement`, { departmentId: from!.id, locationId: null })).status).toBe(403);
    expect((await place(from!.id, from!.location_id)).status).toBe(200);
    const groupOf = async (name: string) => (await bram.get('/v1/groups')).body.items.find((g: { name: string; managedBy: string | null }) => g.name === name && g.managedBy === 'department');
    const first = await groupOf(from!.name);
    expect(first).toMatchObject({ kind: 'work', visibility: 'closed', managedBy: 'department' });
    const inFirst = async () => (await bram.get(`/v1/groups/${first.id}/members`)).body.items.some((m: { personId: string }) => m.personId === ids.bram);
    expect(await inFirst()).toBe(true);
    const leave = await bram.delete(`/v1/groups/${first.id}/members/${ids.bram}`);
    expect(leave.status).toBe(409);
    expect(leave.body.error.code).toBe('directory_group');
    expect((await daan.patch(`/v1/groups/${first.id}`, { visibility: 'private' })).body.error.code).toBe('directory_group');

    expect((await place(to!.id, to!.location_id)).status).toBe(200);
    expect(await inFirst()).toBe(false);
    const second = await groupOf(to!.name);
    expect((await bram.get(`/v1/groups/${second.id}/members`)).body.items.map((m: { personId: string }) => m.personId)).toContain(ids.bram);
    const bramFeed = new SyncReplica(bram, 'personal');
    await bramFeed.pull(5000);
    expect(bramFeed.get('membership', `${second.id}:${ids.bram}`)).toBeDefined();
    expect(bramFeed.get('membership', `${first.id}:${ids.bram}`)).toBeUndefined();
  });

  it('records time spent in groups once per visit, without content, and moves the member’s last visit', async () => {
    const group = await create(eva, { name: 'Leesclub', visibility: 'open', kind: 'informal' });
    const hidden = await create(bram, { name: 'Geheim overleg', visibility: 'private' });
    const visit = { groupId: group, enteredAt: '2026-11-30T09:00:00.000Z', leftAt: '2026-11-30T09:04:00.000Z' };
    const batch = { visits: [visit, { groupId: hidden, enteredAt: '2026-11-30T09:05:00.000Z', leftAt: '2026-11-30T09:06:00.000Z' }] };
    expect((await eva.post('/v1/group-visits', batch)).status).toBe(200);
    expect((await eva.post('/v1/group-visits', batch)).status).toBe(200);
    const rows = await s.db.kysely.selectFrom('group_visits').selectAll().where('person_id', '=', ids.eva!).execute();
    // The private group she is no member of is not recorded; the repeated batch counts once.
    expect(rows.map((r) => [r.group_id, r.entered_at, r.left_at])).toEqual([[group, visit.enteredAt, visit.leftAt]]);
    const mine = (await eva.get(`/v1/groups/${group}/members`)).body.items.find((m: { personId: string }) => m.personId === ids.eva);
    expect(mine.lastVisitAt).toBe(visit.leftAt);
    const backwards = await eva.post('/v1/group-visits', { visits: [{ ...visit, leftAt: '2026-11-30T08:00:00.000Z' }] });
    expect(backwards.status).toBe(400);
  });
});
