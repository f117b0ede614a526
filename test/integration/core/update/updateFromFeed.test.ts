import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientMode } from '../../../../common/src/ipc/views.js';
import { createUpdater, INSTALL_RETRY_MS } from '../../../../main/core/update/updater.js';
import { memoryLog, tempDirs } from '../../../fixtures/core/harness.js';
import { manualTime } from '../../../fixtures/core/manualTime.js';
import { httpUpdateSource, publishRelease } from '../../../fixtures/core/updateFeed.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

/** The updater against the server's real feed on loopback, as a ward PC would meet a release. */
describe('updating from the organisation’s own feed', () => {
  let s: TestServer;
  let feedDir: string;

  beforeAll(async () => {
    feedDir = path.join(tempDir(), 'feed');
    publishRelease(feedDir, { version: '1.0.0' });
    s = await startTestServer('sqlite', { updatesDir: feedDir });
  });
  // Closing waits for the seeded organisation's search index, which a busy machine builds slowly.
  afterAll(async () => {
    await s?.close();
  }, 120_000);

  const publish = (o: Parameters<typeof publishRelease>[1]) => {
    rmSync(feedDir, { recursive: true, force: true });
    return publishRelease(feedDir, o);
  };

  function device(o: { current: string; mode?: ClientMode; local?: [number, number]; loggedIn?: boolean }) {
    const [h, m] = o.local ?? [14, 0];
    const time = manualTime(new Date(2026, 2, 3, h, m).getTime());
    const downloads = tempDir();
    const http = httpUpdateSource(`${s.url}/v1/updates`, downloads);
    let loggedIn = o.loggedIn ?? false;
    const updater = createUpdater({
      source: http.source,
      settings: { enabled: true, checkEveryHours: 4, maintenanceWindow: { from: '02:00', to: '05:00' }, feedUrl: `${s.url}/v1/updates` },
      mode: o.mode ?? 'workstation',
      currentVersion: o.current,
      deviceId: 'ward-3-pc-1',
      someoneLoggedIn: () => loggedIn,
      clock: time.clock,
      timers: time.timers,
      log: memoryLog(),
    });
    return { updater, time, installed: http.installed, logout: () => (loggedIn = false) };
  }

  it('takes the newer release the feed names, downloads it and installs the verified file', async () => {
    const release = publish({ version: '1.2.0' });
    const d = device({ current: '1.1.3' });
    await d.updater.check();
    expect(d.updater.state()).toEqual({ kind: 'installing', version: '1.2.0' });
    expect(d.installed.map((f) => path.basename(f))).toEqual([release.file]);
  });

  it('stays on its version when the feed names the same one, and refuses an older one', async () => {
    publish({ version: '1.2.0' });
    const same = device({ current: '1.2.0' });
    await same.updater.check();
    expect(same.updater.state()).toEqual({ kind: 'up_to_date', version: '1.2.0' });

    publish({ version: '1.1.0' });
    const newer = device({ current: '1.2.0' });
    await newer.updater.check();
    expect(newer.updater.state()).toEqual({ kind: 'refused', version: '1.1.0', reason: 'downgrade' });
    expect(newer.installed).toEqual([]);
  });

  it('refuses an installer whose bytes are not the ones latest.yml announces', async () => {
    publish({ version: '1.3.0', announcedBytes: Buffer.from('the installer IT signed') });
    const d = device({ current: '1.2.0' });
    await d.updater.check();
    expect(d.updater.state()).toEqual({ kind: 'refused', version: '1.3.0', reason: 'checksum' });
    expect(d.installed).toEqual([]);
  });

  it('on a shared PC downloads at once but installs only in the maintenance window, with nobody logged in', async () => {
    publish({ version: '1.4.0' });
    const d = device({ current: '1.3.0', mode: 'shared', local: [1, 30], loggedIn: true });
    await d.updater.check();
    expect(d.updater.state()).toEqual({ kind: 'ready', version: '1.4.0' });
    d.time.advance(30 * 60_000);
    expect(d.installed).toEqual([]);
    d.logout();
    d.time.advance(INSTALL_RETRY_MS);
    expect(d.installed).toHaveLength(1);
    expect(new Date(d.time.now).getHours()).toBe(2);
  });

  it('leaves devices outside a staged rollout on their version', async () => {
    publish({ version: '1.5.0', stagingPercentage: 0 });
    const d = device({ current: '1.4.0' });
    await d.updater.check();
    expect(d.updater.state()).toEqual({ kind: 'not_in_rollout', version: '1.5.0' });
  });
});
