import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../../common/src/api/routes/kiosks.js';
import type { SignageView } from '../../../../common/src/ipc/kioskViews.js';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { coresStoppedAfterEach, enrolmentCode, switchableFetch, type CoreUnderTest } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();
const SLIDE = { kind: 'slide', id: '01930000-0000-7000-8000-0000000000b1', seconds: 8, weight: 2, title: 'Griepprik op dinsdag', text: 'In de hal, van 9 tot 12.' };

describe('a kiosk\'s signage in the core', () => {
  let server: TestServer;
  let carla: TestClient;
  const startCore = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    carla = await server.login('1003');
    await carla.put('/v1/admin/kiosk-playlists', { scope: 'organisation', targetId: null, entries: [SLIDE, { kind: 'newPosts', seconds: 10, weight: 1, count: 3 }] });
  });
  afterAll(() => closeServer(server));

  const signage = async (u: CoreUnderTest): Promise<SignageView> => {
    const r = await u.core.invoke('kiosk.signage', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const titles = (v: SignageView) => v.items.map((i) => (i.kind === 'slide' ? i.title : i.kind === 'post' ? i.post.body : i.kind));

  it('plays the organisation\'s playlist once enrolled, and reports its version at the heartbeat', async () => {
    const kiosk = startCore({ url: server.url, dataDir: tempDir(), mode: 'kiosk', enrolmentCode: await enrolmentCode(server, 'kiosk', 'Kiosk kantine'), appVersion: '1.2.3' });
    const view = await waitFor(async () => {
      const v = await signage(kiosk);
      return v.kioskName === 'Kiosk kantine' && v.items.length === 4 && v;
    }, 'the playlist and three new posts');
    expect(view.items[0]).toMatchObject({ kind: 'slide', title: 'Griepprik op dinsdag', seconds: 8, weight: 2 });
    expect(view.items.slice(1).every((i) => i.kind === 'post' && i.label === 'new')).toBe(true);
    const listed = (await carla.get<{ items: Kiosk[] }>('/v1/admin/kiosks')).body.items.find((k) => k.name === 'Kiosk kantine');
    expect(listed).toMatchObject({ version: '1.2.3' });
    expect(listed!.lastSeenAt).not.toBeNull();
  });

  it('shows a new post without a reload: main says the signage changed', async () => {
    const kiosk = startCore({ url: server.url, dataDir: tempDir(), mode: 'kiosk', enrolmentCode: await enrolmentCode(server, 'kiosk', 'Kiosk hal') });
    await waitFor(async () => (await signage(kiosk)).items.length === 4, 'first signage');
    const told = kiosk.events['kiosk.changed'].length;
    await carla.post('/v1/posts', { body: 'Vers nieuws voor de pauzeruimte' });
    await waitFor(() => kiosk.events['kiosk.changed'].length > told, 'kiosk.changed');
    expect(titles(await signage(kiosk))).toContain('Vers nieuws voor de pauzeruimte');
  });

  it('keeps playing from its cache when the network is down, also after a restart', async () => {
    const dataDir = tempDir();
    const secrets = memorySecretStore();
    const net = switchableFetch();
    const first = startCore({ url: server.url, dataDir, secrets, mode: 'kiosk', fetch: net.fetch, enrolmentCode: await enrolmentCode(server, 'kiosk', 'Kiosk zolder') });
    const before = await waitFor(async () => {
      const v = await signage(first);
      return v.items.length === 4 && v;
    }, 'first signage');
    net.state.online = false;
    await first.core.stop();
    const again = startCore({ url: server.url, dataDir, secrets, mode: 'kiosk', fetch: net.fetch });
    const offline = await signage(again);
    expect(titles(offline)).toEqual(titles(before));
    expect(offline.kioskName).toBe('Kiosk zolder');
  });

  it('gives an editor the same signage as a preview, and refuses signage on a workstation', async () => {
    const kiosk = startCore({ url: server.url, dataDir: tempDir(), mode: 'kiosk', enrolmentCode: await enrolmentCode(server, 'kiosk', 'Kiosk preview') });
    const played = await waitFor(async () => {
      const v = await signage(kiosk);
      return v.items.length === 4 && v;
    }, 'kiosk signage');
    const editor = startCore({ url: server.url, dataDir: tempDir() });
    await editor.login('1003');
    await waitFor(async () => {
      const t = await editor.core.invoke('timeline.list', { limit: 1 });
      return t.ok && t.value.items.length > 0;
    }, 'the editor\'s first sync');
    const id = (await carla.get<{ items: Kiosk[] }>('/v1/admin/kiosks')).body.items.find((k) => k.name === 'Kiosk preview')!.id;
    const preview = await editor.core.invoke('kiosks.preview', { id });
    expect(preview.ok && preview.value.items.map((i) => i.key)).toEqual(played.items.map((i) => i.key));
    const refused = await editor.core.invoke('kiosk.signage', {});
    expect(refused.ok).toBe(false);
  });
});
