import type { Notification, Organisation } from '../../common/src/api/entities.js';
import type { MethodInput, MethodOutput, Result, SamenApi, SamenMethod } from '../../common/src/ipc/contract.js';
import type { ClientMode, SessionState } from '../../common/src/ipc/views.js';
import { CacheResetError, openCache } from './cache/openCache.js';
import { systemClock, type Clock } from './clock.js';
import { createDeviceLink } from './devices/deviceLink.js';
import { memorySecretStore, type SecretStore } from './devices/secretStore.js';
import { createHandlers, type SessionOps } from './handlers.js';
import { createImageFetcher, type ImageBytes } from './images/imageFetcher.js';
import type { ImageSize, ImageUrl } from './images/imageUrl.js';
import { createDispatcher } from './ipc/dispatcher.js';
import { createEventHub } from './ipc/eventHub.js';
import type { Logger } from './log.js';
import { createHttpClient } from './net/httpClient.js';
import { createDeliveredOverlay } from './outbox/deliveredOverlay.js';
import { createExpiredWrites } from './outbox/expiredWrites.js';
import { createOutboxDelivery } from './outbox/outboxDelivery.js';
import { openOutboxStore, type OutboxItem } from './outbox/outboxStore.js';
import { createStrandedWrites } from './outbox/strandedWrites.js';
import { createWriteActions } from './outbox/writeActions.js';
import { createPersonalStore } from './personal/personalStore.js';
import { fail, failWith, ok } from './result.js';
import { createIdleTimer, type Timers } from './session/idleTimer.js';
import { createQuickLogin } from './session/quickLogin.js';
import { createRevocations } from './session/revocations.js';
import { createSessionManager, type ActiveSession, type SessionChange } from './session/sessionManager.js';
import { idleSecondsFor, sessionState } from './session/sessionView.js';
import { createSyncEngine, type FeedCredentials } from './sync/syncEngine.js';
import { createSyncStatus } from './sync/syncStatus.js';
import { createReader } from './timeline/reader.js';
import { defaultTuning, type CoreTuning } from './tuning.js';

export interface SamenCoreDeps {
  /** The app's data folder: the cache and the outbox live here. */
  dataDir: string;
  serverUrl: string;
  /** Organisation slug, when the server hosts more than one. */
  organisation?: string;
  mode: ClientMode;
  clock?: Clock;
  log: Logger;
  imageUrl: ImageUrl;
  fetch?: typeof fetch;
  tuning?: Partial<CoreTuning>;
  /**
   * Where a shared or kiosk device keeps its device token: safeStorage in Electron, a file in the data
   * folder in the browser shell (`fileSecretStore`). Without one the token lives in memory only and the
   * device must be enrolled again after every start.
   */
  secrets?: SecretStore;
  /** A one-time enrolment code, exchanged at start when no device token is stored (`npm start` with its demo server). */
  enrolmentCode?: string;
  /** Seconds without input before a session locks, instead of the organisation's setting (`--idle-seconds`). */
  idleSeconds?: number;
  /** Timers of the idle lock; tests drive them by hand. */
  timers?: Timers;
}

export interface SamenCore {
  invoke<M extends SamenMethod>(method: M, input: NoInfer<MethodInput<M>>): Promise<Result<MethodOutput<M>>>;
  /** For the IPC wiring: anything a renderer sends; refused unless it matches the contract. */
  invoke(method: string, rawInput: unknown): Promise<Result<unknown>>;
  on: SamenApi['on'];
  /** Bytes behind the URLs made by `imageUrl`, for the shell to serve. */
  images: { fetch(id: string, size: ImageSize): Promise<Result<ImageBytes>> };
  /** Begins talking to the server: enrolment with `enrolmentCode` if needed, then sync. */
  start(): void;
  /** Stops all network activity, forgets personal data and closes the files. */
  stop(): Promise<void>;
}

const PREVIEW_LENGTH = 80;

