import type { Notification } from '../../common/src/api/entities.js';
import type { MethodInput, MethodOutput, Result, SamenApi, SamenMethod } from '../../common/src/ipc/contract.js';
import type { ClientMode } from '../../common/src/ipc/views.js';
import { CacheResetError, openCache } from './cache/openCache.js';
import { systemClock, type Clock } from './clock.js';
import { createHandlers } from './handlers.js';
import { createImageFetcher, type ImageBytes } from './images/imageFetcher.js';
import type { ImageSize, ImageUrl } from './images/imageUrl.js';
import { createDispatcher } from './ipc/dispatcher.js';
import { createEventHub } from './ipc/eventHub.js';
import type { Logger } from './log.js';
import { createHttpClient } from './net/httpClient.js';
import { createDeliveredOverlay } from './outbox/deliveredOverlay.js';
import { createOutboxDelivery } from './outbox/outboxDelivery.js';
import { openOutboxStore, type OutboxItem } from './outbox/outboxStore.js';
import { createWriteActions } from './outbox/writeActions.js';
import { createPersonalStore } from './personal/personalStore.js';
import { createSessionManager, type ActiveSession } from './session/sessionManager.js';
import { sessionState } from './session/sessionView.js';
import { createSyncEngine } from './sync/syncEngine.js';
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
}

export interface SamenCore {
  invoke<M extends SamenMethod>(method: M, input: NoInfer<MethodInput<M>>): Promise<Result<MethodOutput<M>>>;
  /** For the IPC wiring: anything a renderer sends; refused unless it matches the contract. */
  invoke(method: string, rawInput: unknown): Promise<Result<unknown>>;
  on: SamenApi['on'];
  /** Bytes behind the URLs made by `imageUrl`, for the shell to serve. */
  images: { fetch(id: string, size: ImageSize): Promise<Result<ImageBytes>> };
  /** Begins talking to the server (reachability now; sync once someone logs in). */
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
  const http = createHttpClient({ baseUrl: serverUrl, timeoutMs: tuning.requestTimeoutMs, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const events = createEventHub(log);
  const cache = openCache({ dataDir: deps.dataDir, log, clock });
  const outbox = openOutboxStore({ dataDir: deps.dataDir, log, clock });
  const personal = createPersonalStore();
  const delivered = createDeliveredOverlay();
  const status = createSyncStatus({ clock, lastSyncedAt: cache.read((c) => c.state.lastSyncedAt()), onChange: (s) => events.emit('sync.status', s) });
  const session = createSessionManager({ http, organisation: deps.organisation, log, onChange: sessionChanged });
  const images = createImageFetcher({ http, outbox, token: () => session.current()?.token ?? null, maxBytes: tuning.imageCacheBytes });

  const currentState = () => sessionState(mode, session.current(), cache.read((c) => c.directory.organisation()), imageUrl);
  const timelineChanged = (postIds?: string[]) => events.emit('timeline.changed', postIds ? { postIds } : {});
  const countPending = () => {
    const s = session.current();
    status.pendingWrites(s ? outbox.count(s.organisation.id, s.person.id) : 0);
  };
  const read = createReader({ cache, personal, outbox, delivered, session: () => session.current(), imageUrl });
  const findPost = (id: string) => read((scope) => scope.find(id)?.post ?? null);

  const delivery = createOutboxDelivery({
    store: outbox,
    http,
    session: () => {
      const s = session.current();
      return s ? { token: s.token, tenantId: s.organisation.id, personId: s.person.id } : null;
    },
    retry: tuning.outboxRetry,
    log,
    onDelivered(item) {
      delivered.add(item);
      countPending();
      timelineChanged([item.postId]);
    },
    onRejected(item, error) {
      countPending();
      events.emit('outbox.rejected', { kind: item.kind, code: error.code, message: error.message, preview: preview(item) });
      timelineChanged([item.postId]);
    },
    onUnauthorized: (s) => session.expire(s.token),
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

  const handlers = createHandlers({ http, cache, personal, read, session, sessionState: currentState, actions, sync, status, imageUrl });
  const invoke = createDispatcher(handlers, log);

  cache.onReset(() => {
    status.resetLastSynced(null);
    timelineChanged();
    void sync.syncNow();
  });

  function preview(item: OutboxItem): string {
    const text = item.kind === 'post' || item.kind === 'comment' ? item.payload.body : (findPost(item.postId)?.body ?? '');
    return text.slice(0, PREVIEW_LENGTH);
  }

  async function notify(n: Notification) {
    const s = session.current();
    if (!s) return;
    let actorName = cache.read((c) => c.directory.person(n.actorId)?.name ?? null);
    if (actorName === null) {
      const answer = await http.call('getPerson', { token: s.token, params: { id: n.actorId } });
      actorName = answer.ok ? answer.value.name : '';
    }
    if (session.current() === s) events.emit('notification', { kind: n.kind, actorName, postId: n.postId });
  }

  function sessionChanged(now: ActiveSession | null) {
    personal.wipe();
    delivered.wipe();
    images.clear();
    if (now) {
      const org = now.organisation;
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
      sync.startSession(now.token);
      delivery.kick();
    } else {
      sync.endSession();
    }
    countPending();
    events.emit('session.changed', currentState());
    timelineChanged();
  }

  let stopped = false;
  return {
    invoke: invoke as SamenCore['invoke'],
    on: events.on,
    images: { fetch: images.fetch },
    start: () => sync.start(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.all([sync.stop(), delivery.stop()]);
      personal.wipe();
      delivered.wipe();
      images.clear();
      cache.close();
      outbox.close();
    },
  };
}
