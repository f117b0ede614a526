import type { BadgeReaderSettings } from '../../../common/src/badge/readerSettings.js';
import type { Organisation } from '../../../common/src/api/entities.js';
import type { Result } from '../../../common/src/ipc/contract.js';
import type { ClientMode, SessionState, SyncStatus } from '../../../common/src/ipc/views.js';
import type { Cache } from '../cache/openCache.js';
import type { Clock } from '../clock.js';
import type { DeviceLink } from '../devices/deviceLink.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { createEventHub } from '../ipc/eventHub.js';
import type { Logger } from '../log.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, failWith, ok } from '../result.js';
import type { FeedCredentials, SyncEngine } from '../sync/syncEngine.js';
import type { SyncStatusTracker } from '../sync/syncStatus.js';
import type { CoreTuning } from '../tuning.js';
import { createIdleTimer, type IdleSource, type Timers } from './idleTimer.js';
import { createQuickLogin } from './quickLogin.js';
import { createRevocations } from './revocations.js';
import { createSessionManager, type ActiveSession, type SessionChange } from './sessionManager.js';
import { idleSecondsFor, sessionState } from './sessionView.js';

export interface SessionOrchestratorDeps {
  mode: ClientMode;
  /** Organisation slug, when the server hosts more than one. */
  organisation: string | undefined;
  /** Seconds without input before a session locks, instead of the organisation's setting. */
  idleSeconds: number | undefined;
  /** How this device's badge reader types; the renderer hears it with the session state. */
  badgeReader: BadgeReaderSettings;
  http: HttpClient;
  clock: Clock;
  log: Logger;
  timers?: Timers | undefined;
  idleSource?: IdleSource | undefined;
  tuning: Pick<CoreTuning, 'loginTimeoutMs' | 'logoutTimeoutMs' | 'retry'>;
  device: DeviceLink;
  events: Pick<ReturnType<typeof createEventHub>, 'emit'>;
  /** The organisation as last seen: the lock screen shows its name and colours. */
  cache: Pick<Cache, 'read'>;
  sync: Pick<SyncEngine, 'follow' | 'endFeed' | 'syncNow'>;
  status: SyncStatusTracker;
  imageUrl: ImageUrl;
  /** The cache holds this organisation's content from now on. */
  adoptOrganisation(org: Organisation): void;
  /** What the person at the screen leaves in main's memory: emptied at every change, before anything else. */
  forget: readonly (() => void)[];
  /** The rest of the core catches up with a change (her queued writes, the outbox file) before the screen hears of it. */
  afterChange(now: ActiveSession | null): void;
}

/**
 * Who is logged in here, and everything that follows from a change of it: the previous person's data
 * is forgotten and her feed ended at once, the idle lock times the new one, sync follows whoever is
 * here (or the device), and the screen is told. Changes run one at a time: two quick badge taps
 * cannot interleave. Password, badge and PIN logins, logout, lock and the idle lock all come here.
 */