/** The main process's logic behind window.samen, built from its capabilities. */
export function createSamenCore(deps: SamenCoreDeps): SamenCore {
  const { log, imageUrl, mode } = deps;
  const clock = deps.clock ?? systemClock;
  const tuning = { ...defaultTuning, ...deps.tuning };
  const serverUrl = deps.serverUrl.replace(/\/+$/, '');
  if (mode !== 'workstation' && !deps.secrets) log.warn('no secret store: the device token is kept in memory only', { mode });
  const secrets = deps.secrets ?? memorySecretStore();
  const device = createDeviceLink({ mode, serverUrl, secrets, log });
  const http = createHttpClient({
    baseUrl: serverUrl,
    timeoutMs: tuning.requestTimeoutMs,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    deviceToken: device.token,
    onDeviceUnlinked: (sent) => deviceRevoked(sent),
  });
  const events = createEventHub(log);
  const cache = openCache({ dataDir: deps.dataDir, log, clock });
  const outbox = openOutboxStore({ dataDir: deps.dataDir, secrets, log, clock });
  const personal = createPersonalStore();
  const delivered = createDeliveredOverlay();
  let shownOnline = true;
  const status = createSyncStatus({
    clock,
    lastSyncedAt: cache.read((c) => c.state.lastSyncedAt()),
    onChange(s) {
      events.emit('sync.status', s);
      // Reachable until a request fails, and again once one succeeds; a retry in progress changes nothing.
      const online = s.offlineSince === null;
      if (online === shownOnline) return;
      shownOnline = online;
      if (online) void revocations.flush();
      // The lock screen says whether logging in is possible now.
      if (!session.current()) events.emit('session.changed', currentState());
    },
  });
  const revocations = createRevocations({ http, clock, log, timeoutMs: tuning.logoutTimeoutMs, retry: tuning.retry, onUnreachable: () => unreachable() });
  const session = createSessionManager({ http, organisation: deps.organisation, log, revocations, onChange: sessionChanged });
  const images = createImageFetcher({
    http,
    outbox,
    token: () => session.current()?.token ?? null,
    enrolled: () => device.state().kind === 'linked',
    maxBytes: tuning.imageCacheBytes,
  });
  const idle = createIdleTimer({
    clock,
    ...(deps.timers ? { timers: deps.timers } : {}),
    onWarning: (secondsLeft) => events.emit('session.idleWarning', { secondsLeft }),
    onIdle() {
      const timed = session.current();
      void sessionOp(async () => {
        // A switch may have come first: only the session that was idle is locked.
        if (timed && session.current() === timed) await session.end('idle');
      });
    },
  });

  const currentState = (): SessionState =>
    sessionState({
      mode,
      session: session.current(),
      cachedOrganisation: cache.read((c) => c.directory.organisation()),
      device: device.state(),
      online: status.get().offlineSince === null,
      idleSecondsOverride: deps.idleSeconds,
      imageUrl,
    });
  const feed = (): FeedCredentials | null => {
    const s = session.current();
    if (s) return { token: s.token, personal: true };
    return device.state().kind === 'linked' ? { token: null, personal: false } : null;
  };
  const timelineChanged = (postIds?: string[]) => events.emit('timeline.changed', postIds ? { postIds } : {});
  const countPending = () => {
    const s = session.current();
    status.pendingWrites(s ? outbox.count(s.organisation.id, s.person.id) : 0);
  };
  const isMine = (item: OutboxItem) => {
    const s = session.current();
    return s !== null && item.tenantId === s.organisation.id && item.personId === s.person.id;
  };
  const read = createReader({ cache, personal, outbox, delivered, session: () => session.current(), imageUrl });
  const findPost = (id: string) => read((scope) => scope.find(id)?.post ?? null);

  const delivery = createOutboxDelivery({
    store: outbox,
    http,
    clock,
    session: () => {
      const s = session.current();
      return s ? { token: s.token, tenantId: s.organisation.id, personId: s.person.id } : null;
    },
    retry: tuning.outboxRetry,
    log,
    onDelivered(item) {
      // Another person's write (sent with her grant) is not shown to whoever is here now.
      if (isMine(item)) delivered.add(item);
      countPending();
      timelineChanged([item.postId]);
    },
    onRejected(item, error) {
      countPending();
      events.emit('outbox.rejected', { kind: item.kind, code: error.code, message: error.message, preview: preview(item) });
      timelineChanged([item.postId]);
    },
    onUnauthorized: (s) => session.expire(s.token),
    onGrantRefused: () => countPending(),
  });

  const sync = createSyncEngine({
    http,
    cache,
    personal,
    status,
    clock,
    log,
    tuning,
    outbox: { deliveryMarker: delivered.marker, settleDelivered: delivered.settle, kick: delivery.kick },
    onPostsChanged: (postIds) => timelineChanged(postIds ?? undefined),
    onNotification: (n) => void notify(n),
    onSessionEnded: () => {
      const s = session.current();
      if (s) session.expire(s.token);
    },
  });

  const quick = createQuickLogin({
    http,
    session,
    clock,
    log,
    loginTimeoutMs: tuning.loginTimeoutMs,
    available() {
      const link = device.state();
      if (link.kind === 'workstation') return fail('invalid_input', 'badge and PIN login are for shared and kiosk devices');
      if (link.kind === 'unlinked') return fail('device_unlinked', 'this device is not enrolled');
      return ok(undefined);
    },
  });

  const actions = createWriteActions({
    store: outbox,
    clock,
    session: session.current,
    findPost,
    groupKnown: (id) => cache.read((c) => c.directory.group(id) !== null) || personal.group(id) !== null,
    inFlight: delivery.inFlight,
    changed(postId) {
      countPending();
      timelineChanged([postId]);
      delivery.kick();
    },
  });

  const stranded = createStrandedWrites({ store: outbox, clock, preview });
  const expired = createExpiredWrites({ store: outbox, clock, keepMs: tuning.expiredWritesKeptMs, log, onDropped: () => countPending() });

  /** A change of who is logged in, one at a time; afterwards sync follows whoever is (or the device). */
  const sessionOp = <T>(work: () => Promise<T>): Promise<T> =>
    session.exclusive(async () => {
      try {
        return await work();
      } finally {
        sync.follow(feed());
      }
    });
  const asState = async (work: () => Promise<Result<unknown>>): Promise<Result<SessionState>> => {
    const result = await sessionOp(work);
    if (!result.ok && result.error.code === 'offline') unreachable();
    return result.ok ? ok(currentState()) : failWith(result.error);
  };

  let startup: Promise<unknown> = Promise.resolve();
  const sessionOps: SessionOps = {
    state: async () => {
      await startup;
      return currentState();
    },
    loginPassword: (employeeNumber, password) => asState(() => session.loginPassword(employeeNumber, password)),
    logout: () => asState(async () => ok(await session.end('logout'))),
    lock: () => asState(async () => ok(await session.end('lock'))),
    badge: (codes, pin) => asState(() => quick.badge(codes, pin)),
    pin: (employeeNumber, pin, linkPendingBadge) => asState(() => quick.pin(employeeNumber, pin, linkPendingBadge)),
    activity: () => idle.activity(),
    enrol: (code) => asState(() => enrol(code)),
    stranded() {
      const s = session.current();
      return s ? ok(stranded.list(s)) : fail('not_logged_in', 'log in first');
    },
    resolveStranded(ids, action) {
      const s = session.current();
      if (!s) return fail('not_logged_in', 'log in first');
      const postIds = stranded.resolve(s, ids, action);
      countPending();
      if (postIds.length) timelineChanged(postIds);
      if (action === 'send') delivery.kick();
      return ok({ ok: true as const });
    },
  };

  const handlers = createHandlers({ http, cache, personal, read, session, sessionOps, actions, sync, status, imageUrl });
  const invoke = createDispatcher(handlers, log);

  cache.onReset(() => {
    status.resetLastSynced(null);
    timelineChanged();
    void sync.syncNow();
  });

  /** A request of a session change found no server: say so now, and let sync find out when it is back. */
  function unreachable() {
    if (status.get().offlineSince !== null) return;
    status.unreachable();
    void sync.syncNow();
  }

  function preview(item: OutboxItem): string {
    const text = item.kind === 'post' || item.kind === 'comment' ? item.payload.body : (findPost(item.postId)?.body ?? '');
    return text.slice(0, PREVIEW_LENGTH);
  }

  async function notify(n: Notification) {
    const s = session.current();
    // A kiosk tells nobody anything; elsewhere only the person logged in hears of her own notifications.
    // The desktop notice names a post; a page's review (review_due) has none and waits in the app.
    if (!s || mode === 'kiosk' || n.kind === 'review_due' || n.postId === null) return;
    let actorName = cache.read((c) => c.directory.person(n.actorId)?.name ?? null);
    if (actorName === null) {
      const answer = await http.call('getPerson', { token: s.token, params: { id: n.actorId } });
      actorName = answer.ok ? answer.value.name : '';
    }
    if (session.current() === s) events.emit('notification', { kind: n.kind, actorName, postId: n.postId });
  }

  /** The cache holds this organisation's content from now on (another organisation's is dropped). */
  function adoptOrganisation(org: Organisation) {
    try {
      const switched = cache.write((c) => {
        const cleared = c.state.bind({ serverUrl, tenantId: org.id });
        c.applier.putOrganisation(org);
        return cleared;
      });
      if (switched) {
        log.info('cache held another organisation; starting it afresh', { tenantId: org.id });
        status.resetLastSynced(null);
      }
    } catch (err) {
      if (!(err instanceof CacheResetError)) throw err;
    }
  }

  /** Everything of the person who was here is wiped from main first, whatever comes next. */
  function sessionChanged(now: ActiveSession | null, change: SessionChange) {
    personal.wipe();
    delivered.wipe();
    images.clear();
    quick.forgetPendingBadge();
    if (now) {
      adoptOrganisation(now.organisation);
      idle.start(idleSecondsFor(mode, now.organisation, deps.idleSeconds));
    } else {
      idle.stop();
      outbox.checkpoint();
    }
    expired.sweep();
    if (!change.switching) sync.follow(feed());
    delivery.kick();
    countPending();
    events.emit('session.changed', currentState());
    timelineChanged();
  }

  async function enrol(code: string): Promise<Result<unknown>> {
    const link = device.state();
    if (link.kind === 'workstation') return fail('invalid_input', 'a workstation is not enrolled');
    if (link.kind === 'linked') return fail('invalid_input', 'this device is enrolled already');
    const answer = await device.enrol(http, code, deps.organisation);
    if (!answer.ok) return failWith(answer.error);
    adoptOrganisation(answer.value.organisation);
    delivery.kick();
    events.emit('session.changed', currentState());
    timelineChanged();
    return ok(undefined);
  }

  /** The server refused the device token: the device forgets it, and everything it synced. */
  function deviceRevoked(sentToken: string) {
    if (!device.revoked(sentToken)) return;
    const s = session.current();
    // The server ended the device's sessions with it; nothing to revoke.
    if (s) session.expire(s.token);
    sync.follow(null);
    idle.stop();
    cache.wipe();
    status.resetLastSynced(null);
    events.emit('session.changed', currentState());
    timelineChanged();
  }

  /** At start, a linked device learns its organisation's current name, colours and settings. */
  async function checkDevice() {
    const answer = await http.call('deviceMe');
    if (!answer.ok) return;
    adoptOrganisation(answer.value.organisation);
    if (!session.current()) events.emit('session.changed', currentState());
  }

  let started = false;
  let stopped = false;
  return {
    invoke: invoke as SamenCore['invoke'],
    on: events.on,
    images: { fetch: images.fetch },
    start() {
      if (started || stopped) return;
      started = true;
      expired.sweep();
      sync.follow(feed());
      sync.start();
      const link = device.state();
      if (link.kind === 'linked') void checkDevice();
      else if (link.kind === 'unlinked' && deps.enrolmentCode) {
        const code = deps.enrolmentCode;
        startup = sessionOp(() => enrol(code)).then((result) => {
          if (!result.ok) log.warn('enrolment at start failed', { code: result.error.code });
        });
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      idle.stop();
      expired.stop();
      revocations.stop();
      await Promise.all([sync.stop(), delivery.stop()]);
      personal.wipe();
      delivered.wipe();
      images.clear();
      quick.forgetPendingBadge();
      cache.close();
      outbox.close();
    },
  };
}
