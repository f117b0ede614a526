import type { Notification } from '../../../common/src/api/entities.js';
import type { SharedDelta } from '../../../common/src/api/events.js';
import type { SyncStatus } from '../../../common/src/ipc/views.js';
import { CacheResetError, type Cache } from '../cache/openCache.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { readEventStream } from '../realtime/eventStream.js';
import type { HttpClient } from '../net/httpClient.js';
import type { PersonalStore } from '../personal/personalStore.js';
import { backoffDelay, type BackoffPolicy } from './backoff.js';
import { personalSink, sharedSink, type ChangedPosts, type SharedPageApplied } from './feedSinks.js';
import { pullFeed } from './pullFeed.js';
import type { SyncStatusTracker } from './syncStatus.js';

export interface SyncTuning {
  /** Changes per /v1/sync page. */
  pageSize: number;
  /** How often to catch up while the event stream is down (and to check the server while logged out). */
  catchUpIntervalMs: number;
  /** Back-off after a failed catch-up or a dropped event stream. */
  retry: BackoffPolicy;
  /** An event stream silent for this long is taken for dead (the server sends heartbeats). */
  idleTimeoutMs: number;
}

/** The part of the outbox that sync drives: delivered writes stay visible until a sync brings them. */
export interface OutboxHooks {
  deliveryMarker(): number;
  settleDelivered(marker: number): void;
  kick(): void;
}

export interface SyncEngineDeps {
  http: HttpClient;
  cache: Cache;
  personal: PersonalStore;
  status: SyncStatusTracker;
  outbox: OutboxHooks;
  clock: Clock;
  log: Logger;
  tuning: SyncTuning;
  onPostsChanged: ChangedPosts;
  /** Each applied page of the shared feed, for what follows the cache besides the timeline (search, the knowledge base). */
  onSharedPage?: SharedPageApplied;
  onNotification(n: Notification): void;
  /** The server no longer accepts the session token. */
  onSessionEnded(): void;
}

/**
 * Whose feed to follow: a person's session (shared and personal parts; `token` is her session), or
 * an enrolled device with nobody logged in (`token` null: the device token the HTTP client adds is the
 * only credential, and only the shared part is synced).
 */
export interface FeedCredentials {
  token: string | null;
  personal: boolean;
}

export interface SyncEngine {
  /**
   * Follows a feed: a catch-up now, then live updates from the event stream. Null: nobody to sync
   * for (a logged-out workstation, an unlinked device); the engine only checks whether the server is
   * reachable. Following what is already followed changes nothing.
   */
  follow(credentials: FeedCredentials | null): void;
  /**
   * Ends the feed followed now at once: its pulls and its event stream are aborted, and a page still
   * on its way is dropped when it arrives. Nothing is followed until the next `follow`.
   */
  endFeed(): void;
  /** Catches up now (or checks the server when there is no feed to follow) and answers the status after it. */
  syncNow(): Promise<SyncStatus>;
  /** Begins checking the server while logged out. */
  start(): void;
  /** Stops everything and waits until no page is being applied. */
  stop(): Promise<void>;
}

interface Live {
  token: string | null;
  personal: boolean;
  abort: AbortController;
  streamUp: boolean;
  /** The server ended the stream for a newer one of the same person or device. */
  replaced: boolean;
  lastEventId: string | null;
  /**
   * The personal part may have changed since it was last pulled. The stream says so per `seq`
   * (`personal`); without a stream, or from a server that does not say, it is always assumed.
   */
  personalDue: boolean;
  loop: Promise<void>;
}

/**
 * Keeps the cache and the personal store up to date: a first sync in pages, then a delta sync each
 * time the event stream announces a newer seq; while the stream is down, a catch-up every
 * `catchUpIntervalMs`; after failures, back-off with jitter.
 */
