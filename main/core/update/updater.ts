import { rmSync } from 'node:fs';
import type { ClientMode } from '../../../common/src/ipc/views.js';
import type { Clock } from '../clock.js';
import type { UpdateSettings } from '../config/clientConfig.js';
import type { Logger } from '../log.js';
import type { Timers } from '../session/idleTimer.js';
import { ReleaseSchema, verifiedFile, type Release } from './release.js';
import { decideRelease, mayInstall } from './updatePolicy.js';

/**
 * What fetches and installs releases: electron-updater in the Electron shell (generic provider against
 * the organisation's server); a plain HTTP reader of the same feed in tests.
 */
export interface UpdateSource {
  /** The feed's current release as read (latest.yml), unchecked. */
  latest(): Promise<unknown>;
  /** Downloads the release; answers the path of the file on disk. */
  download(release: Release): Promise<string>;
  /** Restarts into the downloaded release. */
  install(file: string): void;
}

export type UpdateState =
  | { kind: 'off' }
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'up_to_date'; version: string }
  | { kind: 'not_in_rollout'; version: string }
  | { kind: 'refused'; version: string | null; reason: 'downgrade' | 'checksum' | 'invalid_feed' }
  | { kind: 'failed'; step: 'check' | 'download' }
  | { kind: 'downloading'; version: string }
  | { kind: 'ready'; version: string }
  | { kind: 'installing'; version: string };

/** How often a downloaded release looks again whether it may install now. */
export const INSTALL_RETRY_MS = 60_000;

/**
 * Self-update, decided here and only carried out by the source: check at start and every few hours,
 * download in the background, refuse an older version and bytes that do not match the feed's sha512,
 * and install only when `mayInstall` allows (nobody logged in; on shared PCs and kiosks, IT's window).
 */
export function createUpdater(d: {
  source: UpdateSource;
  settings: UpdateSettings;
  mode: ClientMode;
  currentVersion: string;
  deviceId: string;
  someoneLoggedIn(): boolean;
  clock: Clock;
  timers: Timers;
  log: Logger;
  onState?(state: UpdateState): void;
}) {
  let state: UpdateState = d.settings.enabled ? { kind: 'idle' } : { kind: 'off' };
  let ready: { version: string; file: string } | null = null;
  let checkTimer: unknown = null;
  let installTimer: unknown = null;
  let stopped = false;

  const set = (next: UpdateState) => {
    state = next;
    d.onState?.(next);
  };
  const busy = () => state.kind === 'checking' || state.kind === 'downloading' || state.kind === 'ready' || state.kind === 'installing';

  const scheduleCheck = () => {
    if (stopped) return;
    checkTimer = d.timers.set(() => {
      void check().finally(scheduleCheck);
    }, d.settings.checkEveryHours * 3_600_000);
  };

  function tryInstall(): void {
    if (stopped || !ready || state.kind !== 'ready') return;
    d.timers.clear(installTimer);
    const now = d.clock.now();
    const allowed = mayInstall({
      mode: d.mode,
      someoneLoggedIn: d.someoneLoggedIn(),
      minuteOfDay: now.getHours() * 60 + now.getMinutes(),
      maintenanceWindow: d.settings.maintenanceWindow,
    });
    if (!allowed) {
      installTimer = d.timers.set(tryInstall, INSTALL_RETRY_MS);
      return;
    }
    set({ kind: 'installing', version: ready.version });
    d.log.info('update installing', { version: ready.version });
    d.source.install(ready.file);
  }

  async function check(): Promise<UpdateState> {
    if (state.kind === 'off' || stopped || busy()) return state;
    set({ kind: 'checking' });
    let raw: unknown;
    try {
      raw = await d.source.latest();
    } catch (err) {
      d.log.warn('update check failed', { error: err instanceof Error ? err.name : 'error' });
      set({ kind: 'failed', step: 'check' });
      return state;
    }
    const parsed = ReleaseSchema.safeParse(raw);
    if (!parsed.success) {
      d.log.warn('update feed not valid', { field: parsed.error.issues[0]?.path.join('.') ?? '' });
      set({ kind: 'refused', version: null, reason: 'invalid_feed' });
      return state;
    }
    const release = parsed.data;
    const decision = decideRelease({ current: d.currentVersion, release, deviceId: d.deviceId });
    if (!decision.take) {
      if (decision.reason === 'downgrade') d.log.warn('update refused: older than this version', { version: release.version, current: d.currentVersion });
      set(
        decision.reason === 'downgrade'
          ? { kind: 'refused', version: release.version, reason: 'downgrade' }
          : { kind: decision.reason === 'same_version' ? 'up_to_date' : 'not_in_rollout', version: release.version },
      );
      return state;
    }
    set({ kind: 'downloading', version: release.version });
    let file: string;
    try {
      file = await d.source.download(release);
    } catch (err) {
      d.log.warn('update download failed', { version: release.version, error: err instanceof Error ? err.name : 'error' });
      set({ kind: 'failed', step: 'download' });
      return state;
    }
    if (!(await verifiedFile(file, release))) {
      d.log.error('update refused: checksum does not match the feed', { version: release.version });
      rmSync(file, { force: true });
      set({ kind: 'refused', version: release.version, reason: 'checksum' });
      return state;
    }
    if (stopped) return state;
    ready = { version: release.version, file };
    set({ kind: 'ready', version: release.version });
    d.log.info('update downloaded', { version: release.version });
    tryInstall();
    return state;
  }

  return {
    state: () => state,
    /** Checks at once, then every `checkEveryHours`; does nothing when IT switched self-update off. */
    start() {
      if (state.kind === 'off') {
        d.log.info('self-update is off (machine config)');
        return;
      }
      void check().finally(scheduleCheck);
    },
    check,
    /** A session ended: a waiting release may install now rather than at the next retry. */
    sessionChanged: tryInstall,
    stop() {
      stopped = true;
      d.timers.clear(checkTimer);
      d.timers.clear(installTimer);
    },
  };
}

export type Updater = ReturnType<typeof createUpdater>;
