import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { badgeCodes, demoPin, enrolmentCode, personId, type CoreUnderTest, type StartCoreOptions, coresStoppedAfterEach } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { manualTime } from '../../../fixtures/core/manualTime.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('the idle lock of a session', () => {
  let server: TestServer;
  const startTracked = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  async function device(mode: 'shared' | 'kiosk', o: Partial<StartCoreOptions> = {}) {
    const time = manualTime(Date.now());
    const u = startTracked({
      url: server.url,
      dataDir: tempDir(),
      mode,
      secrets: memorySecretStore(),
      enrolmentCode: await enrolmentCode(server, mode),
      clock: time.clock,
      timers: time.timers,
      ...o,
    });
    await u.core.invoke('session.state', {});
    return { u, time };
  }
  const tapIn = async (u: CoreUnderTest, employeeNumber: string) => {
    const result = await u.core.invoke('session.badge', { codes: badgeCodes(employeeNumber), pin: demoPin(employeeNumber) });
    if (!result.ok || result.value.state !== 'loggedIn') throw new Error(`tap ${employeeNumber}: ${JSON.stringify(result)}`);
    return result.value;
  };
  const lastAuditAction = async (employeeNumber: string) => {
    const row = await server.db.kysely
      .selectFrom('auth_events')
      .select('action')
      .where('person_id', '=', await personId(server, employeeNumber))
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row?.action;
  };

  it('on a ward PC: counts down the last 15 seconds of the organisation’s 2 minutes, then locks', async () => {
    const { u, time } = await device('shared');
    expect(await tapIn(u, '1001')).toMatchObject({ idle: { idleSeconds: 120 } });

    time.advance(105_000);
    expect(u.events['session.idleWarning']).toEqual([{ secondsLeft: 15 }]);
    time.advance(5_000);
    expect(u.events['session.idleWarning'].map((w) => w.secondsLeft)).toEqual([15, 14, 13, 12, 11, 10]);

    expect(await u.core.invoke('session.activity', {})).toEqual({ ok: true, value: { ok: true } });
    expect(u.events['session.idleWarning'].at(-1)).toEqual({ secondsLeft: null });
    time.advance(119_000);
    expect((await u.core.invoke('session.state', {})).ok && u.events['session.changed'].at(-1)?.state).toBe('loggedIn');

    time.advance(1_000);
    await waitFor(() => u.events['session.changed'].at(-1)?.state === 'loggedOut', 'the idle lock');
    expect(await u.core.invoke('groups.mine', {})).toEqual({ ok: true, value: { items: [] } });
    await waitFor(async () => (await lastAuditAction('1001')) === 'logout_idle', 'the server to hear why');
  });

  it('follows --idle-seconds over the organisation’s setting', async () => {
    const { u, time } = await device('shared', { idleSeconds: 20 });
    expect(await tapIn(u, '1002')).toMatchObject({ idle: { idleSeconds: 20 } });
    time.advance(20_000);
    await waitFor(() => u.events['session.changed'].at(-1)?.state === 'loggedOut', 'the idle lock');
    expect(u.events['session.idleWarning'].map((w) => w.secondsLeft)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('on a kiosk: back to the signage after 45 seconds', async () => {
    const { u, time } = await device('kiosk');
    expect(await tapIn(u, '1003')).toMatchObject({ mode: 'kiosk', idle: { idleSeconds: 45 } });
    time.advance(45_000);
    await waitFor(() => u.events['session.changed'].at(-1)?.state === 'loggedOut', 'the idle lock');
  });

  it('does not lock the next person when the one before had gone idle just as he tapped', async () => {
    const { u, time } = await device('shared', { idleSeconds: 20 });
    await tapIn(u, '1001');
    time.advance(19_000);
    await tapIn(u, '1002');
    time.advance(5_000);
    const state = await u.core.invoke('session.state', {});
    expect(state).toMatchObject({ ok: true, value: { state: 'loggedIn', person: { name: 'Bram Jansen' } } });
  });

  it('on a workstation: password login, locked after the organisation’s 15 minutes', async () => {
    const time = manualTime(Date.now());
    const u = startTracked({ url: server.url, dataDir: tempDir(), clock: time.clock, timers: time.timers });
    const login = await u.core.invoke('session.loginPassword', { employeeNumber: '1004', password: 'welkom-daan' });
    expect(login).toMatchObject({ ok: true, value: { state: 'loggedIn', via: 'password', idle: { idleSeconds: 900 } } });
    time.advance(899_000);
    expect(u.events['session.changed'].at(-1)?.state).toBe('loggedIn');
    time.advance(1_000);
    await waitFor(() => u.events['session.changed'].at(-1)?.state === 'loggedOut', 'the idle lock');
    expect(await u.core.invoke('session.lock', {})).toMatchObject({ ok: true, value: { state: 'loggedOut', mode: 'workstation' } });
  });
});
