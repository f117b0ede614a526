import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClientMode } from '../../../../common/src/ipc/views.js';
import { createUpdater, INSTALL_RETRY_MS, type UpdateSource, type UpdateState } from '../../../../main/core/update/updater.js';
import { memoryLog, tempDirs } from '../../../fixtures/core/harness.js';
import { manualTime } from '../../../fixtures/core/manualTime.js';

const tempDir = tempDirs();
const HOUR = 3_600_000;
const bytes = Buffer.from('the 1.5.0 installer');
const sha512 = createHash('sha512').update(bytes).digest('base64');

/** A feed and downloads the test controls; `installed` records what would have restarted the app. */
function fakeSource(feed: () => unknown, o: { corrupt?: boolean } = {}) {
  const dir = tempDir();
  const installed: string[] = [];
  let checks = 0;
  let downloads = 0;
  const source: UpdateSource = {
    async latest() {
      checks++;
      return feed();
    },
    async download(release) {
      downloads++;
      const file = path.join(dir, path.basename(release.files[0]!.url));
      writeFileSync(file, o.corrupt ? Buffer.from('something else') : bytes);
      return file;
    },
    install: (file) => void installed.push(file),
  };
  return { source, installed, checks: () => checks, downloads: () => downloads };
}

function setup(o: { feed: () => unknown; mode?: ClientMode; enabled?: boolean; corrupt?: boolean; loggedIn?: boolean; startLocal?: [number, number] }) {
  const [h, m] = o.startLocal ?? [14, 0];
  // Local time on purpose: the maintenance window is in the machine's own time.
  const time = manualTime(new Date(2026, 2, 3, h, m).getTime());
  const src = fakeSource(o.feed, { corrupt: o.corrupt });
  const states: UpdateState[] = [];
  let loggedIn = o.loggedIn ?? false;
  const log = memoryLog();
  const updater = createUpdater({
    source: src.source,
    settings: { enabled: o.enabled ?? true, checkEveryHours: 4, maintenanceWindow: { from: '02:00', to: '05:00' }, feedUrl: 'https://x/v1/updates' },
    mode: o.mode ?? 'workstation',
    currentVersion: '1.4.0',
    deviceId: 'device-1',
    someoneLoggedIn: () => loggedIn,
    clock: time.clock,
    timers: time.timers,
    log,
    onState: (s) => states.push(s),
  });
  return { updater, time, src, states, log, setLoggedIn: (v: boolean) => (loggedIn = v) };
}

const feedOf = (version: string, extra: object = {}) => () => ({ version, files: [{ url: `Samen-Setup-${version}.exe`, sha512, size: bytes.length }], ...extra });

describe('the updater', () => {
  it('checks at start and every few hours, downloads a newer release and installs it once nobody is logged in', async () => {
    let version = '1.4.0';
    const t = setup({ feed: () => feedOf(version)(), loggedIn: true });
    t.updater.start();
    await expect.poll(() => t.updater.state().kind).toBe('up_to_date');
    expect(t.src.checks()).toBe(1);

    version = '1.5.0';
    t.time.advance(4 * HOUR);
    await expect.poll(() => t.updater.state().kind).toBe('ready');
    expect(t.src.checks()).toBe(2);
    t.time.advance(INSTALL_RETRY_MS * 3);
    expect(t.src.installed).toEqual([]);

    t.setLoggedIn(false);
    t.updater.sessionChanged();
    expect(t.updater.state()).toEqual({ kind: 'installing', version: '1.5.0' });
    expect(t.src.installed).toHaveLength(1);
    expect(t.states.map((s) => s.kind)).toEqual(['checking', 'up_to_date', 'checking', 'downloading', 'ready', 'installing']);
  });

  it('refuses an older release without downloading it', async () => {
    const t = setup({ feed: feedOf('1.3.0') });
    await t.updater.check();
    expect(t.updater.state()).toEqual({ kind: 'refused', version: '1.3.0', reason: 'downgrade' });
    expect(t.src.downloads()).toBe(0);
    expect(t.log.lines.some((l) => l.level === 'warn' && l.message.includes('older'))).toBe(true);
  });

  it('refuses and deletes a download whose sha512 is not the feed’s, and never installs it', async () => {
    const t = setup({ feed: feedOf('1.5.0'), corrupt: true });
    await t.updater.check();
    expect(t.updater.state()).toEqual({ kind: 'refused', version: '1.5.0', reason: 'checksum' });
    expect(t.src.installed).toEqual([]);
    expect(t.src.downloads()).toBe(1);
    expect(t.log.lines.find((l) => l.level === 'error')?.message).toContain('checksum');
  });

  it('refuses a feed that is not a release (no version, a digest of the wrong form)', async () => {
    const t = setup({ feed: () => ({ version: '1.5.0', files: [{ url: 'x.exe', sha512: 'abc' }] }) });
    await t.updater.check();
    expect(t.updater.state()).toEqual({ kind: 'refused', version: null, reason: 'invalid_feed' });
  });

  it('on a kiosk waits for the maintenance window, even with nobody logged in', async () => {
    const t = setup({ feed: feedOf('1.5.0'), mode: 'kiosk', startLocal: [23, 0] });
    await t.updater.check();
    expect(t.updater.state().kind).toBe('ready');
    t.time.advance(2 * HOUR + 59 * 60_000);
    expect(t.src.installed).toEqual([]);
    t.time.advance(INSTALL_RETRY_MS);
    expect(t.src.installed).toHaveLength(1);
    expect(new Date(t.time.now).getHours()).toBe(2);
  });

  it('leaves a device outside the staged rollout on its version', async () => {
    const t = setup({ feed: feedOf('1.5.0', { stagingPercentage: 0 }) });
    await t.updater.check();
    expect(t.updater.state()).toEqual({ kind: 'not_in_rollout', version: '1.5.0' });
    expect(t.src.downloads()).toBe(0);
  });

  it('does nothing at all when IT switched self-update off', async () => {
    const t = setup({ feed: feedOf('1.5.0'), enabled: false });
    t.updater.start();
    await t.updater.check();
    t.time.advance(24 * HOUR);
    expect(t.src.checks()).toBe(0);
    expect(t.updater.state()).toEqual({ kind: 'off' });
    expect(t.time.pendingTimers()).toBe(0);
  });

  it('tries again at the next check after the feed could not be reached', async () => {
    let reachable = false;
    const t = setup({ feed: () => {
      if (!reachable) throw new TypeError('fetch failed');
      return feedOf('1.5.0')();
    } });
    t.updater.start();
    await expect.poll(() => t.updater.state()).toEqual({ kind: 'failed', step: 'check' });
    reachable = true;
    t.time.advance(4 * HOUR);
    await expect.poll(() => t.updater.state().kind).toBe('installing');
    expect(existsSync(t.src.installed[0]!)).toBe(true);
  });
});
