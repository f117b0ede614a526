import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../main/core/devices/secretStore.js';
import { startBrowserShell } from '../../../main/web/shell.js';
import { shellCore } from '../../../main/web/shellCore.js';
import { badgeCodes, coresStoppedAfterEach, demoPin, enrolmentCode, groupId } from '../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs } from '../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('photos the browser shell serves', () => {
  let server: TestServer;
  const startCore = coresStoppedAfterEach();
  let privatePhoto: string;
  let publicPhoto: string;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const anna = await server.login('1001');
    const photo = async (background: string) => {
      const png = await sharp({ create: { width: 24, height: 16, channels: 3, background } }).png().toBuffer();
      return (await anna.request<{ id: string }>('POST', '/v1/images', { raw: png, contentType: 'image/png' })).body.id;
    };
    privatePhoto = await photo('#c00');
    publicPhoto = await photo('#0B5E73');
    await anna.post('/v1/posts', { body: 'Alleen voor 3B: de nieuwe kamerindeling.', groupId: await groupId(server, 'Team 3B'), imageIds: [privatePhoto], photoConsent: true });
    await anna.post('/v1/posts', { body: 'Ons nieuwe teambord, voor iedereen.', imageIds: [publicPhoto], photoConsent: true });
  });
  afterAll(() => closeServer(server));

  it('keep a private group’s photo out of the browser’s disk cache; what everyone may see stays cacheable', async () => {
    const u = startCore({ url: server.url, dataDir: tempDir(), mode: 'shared', secrets: memorySecretStore(), enrolmentCode: await enrolmentCode(server) });
    await u.core.invoke('session.state', {});
    const shell = await startBrowserShell({ core: shellCore(u.core), rendererDir: tempDir(), bridgeScript: '' });
    try {
      const handover = await fetch(shell.url, { redirect: 'manual' });
      const cookie = String(handover.headers.get('set-cookie')).split(';')[0]!;
      const get = (id: string) => fetch(`http://127.0.0.1:${shell.port}/images/${id}?size=full`, { headers: { cookie } });

      // The ward PC, locked: the device's own token gets what every employee may see.
      const shared = await get(publicPhoto);
      expect(shared.status).toBe(200);
      expect(shared.headers.get('cache-control')).toBe('private, max-age=86400');
      expect((await get(privatePhoto)).status).toBe(404);

      const tapped = await u.core.invoke('session.badge', { codes: badgeCodes('1001'), pin: demoPin('1001') });
      expect(tapped).toMatchObject({ ok: true, value: { state: 'loggedIn' } });
      const mine = await get(privatePhoto);
      expect(mine.status).toBe(200);
      expect(mine.headers.get('cache-control')).toBe('no-store');
    } finally {
      await shell.close();
    }
  });
});
