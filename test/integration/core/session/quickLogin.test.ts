import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samenMethods } from '../../../../common/src/ipc/contract.js';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { badgeCodes, demoPin, enrolmentCode, groupId, personId, switchableFetch, type CoreUnderTest, type StartCoreOptions, coresStoppedAfterEach } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { manualTime } from '../../../fixtures/core/manualTime.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('quick login on a shared ward PC', () => {
  let server: TestServer;
  const startTracked = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  /** A ward PC enrolled with a fresh code, its shared feed synced, nobody logged in. */
  async function wardPc(o: Partial<StartCoreOptions> = {}) {
    const u = startTracked({ url: server.url, dataDir: tempDir(), mode: 'shared', secrets: memorySecretStore(), enrolmentCode: await enrolmentCode(server), ...o });
    expect(await u.core.invoke('session.state', {})).toMatchObject({ ok: true, value: { state: 'loggedOut', online: true } });
    await waitFor(async () => {
      const list = await u.core.invoke('timeline.list', { limit: 1 });
      return list.ok && list.value.items.length > 0;
    }, 'the shared feed, synced with the device token alone');
    return u;
  }

  /** A tap, with the PIN when the server asks for it (first tap of the day). */
  async function tapIn(u: CoreUnderTest, employeeNumber: string) {
    const first = await u.core.invoke('session.badge', { codes: badgeCodes(employeeNumber) });
    if (first.ok) return first.value;
    expect(first.error.code).toBe('pin_required');
    const second = await u.core.invoke('session.badge', { codes: badgeCodes(employeeNumber), pin: demoPin(employeeNumber) });
    if (!second.ok) throw new Error(`tap ${employeeNumber}: ${JSON.stringify(second)}`);
    return second.value;
  }

  const auditOf = async (employeeNumber: string) =>
    (
      await server.db.kysely
        .selectFrom('auth_events')
        .select(['action', 'result'])
        .where('person_id', '=', await personId(server, employeeNumber))
        .orderBy('at')
        .orderBy('id')
        .execute()
    ).map((e) => `${e.action}:${e.result}`);

  it('logs Anna in with her badge, asking for her PIN on the first tap of the day', async () => {
    const u = await wardPc();
    const tap = await u.core.invoke('session.badge', { codes: badgeCodes('1001') });
    expect(tap).toMatchObject({ ok: false, error: { code: 'pin_required' } });
    expect(u.events['session.changed'].some((s) => s.state === 'loggedIn')).toBe(false);

    const withPin = await u.core.invoke('session.badge', { codes: badgeCodes('1001'), pin: demoPin('1001') });

    expect(withPin).toMatchObject({ ok: true, value: { state: 'loggedIn', mode: 'shared', via: 'badge', person: { name: 'Anna de Vries' }, idle: { idleSeconds: 120 } } });
    expect(withPin.ok && samenMethods['session.badge'].output.safeParse(withPin.value).success).toBe(true);
    const team3b = await groupId(server, 'Team 3B');
    await waitFor(async () => {
      const mine = await u.core.invoke('groups.mine', {});
      return mine.ok && mine.value.items.some((g) => g.id === team3b);
    }, 'Anna’s private groups, synced with her session and the device token');
    // Her second tap of the day needs no PIN; the same badge then logs her out.
    expect(await u.core.invoke('session.badge', { codes: badgeCodes('1001') })).toMatchObject({ ok: true, value: { state: 'loggedOut' } });
    expect(await u.core.invoke('session.badge', { codes: badgeCodes('1001') })).toMatchObject({ ok: true, value: { state: 'loggedIn', via: 'badge' } });
    expect(u.log.lines.map((l) => JSON.stringify(l)).join('\n')).not.toContain('04A1B2C3D4');
  });

  it('logs out when the same badge is tapped again, and revokes the session on the server', async () => {
    const u = await wardPc();
    await tapIn(u, '1001');
    const sessionsBefore = await server.db.kysely.selectFrom('sessions').select('token_hash').where('revoked_at', 'is', null).where('kind', '=', 'session').execute();

    const again = await u.core.invoke('session.badge', { codes: badgeCodes('1001') });

    expect(again).toMatchObject({ ok: true, value: { state: 'loggedOut', online: true, theme: { intranetName: expect.any(String) } } });
    expect((await auditOf('1001')).at(-1)).toBe('logout:ok');
    const sessionsAfter = await server.db.kysely.selectFrom('sessions').select('token_hash').where('revoked_at', 'is', null).where('kind', '=', 'session').execute();
    expect(sessionsAfter.length).toBe(sessionsBefore.length - 1);
    const groups = await u.core.invoke('groups.mine', {});
    expect(groups.ok && groups.value.items).toEqual([]);
  });

  it('switches to Bram at once when he taps while Anna is logged in, with nothing of Anna’s left', async () => {
    const u = await wardPc();
    await tapIn(u, '1002');
    await u.core.invoke('session.badge', { codes: badgeCodes('1002') });
    await tapIn(u, '1001');
    const team3b = await groupId(server, 'Team 3B');
    await waitFor(async () => {
      const list = await u.core.invoke('timeline.list', { groupId: team3b, limit: 5 });
      return list.ok && list.value.items.length > 0;
    }, 'Anna’s Team 3B posts');
    const changesBefore = u.events['session.changed'].length;

    const switched = await u.core.invoke('session.badge', { codes: badgeCodes('1002') });

    expect(switched).toMatchObject({ ok: true, value: { state: 'loggedIn', via: 'badge', person: { name: 'Bram Jansen' } } });
    expect(u.events['session.changed'].slice(changesBefore).map((s) => s.state)).toEqual(['loggedOut', 'loggedIn']);
    expect((await auditOf('1001')).at(-1)).toBe('logout_switch:ok');
    expect((await auditOf('1002')).at(-1)).toBe('login_badge:ok');
    const list = await u.core.invoke('timeline.list', { limit: 100 });
    expect(list.ok && list.value.items.some((p) => p.group?.id === team3b)).toBe(false);
    expect(await u.core.invoke('timeline.list', { groupId: team3b, limit: 5 })).toMatchObject({ ok: true, value: { items: [] } });
    const groups = await u.core.invoke('groups.mine', {});
    expect(groups.ok && groups.value.items.some((g) => g.id === team3b)).toBe(false);
  });

  it('offers to link an unknown badge: employee number + PIN right after links it', async () => {
    const u = await wardPc();
    const newBadge = ['Digit0', 'Digit9', 'KeyF', 'KeyE', 'Digit1', 'Digit2', 'Digit3', 'Digit4', 'Enter'];

    expect(await u.core.invoke('session.badge', { codes: newBadge })).toMatchObject({ ok: false, error: { code: 'unknown_badge' } });
    const linked = await u.core.invoke('session.pin', { employeeNumber: '1005', pin: demoPin('1005'), linkPendingBadge: true });

    expect(linked).toMatchObject({ ok: true, value: { state: 'loggedIn', via: 'pin', person: { name: 'Eva Visser' } } });
    expect(JSON.stringify(linked)).not.toContain('09FE1234');
    const badge = await server.db.kysely.selectFrom('badges').select('person_id').where('badge_id', '=', '09FE1234').executeTakeFirst();
    expect(badge?.person_id).toBe(await personId(server, '1005'));
    // The badge she just linked is hers: tapping it logs her out.
    expect(await u.core.invoke('session.badge', { codes: newBadge })).toMatchObject({ ok: true, value: { state: 'loggedOut' } });
    expect(await u.core.invoke('session.badge', { codes: newBadge })).toMatchObject({ ok: true, value: { state: 'loggedIn', person: { name: 'Eva Visser' } } });
  });

  it('forgets an unknown badge after two minutes: a PIN login then links nothing', async () => {
    const time = manualTime(Date.now());
    const u = await wardPc({ clock: time.clock });
    const strayBadge = ['Digit0', 'Digit9', 'KeyA', 'KeyA', 'Digit5', 'Digit5', 'Digit6', 'Digit6', 'Enter'];
    expect(await u.core.invoke('session.badge', { codes: strayBadge })).toMatchObject({ ok: false, error: { code: 'unknown_badge' } });
    time.jump(121_000);

    expect(await u.core.invoke('session.pin', { employeeNumber: '1003', pin: demoPin('1003'), linkPendingBadge: true })).toMatchObject({
      ok: true,
      value: { state: 'loggedIn', via: 'pin' },
    });
    expect(await server.db.kysely.selectFrom('badges').select('person_id').where('badge_id', '=', '09AA5566').executeTakeFirst()).toBeUndefined();
  });

  it('handles two taps that come at once one after the other: in, then out', async () => {
    const u = await wardPc();
    await tapIn(u, '1001');
    await u.core.invoke('session.badge', { codes: badgeCodes('1001') });

    const [first, second] = await Promise.all([
      u.core.invoke('session.badge', { codes: badgeCodes('1001') }),
      u.core.invoke('session.badge', { codes: badgeCodes('1001') }),
    ]);

    expect(first).toMatchObject({ ok: true, value: { state: 'loggedIn' } });
    expect(second).toMatchObject({ ok: true, value: { state: 'loggedOut' } });
    expect(await u.core.invoke('theme.get', {})).toMatchObject({ ok: true, value: { intranetName: expect.any(String), primaryColor: expect.any(String) } });
  });

  it('logs in with employee number + PIN, and refuses a wrong PIN without saying whether the number exists', async () => {
    const u = await wardPc();
    expect(await u.core.invoke('session.pin', { employeeNumber: '1003', pin: '0000' })).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    expect(await u.core.invoke('session.pin', { employeeNumber: '999999', pin: '0000' })).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    const result = await u.core.invoke('session.pin', { employeeNumber: '1003', pin: demoPin('1003') });
    expect(result).toMatchObject({ ok: true, value: { state: 'loggedIn', via: 'pin', person: { name: 'Carla Smit' } } });
    expect(result.ok && samenMethods['session.pin'].output.safeParse(result.value).success).toBe(true);
  });

  it('says until when a PIN is locked after five wrong ones', async () => {
    const u = await wardPc();
    let last = await u.core.invoke('session.pin', { employeeNumber: '1004', pin: '0000' });
    for (let i = 1; i < 5 && !(!last.ok && last.error.code === 'pin_locked'); i++) last = await u.core.invoke('session.pin', { employeeNumber: '1004', pin: '0000' });

    expect(last).toMatchObject({ ok: false, error: { code: 'pin_locked', retryAfter: expect.any(String) } });
    const retryAfter = !last.ok ? Date.parse(last.error.retryAfter ?? '') : NaN;
    expect(retryAfter).toBeGreaterThan(Date.now());
    expect(await u.core.invoke('session.pin', { employeeNumber: '1004', pin: demoPin('1004') })).toMatchObject({ ok: false, error: { code: 'pin_locked' } });
  });

  it('refuses a garbled read without asking the server', async () => {
    const net = switchableFetch();
    const u = await wardPc({ fetch: net.fetch });
    net.state.requests.length = 0;
    const garbled = await u.core.invoke('session.badge', { codes: ['Digit0', 'Digit4', 'KeyZ', 'KeyQ', 'Digit1', 'Digit2', 'Enter'] });
    expect(garbled).toMatchObject({ ok: false, error: { code: 'badge_unreadable' } });
    expect(net.state.requests.filter((r) => r.path.startsWith('/v1/auth'))).toEqual([]);
  });

  it('offline: the lock screen says so, the timeline stays readable, a tap explains it needs the network', async () => {
    const net = switchableFetch();
    const u = await wardPc({ fetch: net.fetch });
    net.state.online = false;
    await u.core.invoke('sync.now', {});

    expect(await u.core.invoke('session.state', {})).toMatchObject({ ok: true, value: { state: 'loggedOut', online: false } });
    expect(u.events['session.changed'].at(-1)).toMatchObject({ state: 'loggedOut', online: false });
    expect(await u.core.invoke('session.badge', { codes: badgeCodes('1001') })).toMatchObject({ ok: false, error: { code: 'offline' } });
    const list = await u.core.invoke('timeline.list', { limit: 5 });
    expect(list.ok && list.value.items).toHaveLength(5);
    expect(await u.core.invoke('post.create', { body: 'Zonder login' })).toMatchObject({ ok: false, error: { code: 'not_logged_in' } });

    net.state.online = true;
    await waitFor(async () => {
      await u.core.invoke('sync.now', {});
      const state = await u.core.invoke('session.state', {});
      return state.ok && state.value.state === 'loggedOut' && state.value.online;
    }, 'back online');
  });

  it('is for shared and kiosk devices only', async () => {
    const u = startTracked({ url: server.url, dataDir: tempDir() });
    expect(await u.core.invoke('session.badge', { codes: badgeCodes('1001') })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await u.core.invoke('device.enrol', { code: 'ABCD-EFGH' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
