import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { badgeCodes, coresStoppedAfterEach, demoPin, enrolmentCode, groupId, personId, switchableFetch, type CoreUnderTest } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('joining, asking to join and leaving a group through the outbox', () => {
  let server: TestServer;
  const startTracked = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  /** Anna, logged in and synced, with a network cable that can be pulled. */
  async function annaWithCable() {
    const net = switchableFetch();
    const u = startTracked({ url: server.url, dataDir: tempDir(), fetch: net.fetch });
    await u.login('1001');
    await waitFor(async () => {
      const s = await u.core.invoke('sync.status', {});
      return s.ok && s.value.lastSyncedAt !== null;
    }, 'first sync');
    return { u, net };
  }
  const pendingWrites = async (u: CoreUnderTest) => {
    const s = await u.core.invoke('sync.status', {});
    return s.ok ? s.value.pendingWrites : -1;
  };
  const backOnline = async (u: CoreUnderTest, net: ReturnType<typeof switchableFetch>) => {
    net.state.online = true;
    await u.core.invoke('sync.now', {});
  };
  const view = async (u: CoreUnderTest, id: string) => {
    const answer = await u.core.invoke('groups.get', { id });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  const membership = async (group: string, employeeNumber: string) =>
    server.db.kysely
      .selectFrom('group_members')
      .select('role')
      .where('group_id', '=', group)
      .where('person_id', '=', await personId(server, employeeNumber))
      .executeTakeFirst();
  /** An open group Anna is not in, made for this test so no other test's choices meet it. */
  async function openGroup(name: string, kind: 'work' | 'informal' = 'work') {
    const eva = await server.login('1005');
    const made = await eva.post<{ id: string }>('/v1/groups', { name, description: '', kind, visibility: 'open' });
    expect(made.status).toBe(201);
    const post = await eva.post<{ id: string }>('/v1/posts', { body: `Welkom in ${name}`, groupId: made.body.id });
    expect(post.status).toBe(201);
    return { id: made.body.id, eva, postId: post.body.id };
  }
  const homeHas = async (u: CoreUnderTest, postId: string) => {
    const home = await u.core.invoke('timeline.list', { limit: 50 });
    return home.ok && home.value.items.some((p) => p.id === postId);
  };

  it('joins an open group offline: a member at once, sent once back online, and its posts reach her home timeline', async () => {
    const group = await openGroup('Werkgroep Tilhulpmiddelen');
    const { u, net } = await annaWithCable();
    await waitFor(async () => (await u.core.invoke('groups.get', { id: group.id })).ok, 'the new group to be synced');
    expect(await homeHas(u, group.postId)).toBe(false);

    net.state.online = false;
    const joined = await u.core.invoke('groups.join', { id: group.id });
    expect(joined).toMatchObject({ ok: true, value: { myRole: 'member', sending: true } });
    expect(await pendingWrites(u)).toBe(1);
    expect(u.events['groups.changed'].length).toBeGreaterThan(0);
    // Shown as done while it waits: a work group's posts are in her home timeline already.
    expect(await homeHas(u, group.postId)).toBe(true);
    expect(await membership(group.id, '1001')).toBeUndefined();

    await backOnline(u, net);
    await waitFor(async () => (await membership(group.id, '1001'))?.role === 'member', 'the join delivered');
    await waitFor(async () => {
      const v = await view(u, group.id);
      return v.myRole === 'member' && !v.sending;
    }, 'the membership synced back');
    expect(await homeHas(u, group.postId)).toBe(true);
    const joins = net.state.requests.filter((r) => r.reached && r.method === 'PUT' && r.path.startsWith(`/v1/groups/${group.id}/members/`));
    expect(joins).toHaveLength(1);
    expect(u.events['outbox.rejected']).toEqual([]);
  });

  it('rolls a join back with the reason when the group closed meanwhile', async () => {
    const group = await openGroup('Werkgroep Wondzorg');
    const { u, net } = await annaWithCable();
    await waitFor(async () => (await u.core.invoke('groups.get', { id: group.id })).ok, 'the new group to be synced');

    net.state.online = false;
    expect(await u.core.invoke('groups.join', { id: group.id })).toMatchObject({ ok: true, value: { myRole: 'member' } });
    expect((await group.eva.patch(`/v1/groups/${group.id}`, { visibility: 'closed' })).status).toBe(200);
    await backOnline(u, net);

    const rejected = await waitFor(() => u.events['outbox.rejected'][0], 'the refusal');
    expect(rejected).toEqual({ kind: 'join', code: 'forbidden', message: expect.any(String), preview: 'Werkgroep Wondzorg' });
    expect(await pendingWrites(u)).toBe(0);
    await waitFor(async () => (await view(u, group.id)).visibility === 'closed', 'the closed group synced');
    expect(await view(u, group.id)).toMatchObject({ myRole: null, sending: false, requested: false });
    expect(await homeHas(u, group.postId)).toBe(false);
    expect(await membership(group.id, '1001')).toBeUndefined();
  });

  it('asks to join a closed group offline, and the group admin finds the request once it arrives', async () => {
    const eva = await server.login('1005');
    const made = await eva.post<{ id: string }>('/v1/groups', { name: 'Koor', description: 'Zingen na de dienst', kind: 'informal', visibility: 'closed' });
    const { u, net } = await annaWithCable();
    await waitFor(async () => (await u.core.invoke('groups.get', { id: made.body.id })).ok, 'the new group to be synced');

    net.state.online = false;
    expect(await u.core.invoke('groups.join', { id: made.body.id })).toMatchObject({ ok: true, value: { myRole: null, requested: true, sending: true } });
    await backOnline(u, net);
    await waitFor(async () => (await eva.get<{ items: unknown[] }>(`/v1/groups/${made.body.id}/requests`)).body.items.length === 1, 'the request delivered');
    await waitFor(async () => {
      const v = await view(u, made.body.id);
      return v.requested && !v.sending;
    }, 'the request synced back');
  });

  it('takes a join back when she leaves before it went, and sends nothing', async () => {
    const group = await openGroup('Werkgroep Voeding');
    const { u, net } = await annaWithCable();
    await waitFor(async () => (await u.core.invoke('groups.get', { id: group.id })).ok, 'the new group to be synced');

    net.state.online = false;
    await u.core.invoke('groups.join', { id: group.id });
    // Once tried and put off, it is no longer on its way and can be taken back.
    await waitFor(() => u.log.lines.some((l) => l.message === 'outbox delivery postponed'), 'the first attempt to fail');
    expect(await u.core.invoke('groups.leave', { id: group.id })).toEqual({ ok: true, value: { ok: true } });
    expect(await pendingWrites(u)).toBe(0);
    expect(await view(u, group.id)).toMatchObject({ myRole: null, sending: false });

    net.state.requests.length = 0;
    await backOnline(u, net);
    expect(net.state.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('leaves a private group offline: gone from her groups at once, and its posts leave her device at the next sync', async () => {
    const team = await groupId(server, 'Team 3B');
    const { u, net } = await annaWithCable();
    const teamPost = await waitFor(async () => {
      const page = await u.core.invoke('timeline.list', { groupId: team, limit: 1 });
      return page.ok ? page.value.items[0] : undefined;
    }, 'Team 3B’s posts');

    net.state.online = false;
    expect(await u.core.invoke('groups.leave', { id: team })).toEqual({ ok: true, value: { ok: true } });
    const overview = await u.core.invoke('groups.overview', {});
    expect(overview.ok && overview.value.items.some((g) => g.id === team)).toBe(false);
    expect(await homeHas(u, teamPost.id)).toBe(false);

    await backOnline(u, net);
    await waitFor(async () => (await membership(team, '1001')) === undefined, 'the leave delivered');
    await waitFor(async () => !(await u.core.invoke('post.get', { id: teamPost.id })).ok, 'Team 3B’s posts gone from her device');
    expect(await u.core.invoke('groups.get', { id: team })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses at once what cannot be: joining an archived group, leaving a group she does not know', async () => {
    const group = await openGroup('Werkgroep Oud Archief');
    const { u } = await annaWithCable();
    const daan = await server.login('1004');
    expect((await daan.patch(`/v1/groups/${group.id}`, { archived: true })).status).toBe(200);
    // An archived group is members-only: for Anna it is gone.
    await waitFor(async () => !(await u.core.invoke('groups.get', { id: group.id })).ok, 'the archived group to leave her cache');
    expect(await u.core.invoke('groups.join', { id: group.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await u.core.invoke('groups.leave', { id: group.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await pendingWrites(u)).toBe(0);
  });

  it('on a shared ward PC, a join made offline goes as her after she tapped out, and the next person sees none of it', async () => {
    const group = await openGroup('Werkgroep Mondzorg');
    const net = switchableFetch();
    const u = startTracked({ url: server.url, dataDir: tempDir(), mode: 'shared', secrets: memorySecretStore(), enrolmentCode: await enrolmentCode(server), fetch: net.fetch });
    await u.core.invoke('session.state', {});
    const tapIn = async (employeeNumber: string) => {
      const result = await u.core.invoke('session.badge', { codes: badgeCodes(employeeNumber), pin: demoPin(employeeNumber) });
      if (!result.ok || result.value.state !== 'loggedIn') throw new Error(`tap ${employeeNumber}: ${JSON.stringify(result)}`);
    };
    await tapIn('1001');
    await waitFor(async () => (await u.core.invoke('groups.get', { id: group.id })).ok, 'the new group to be synced');

    net.state.online = false;
    expect(await u.core.invoke('groups.join', { id: group.id })).toMatchObject({ ok: true, value: { myRole: 'member' } });
    await u.core.invoke('session.lock', {});
    net.state.online = true;
    await tapIn('1002');
    // Hers, not his: not shown to him nor counted as his.
    expect(await view(u, group.id)).toMatchObject({ myRole: null, sending: false });
    expect(await pendingWrites(u)).toBe(0);

    await waitFor(async () => (await membership(group.id, '1001'))?.role === 'member', 'Anna’s join delivered with her grant');
    expect(await membership(group.id, '1002')).toBeUndefined();
    expect(await view(u, group.id)).toMatchObject({ myRole: null });
  });
});