export function createSyncEngine(d: SyncEngineDeps): SyncEngine {
  const shared = sharedSink(d.cache, d.clock, d.onPostsChanged, d.onSharedPage ?? (() => undefined));
  const personal = personalSink(d.personal, d.onPostsChanged);
  let running = false;
  let live: Live | null = null;
  let probeAbort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let current: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  /** Delivered writes before this marker have been brought by a pull. */
  let settledMarker = 0;

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void refresh();
    }, ms);
    timer.unref?.();
  };
  const retryLater = () => schedule(backoffDelay(failures++, d.tuning.retry));

  /** One refresh at a time; a request during a refresh runs once more after it. */
  function refresh(): Promise<void> {
    if (!running) return Promise.resolve();
    if (!current) {
      current = (live ? catchUp(live) : probe()).finally(() => {
        current = null;
      });
      return current;
    }
    queued ??= current.then(() => {
      queued = null;
      return refresh();
    });
    return queued;
  }

  async function catchUp(session: Live): Promise<void> {
    const marker = d.outbox.deliveryMarker();
    d.status.syncing();
    const o = { token: session.token, pageSize: d.tuning.pageSize, signal: session.abort.signal };
    try {
      // Shared first: it brings the people directory, so private posts never show without their authors.
      const everyone = await pullFeed(d.http, { ...o, scope: 'shared' }, shared);
      const wantPersonal = session.personal && (session.personalDue || !session.streamUp);
      // Cleared before the pull: a `seq` that arrives meanwhile marks it due again for the next round.
      if (wantPersonal) session.personalDue = false;
      const result = everyone.ok && wantPersonal ? await pullFeed(d.http, { ...o, scope: 'personal' }, personal) : everyone;
      if (wantPersonal && !result.ok) session.personalDue = true;
      if (session !== live) return;
      if (result.ok) {
        failures = 0;
        d.status.reachable(d.cache.read((c) => c.state.lastSyncedAt()));
        d.outbox.settleDelivered(marker);
        settledMarker = Math.max(settledMarker, marker);
        d.outbox.kick();
        if (!session.streamUp) schedule(d.tuning.catchUpIntervalMs);
        return;
      }
      if (result.error.code === 'not_logged_in' && session.token) return d.onSessionEnded();
      // The HTTP client has told the device link; it stops this feed.
      if (result.error.code === 'device_unlinked') return;
      d.log.warn('sync failed', { code: result.error.code, status: result.error.status });
      d.status.unreachable();
      retryLater();
    } catch (err) {
      if (session !== live) return;
      if (err instanceof CacheResetError) {
        d.status.resetLastSynced(null);
        return schedule(0);
      }
      d.log.error('sync failed unexpectedly', { reason: err instanceof Error ? err.message : String(err) });
      d.status.unreachable();
      retryLater();
    }
  }

  /**
   * The shared changes a `seq` event carries, applied as a pull's page would be, when they start at or
   * before the cursor and go beyond it. Only while no pull is under way: a page that left before
   * these changes were made could otherwise land after them. Writes of hers still shown as sent
   * stay until a pull has brought them (it settles them), so one is made while any are.
   */
  function takeShared(session: Live, delta: SharedDelta) {
    if (session !== live || current || queued) return;
    const cursor = shared.cursor();
    if (delta.since > cursor || delta.next <= cursor) return;
    try {
      shared.apply(
        delta.changes.filter((c) => c.seq > cursor),
        delta.next,
        true,
      );
    } catch (err) {
      if (err instanceof CacheResetError) return;
      d.log.error('shared changes from the event stream not applied', { reason: err instanceof Error ? err.message : String(err) });
      return;
    }
    d.status.reachable(d.cache.read((c) => c.state.lastSyncedAt()));
    if (d.outbox.deliveryMarker() > settledMarker) void refresh();
  }

  async function probe(): Promise<void> {
    const answer = await d.http.call('health', { signal: probeAbort.signal });
    if (live || !running) return;
    if (answer.ok) {
      failures = 0;
      d.status.reachable(null);
      schedule(d.tuning.catchUpIntervalMs);
    } else {
      d.status.unreachable();
      retryLater();
    }
  }

  async function listen(session: Live): Promise<void> {
    let attempt = 0;
    while (!session.abort.signal.aborted) {
      const ended = await readEventStream(
        d.http,
        { token: session.token, lastEventId: session.lastEventId, signal: session.abort.signal, idleTimeoutMs: d.tuning.idleTimeoutMs },
        {
          onOpen: () => {
            attempt = 0;
            session.streamUp = true;
            // The stream announces the newest seq at once; timed catch-ups are not needed while it runs.
            if (timer) clearTimeout(timer);
            timer = null;
          },
          onEventId: (id) => {
            session.lastEventId = id;
          },
          onEvent: (event) => {
            if (event.type === 'session-ended') return d.onSessionEnded();
            if (event.type === 'stream-replaced') {
              session.replaced = true;
              return;
            }
            if (event.type === 'notification') d.onNotification(event.data.notification);
            if (event.type === 'notification' || event.data.personal !== false) session.personalDue = true;
            if (event.type === 'seq' && event.data.shared) takeShared(session, event.data.shared);
            const sharedCursor = d.cache.read((c) => c.state.cursor());
            const personalBehind = session.personal && session.personalDue && event.data.seq > d.personal.cursor();
            if (event.data.seq > sharedCursor || personalBehind) void refresh();
          },
        },
      );
      const wasUp = session.streamUp;
      session.streamUp = false;
      if (session.abort.signal.aborted) return;
      if (ended.ended === 'failed' && ended.error.code === 'not_logged_in' && session.token) return d.onSessionEnded();
      if (ended.ended === 'failed' && ended.error.code === 'device_unlinked') return;
      if (session.replaced) {
        // Another window or PC of the same person or device took this stream's place; reconnecting
        // would push that one out in turn. Timed catch-ups keep this feed current instead, until it
        // is followed anew (a login or a logout opens a stream again).
        d.log.info('event stream replaced by a newer one; catching up on a timer');
        void refresh();
        return;
      }
      // A stream that just dropped: find out now whether the server is gone; the catch-up then
      // repeats on the interval (or backs off) until the stream is back.
      if (wasUp) void refresh();
      await sleep(backoffDelay(attempt++, d.tuning.retry), session.abort.signal);
    }
  }

  function endLive() {
    if (!live) return;
    live.abort.abort();
    live = null;
  }

  let wanted: FeedCredentials | null = null;
  /** `endFeed` left the engine following nothing, not even the reachability check. */
  let ended = false;

  /** Makes the live feed match `wanted`; `first` when the engine has just started. */
  function apply(first: boolean) {
    const same = wanted ? live !== null && live.token === wanted.token && live.personal === wanted.personal : live === null;
    if (same && !first && !ended) return;
    ended = false;
    endLive();
    failures = 0;
    if (!wanted) {
      probeAbort = new AbortController();
      void refresh();
      return;
    }
    probeAbort.abort();
    const abort = new AbortController();
    const session: Live = { ...wanted, abort, streamUp: false, replaced: false, lastEventId: null, personalDue: true, loop: Promise.resolve() };
    live = session;
    session.loop = listen(session);
    void refresh();
  }

  // A damaged cache file was rebuilt empty: its last sync time is gone, and everything comes again.
  d.cache.onReset(() => {
    d.status.resetLastSynced(null);
    d.onPostsChanged(null);
    void refresh();
  });

  return {
    follow(credentials) {
      wanted = credentials;
      if (running) apply(false);
    },
    endFeed() {
      endLive();
      probeAbort.abort();
      if (timer) clearTimeout(timer);
      timer = null;
      ended = true;
    },
    async syncNow() {
      await refresh();
      return d.status.get();
    },
    start() {
      running = true;
      apply(true);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      const loop = live?.loop;
      endLive();
      probeAbort.abort();
      await Promise.allSettled([current, queued, loop]);
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
