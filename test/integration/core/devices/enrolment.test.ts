import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BADGE_READER } from '../../../../common/src/badge/readerSettings.js';
import { samenMethods } from '../../../../common/src/ipc/contract.js';
import { CACHE_FILE_NAME } from '../../../../main/core/cache/openCache.js';
import { DEVICE_TOKEN_SECRET } from '../../../../main/core/devices/deviceLink.js';
import { fileSecretStore, memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { badgeCodes, demoPin, enrolmentCode, switchableFetch, type CoreUnderTest, coresStoppedAfterEach } from '../../../fixtures/core/coreHarness.js';
import { closeServer, dumpDatabaseFile, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('enrolling a shared ward PC', () => {
  let server: TestServer;
  const core = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  const timelineLength = async (u: CoreUnderTest) => {
    const list = await u.core.invoke('timeline.list', { limit: 20 });
    return list.ok ? list.value.items.length : -1;
  };

  it('uses the enrolment code once at start, keeps the token in the secret store and needs no code again', async () => {
    const secrets = memorySecretStore();
    const dataDir = tempDir();
    const net = switchableFetch();
    const first = core({ url: server.url, dataDir, mode: 'shared', secrets, enrolmentCode: await enrolmentCode(server), fetch: net.fetch });

    const state = await first.core.invoke('session.state', {});

    expect(state).toMatchObject({ ok: true, value: { state: 'loggedOut', mode: 'shared', online: true, theme: { intranetName: expect.any(String) } } });
    const stored = JSON.parse(secrets.get(DEVICE_TOKEN_SECRET) ?? '{}') as { token?: string; serverUrl?: string };
    expect(stored).toEqual({ serverUrl: server.url, token: expect.any(String) });
    await waitFor(async () => (await timelineLength(first)) === 20, 'the shared timeline, with nobody logged in');
    const deviceRequests = net.state.requests.filter((r) => r.path === '/v1/sync');
    expect(deviceRequests.length).toBeGreaterThan(0);
    await first.core.stop();

    const again = switchableFetch();
    const second = core({ url: server.url, dataDir, mode: 'shared', secrets, enrolmentCode: 'USED-CODE', fetch: again.fetch });
    expect(await second.core.invoke('session.state', {})).toMatchObject({ ok: true, value: { state: 'loggedOut' } });
    expect(again.state.requests.some((r) => r.path === '/v1/devices/enrol')).toBe(false);
    expect(await timelineLength(second)).toBe(20);
    expect(await second.core.invoke('session.badge', { codes: badgeCodes('1002'), pin: demoPin('1002') })).toMatchObject({ ok: true, value: { state: 'loggedIn' } });
  });

  it('without a token asks for enrolment, explains a wrong code, and is linked by a right one', async () => {
    const secrets = memorySecretStore();
    const u = core({ url: server.url, dataDir: tempDir(), mode: 'kiosk', secrets });

    expect(await u.core.invoke('session.state', {})).toEqual({ ok: true, value: { state: 'deviceUnlinked', mode: 'kiosk', badgeReader: DEFAULT_BADGE_READER, reason: 'not_enrolled' } });
    expect(await u.core.invoke('session.badge', { codes: badgeCodes('1001') })).toMatchObject({ ok: false, error: { code: 'device_unlinked' } });
    expect(await u.core.invoke('device.enrol', { code: 'WXYZ-2345' })).toMatchObject({ ok: false, error: { code: 'invalid_enrolment_code' } });
    expect(secrets.get(DEVICE_TOKEN_SECRET)).toBeNull();

    const enrolled = await u.core.invoke('device.enrol', { code: await enrolmentCode(server, 'kiosk', 'Kantine') });

    expect(enrolled).toMatchObject({ ok: true, value: { state: 'loggedOut', mode: 'kiosk', online: true } });
    expect(enrolled.ok && samenMethods['device.enrol'].output.safeParse(enrolled.value).success).toBe(true);
    expect(u.events['session.changed'].at(-1)).toMatchObject({ state: 'loggedOut' });
    expect(secrets.get(DEVICE_TOKEN_SECRET)).not.toBeNull();
    await waitFor(async () => (await timelineLength(u)) > 0, 'the kiosk’s shared timeline');
    expect(await u.core.invoke('device.enrol', { code: 'ABCD-EFGH' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('keeps its token in a file of the data folder in the browser shell', async () => {
    const dataDir = tempDir();
    const u = core({ url: server.url, dataDir, mode: 'shared', secrets: fileSecretStore(dataDir), enrolmentCode: await enrolmentCode(server) });
    expect(await u.core.invoke('session.state', {})).toMatchObject({ ok: true, value: { state: 'loggedOut' } });
    expect(fileSecretStore(dataDir).get(DEVICE_TOKEN_SECRET)).toContain(server.url);
  });

  it('once revoked: forgets its token, wipes its cache and shows that it is no longer linked', async () => {
    const secrets = memorySecretStore();
    const dataDir = tempDir();
    const u = core({ url: server.url, dataDir, mode: 'shared', secrets, enrolmentCode: await enrolmentCode(server, 'shared', 'Te ontkoppelen PC') });
    await waitFor(async () => (await timelineLength(u)) === 20, 'first sync');
    await u.core.invoke('session.badge', { codes: badgeCodes('1001'), pin: demoPin('1001') });
    const cachedBefore = await dumpDatabaseFile(path.join(dataDir, CACHE_FILE_NAME));
    expect(cachedBefore).toMatch(/^posts: \[\{/m);

    const daan = await server.login('1004');
    const devices = await daan.get<{ items: { id: string; name: string }[] }>('/v1/admin/devices');
    const pc = devices.body.items.find((d) => d.name === 'Te ontkoppelen PC')!;
    expect((await daan.delete(`/v1/admin/devices/${pc.id}`)).status).toBe(200);
    // Nobody touches the PC: its event stream ends at the server's next heartbeat, and it finds out.

    await waitFor(() => u.events['session.changed'].some((s) => s.state === 'deviceUnlinked'), 'the device to learn it was revoked');
    expect(await u.core.invoke('session.state', {})).toEqual({ ok: true, value: { state: 'deviceUnlinked', mode: 'shared', badgeReader: DEFAULT_BADGE_READER, reason: 'revoked' } });
    expect(secrets.get(DEVICE_TOKEN_SECRET)).toBeNull();
    expect(await u.core.invoke('timeline.list', { limit: 20 })).toEqual({ ok: true, value: { items: [], nextCursor: null } });
    expect(await u.core.invoke('theme.get', {})).toEqual({ ok: true, value: null });
    const cachedAfter = await dumpDatabaseFile(path.join(dataDir, CACHE_FILE_NAME));
    expect(cachedAfter).toMatch(/^posts: \[\]$/m);
    expect(cachedAfter).toMatch(/posts: \[\]/);
    // Nothing is synced any more, and a new code links it again.
    expect(await u.core.invoke('device.enrol', { code: await enrolmentCode(server) })).toMatchObject({ ok: true, value: { state: 'loggedOut' } });
    await waitFor(async () => (await timelineLength(u)) === 20, 'the timeline after enrolling again');
  });
});