export function createSessionOrchestrator(d: SessionOrchestratorDeps) {
  const { mode, device, events, sync, status } = d;
  const revocations = createRevocations({
    http: d.http,
    clock: d.clock,
    log: d.log,
    timeoutMs: d.tuning.logoutTimeoutMs,
    retry: d.tuning.retry,
    onUnreachable: () => unreachable(),
  });
  const session = createSessionManager({ http: d.http, organisation: d.organisation, log: d.log, revocations, onChange: changed });
  const quick = createQuickLogin({
    http: d.http,
    session,
    clock: d.clock,
    log: d.log,
    readerLayout: d.badgeReader.layout,
    loginTimeoutMs: d.tuning.loginTimeoutMs,
    available() {
      const link = device.state();
      if (link.kind === 'workstation') return fail('invalid_input', 'badge and PIN login are for shared and kiosk devices');
      if (link.kind === 'unlinked') return fail('device_unlinked', 'this device is not enrolled');
      return ok(undefined);
    },
  });
  const idle = createIdleTimer({
    clock: d.clock,
    ...(d.timers ? { timers: d.timers } : {}),
    ...(d.idleSource ? { idleSource: d.idleSource } : {}),
    onWarning: (secondsLeft) => events.emit('session.idleWarning', { secondsLeft }),
    onIdle() {
      const timed = session.current();
      void exclusive(async () => {
        // A switch may have come first: only the session that was idle is locked.
        if (timed && session.current() === timed) await session.end('idle');
      });
    },
  });
  const forget = [...d.forget, quick.forgetPendingBadge];
  let shownOnline = true;
  const forgetAll = () => forget.forEach((wipe) => wipe());

  const state = (): SessionState =>
    sessionState({
      mode,
      session: session.current(),
      cachedOrganisation: d.cache.read((c) => c.directory.organisation()),
      device: device.state(),
      online: status.get().offlineSince === null,
      idleSecondsOverride: d.idleSeconds,
      badgeReader: d.badgeReader,
      imageUrl: d.imageUrl,
    });

  /** Whose feed sync follows: the person logged in, else the enrolled device, else nobody. */
  const feed = (): FeedCredentials | null => {
    const s = session.current();
    if (s) return { token: s.token, personal: true };
    return device.state().kind === 'linked' ? { token: null, personal: false } : null;
  };

  /** The lock screen shows the organisation and whether logging in is possible: it hears when either changes. */
  function lockScreenChanged() {
    if (!session.current()) events.emit('session.changed', state());
  }

  /** Tells the screen who is here now; its timeline is to be read again. */
  function announce() {
    events.emit('session.changed', state());
    events.emit('timeline.changed', {});
  }

  /** Everything of the person who was here is wiped from main first, whatever comes next. */
  function changed(now: ActiveSession | null, change: SessionChange) {
    forgetAll();
    if (now) {
      d.adoptOrganisation(now.organisation);
      idle.start(idleSecondsFor(mode, now.organisation, d.idleSeconds));
    } else {
      idle.stop();
    }
    // Her feed ends with her session; in a switch the next person's login decides what comes after.
    if (change.switching) sync.endFeed();
    else sync.follow(feed());
    d.afterChange(now);
    announce();
  }

  /** A change of who is logged in (or of the device), one at a time; afterwards sync follows whoever is here. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> =>
    session.exclusive(async () => {
      try {
        return await work();
      } finally {
        sync.follow(feed());
      }
    });

  /** Runs a change and answers the session state after it (or why it did not happen). */
  async function run(work: () => Promise<Result<unknown>>): Promise<Result<SessionState>> {
    const result = await exclusive(work);
    if (!result.ok && result.error.code === 'offline') unreachable();
    return result.ok ? ok(state()) : failWith(result.error);
  }

  /** A request of a session change found no server: say so now, and let sync find out when it is back. */
  function unreachable() {
    if (status.get().offlineSince !== null) return;
    status.unreachable();
    void sync.syncNow();
  }

  return {
    current: session.current,
    state,
    feed,
    announce,
    run,
    exclusive,
    loginPassword: (employeeNumber: string, password: string) => run(() => session.loginPassword(employeeNumber, password)),
    logout: () => run(async () => ok(await session.end('logout'))),
    lock: () => run(async () => ok(await session.end('lock'))),
    badge: (codes: readonly string[], pin: string | undefined) => run(() => quick.badge(codes, pin)),
    pin: (employeeNumber: string, pin: string, linkPendingBadge: boolean) => run(() => quick.pin(employeeNumber, pin, linkPendingBadge)),
    activity: () => idle.activity(),
    /** The server refused this session token (sync, delivery): that session ends here, if it is still the one. */
    expire: (token: string) => session.expire(token),
    /** The server ended whatever session is here (the device was revoked, or it said session-ended). */
    endedByServer() {
      const s = session.current();
      if (s) session.expire(s.token);
    },
    /** Sync's view of the server changed: revokes that waited go once it is back, and the lock screen says whether logging in is possible. */
    statusChanged(s: SyncStatus) {
      // Reachable until a request fails, and again once one succeeds; a retry in progress changes nothing.
      const online = s.offlineSince === null;
      if (online === shownOnline) return;
      shownOnline = online;
      if (online) void revocations.flush();
      lockScreenChanged();
    },
    lockScreenChanged,
    /** At shutdown: no more timers or retries. */
    stop() {
      idle.stop();
      revocations.stop();
    },
    /** At shutdown, once sync has stopped: nothing of the person is left in memory. */
    forgetAll,
  };
}

export type SessionOrchestrator = ReturnType<typeof createSessionOrchestrator>;
