import { createReviewHandlers } from './reviews/reviewHandlers.js';
import { DEFAULT_BADGE_READER, type BadgeReaderSettings } from '../../common/src/badge/readerSettings.js';
import type { MethodInput, MethodOutput, Result, SamenApi, SamenMethod } from '../../common/src/ipc/contract.js';
import type { ClientMode } from '../../common/src/ipc/views.js';
import { openCache } from './cache/openCache.js';
import { systemClock, type Clock } from './clock.js';
import { createDeviceEnrolment } from './devices/deviceEnrolment.js';
import { createDeviceLink } from './devices/deviceLink.js';
import { organisationBinding } from './devices/organisationBinding.js';
import { memorySecretStore, type SecretStore } from './devices/secretStore.js';
import { createGroupActions } from './groups/groupActions.js';
import { findGroupView, groupViewContext } from './groups/groupView.js';
import { createVisitLog } from './groups/visitLog.js';
import { createVisitSender } from './groups/visitSender.js';
import { createHandlers } from './handlers.js';
import { createScheduling } from './scheduling/schedulingHandlers.js';
import { createKbEditor } from './kb/kbEditor.js';
import { createKbReader } from './kb/kbReader.js';
import { createKioskFeed } from './kiosk/kioskFeed.js';
import { createKioskHandlers } from './kiosk/kioskHandlers.js';
import { createCelebrationHandlers } from './celebrations/celebrationHandlers.js';
import { createAmbassadorHandlers } from './ambassadors/ambassadorHandlers.js';
import { createHrImportHandlers } from './celebrations/hrImportHandlers.js';
import { createImageFetcher, type ImageBytes } from './images/imageFetcher.js';
import type { ImageSize, ImageUrl } from './images/imageUrl.js';
import { createVideoFetcher, type VideoAnswer } from './videos/videoFetcher.js';
import { createDispatcher } from './ipc/dispatcher.js';
import { createEventHub } from './ipc/eventHub.js';
import type { Logger } from './log.js';
import { createHttpClient } from './net/httpClient.js';
import { actorNameLookup } from './notify/actorName.js';
import { createNoticeCenter, type NoticeCenter } from './notify/noticeCenter.js';
import { createNoticeSettingsStore } from './notify/noticeSettingsStore.js';
import { createNotifier } from './notify/notifier.js';
import { createOutbox } from './outbox/outbox.js';
import { createPersonalStore, type PersonalStore } from './personal/personalStore.js';
import { createPollMemory } from './polls/pollMemory.js';
import { createPollRefresher } from './polls/pollRefresher.js';
import type { IdleSource, Timers } from './session/idleTimer.js';
import { createSessionOrchestrator } from './session/sessionOrchestrator.js';
import { createClientIndex } from './search/clientIndex.js';
import { createServerSearch } from './search/serverSearch.js';
import { createStatsRecorder } from './stats/statsRecorder.js';
import { createSyncEngine } from './sync/syncEngine.js';
import { createSyncStatus } from './sync/syncStatus.js';
import { createReader } from './timeline/reader.js';
import { createReadConfirmations } from './readConfirmations/readConfirmations.js';
import { createReadConfirmationHandlers } from './readConfirmations/readConfirmationHandlers.js';
import { createReadStateStore, readStateKey } from './readConfirmations/readStateStore.js';
import { createViewBatcher } from './postViews/viewBatcher.js';
import { createViewCounts } from './postViews/viewCounts.js';
import { systemTimers } from './session/idleTimer.js';
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
  /** How a shared or kiosk device's badge reader types (machine-wide config `badgeReader`). */
  badgeReader?: BadgeReaderSettings;
  /** Timers of the idle lock; tests drive them by hand. */
  timers?: Timers;
  /** The operating system's idle time (Electron's powerMonitor), the authority for the idle lock where it answers. */
  idleSource?: IdleSource;
  /** The in-memory store of the logged-in person's private content; tests pass their own to look inside. */
  personal?: PersonalStore;
  /** The app's version, which a kiosk reports at its heartbeat. */
  appVersion?: string;
}

export interface SamenCore {
  invoke<M extends SamenMethod>(method: M, input: NoInfer<MethodInput<M>>): Promise<Result<MethodOutput<M>>>;
  /** For the IPC wiring: anything a renderer sends; refused unless it matches the contract. */
  invoke(method: string, rawInput: unknown): Promise<Result<unknown>>;
  on: SamenApi['on'];
  /** Bytes behind the URLs made by `imageUrl`, for the shell to serve. */
  images: { fetch(id: string, size: ImageSize): Promise<Result<ImageBytes>> };
  /** A video (passing on the renderer's Range header) and its poster, behind the URLs of `videoUrls`. */
  videos: { video(id: string, range: string | undefined): Promise<Result<VideoAnswer>>; poster(id: string): Promise<Result<ImageBytes>> };
  /** Begins talking to the server: enrolment with `enrolmentCode` if needed, then sync. */
  start(): void;
  /** Stops all network activity, forgets personal data and closes the files. */
  stop(): Promise<void>;
  /** For the shell's tray and operating-system notifications (a workstation's). */
  notices: Pick<NoticeCenter, 'onDesktop' | 'onTray' | 'trayState' | 'seen' | 'settings' | 'setSettings'>;
  /** For the shell's updater, which installs only with nobody logged in. */
  presence: { someoneLoggedIn(): boolean; onChange(listener: () => void): () => void };
}

/** The main process's logic behind window.samen: its capabilities, built and connected. */
export function createSamenCore(deps: SamenCoreDeps): SamenCore {
  const { log, imageUrl, mode, organisation } = deps;
  const clock = deps.clock ?? systemClock;
  const tuning = { ...defaultTuning, ...deps.tuning };
  const serverUrl = deps.serverUrl.replace(/\/+$/, '');
  if (mode !== 'workstation' && !deps.secrets) log.warn('no secret store: the device token is kept in memory only', { mode });
  const secrets = deps.secrets ?? memorySecretStore();
  const link = createDeviceLink({ mode, serverUrl, secrets, log });
  const net = { baseUrl: serverUrl, timeoutMs: tuning.requestTimeoutMs, ...(deps.fetch ? { fetch: deps.fetch } : {}) };
  const http = createHttpClient({ ...net, deviceToken: link.token, onDeviceUnlinked: (sent) => devices.revoked(sent) });
  const events = createEventHub(log);
  const cache = openCache({ dataDir: deps.dataDir, log, clock });
  const personal = deps.personal ?? createPersonalStore();
  const status = createSyncStatus({
    clock,
    lastSyncedAt: cache.read((c) => c.state.lastSyncedAt()),
    onChange(s) {
      events.emit('sync.status', s);
      sessions.statusChanged(s);
    },
  });
  const searchIndex = createClientIndex(cache);
  cache.onReset(searchIndex.invalidate);
  const adoptOrganisation = organisationBinding({
    cache, serverUrl, log,
    cleared: () => {
      status.resetLastSynced(null);
      searchIndex.invalidate();
    },
  });
  const current = () => sessions.current();
  const pollMemory = createPollMemory();
  const presenceListeners = new Set<() => void>();
  const outbox = createOutbox({
    dataDir: deps.dataDir, secrets, http, clock, log, tuning, events, status, session: current,
    findPost: (id) => read((scope) => scope.find(id)?.post ?? null),
    scheduledKnown: (id) => scheduling.known(id),
    groupKnown: (id) => read((scope, parts) => parts.directory.group(id) !== null || scope.personal.group(id) !== null),
    groupStanding: (id) => {
      const me = current()?.person.id;
      return me ? read((scope, parts) => findGroupView(groupViewContext(scope, parts, me, imageUrl), id)) : null;
    },
    pageKnown: (id) => cache.read((c) => c.kb.page(id) !== null),
    pollStanding: (id) => read((scope) => scope.poll(id)),
    onUnauthorized: (token) => sessions.expire(token),
    onDelivered: (item) => polls.delivered(item),
    onRejected: (item) => reads.rejected(item),
  });
  const viewCounts = createViewCounts();
  const read = createReader({
    cache, personal, outbox: outbox.store, delivered: outbox.delivered, session: current, imageUrl, polls: pollMemory, clock,
    extras: (sources) => ({ myRead: reads.myReadFor(sources), viewCount: viewCounts.of }),
  });
  const polls = createPollRefresher({
    http, memory: pollMemory, session: current, log,
    standing: (id) =>
      read((scope, parts) => {
        const stored = parts.polls.poll(id) ?? scope.personal.poll(id);
        const view = stored && scope.poll(id);
        return stored && view ? { feedHasCounts: stored.options.every((o) => o.votes !== null), view } : null;
      }),
    changed: (pollIds) => events.emit('timeline.changed', { postIds: pollIds }),
  });
  const reads = createReadConfirmations({
    cache, personal, outbox: outbox.store, delivered: outbox.delivered, clock, session: current,
    states: createReadStateStore(readStateKey(secrets)),
    findPost: (id) => read((scope) => scope.find(id)?.post ?? null),
    changed: (postId) => outbox.changed([postId], true),
  });
  const views = createViewBatcher({
    http, timers: deps.timers ?? systemTimers, session: current,
    onCounts(counts) {
      viewCounts.heard(counts);
      events.emit('timeline.changed', { postIds: counts.map((c) => c.postId) });
    },
  });
  const scheduling = createScheduling({ http, read, session: current });
  const images = createImageFetcher({ http, outbox: outbox.store, token: () => current()?.token ?? null, enrolled: () => link.state().kind === 'linked', maxBytes: tuning.imageCacheBytes });
  const videos = createVideoFetcher({ http, outbox: outbox.store, token: () => current()?.token ?? null, enrolled: () => link.state().kind === 'linked' });
  const actorName = actorNameLookup({ http, directoryName: (id) => cache.read((c) => c.directory.person(id)?.name ?? null) });
  const notices = createNoticeCenter({
    mode, clock, timers: deps.timers,
    settings: createNoticeSettingsStore({ dataDir: deps.dataDir, log }),
    personId: () => current()?.person.id ?? null,
    onScreen: (notice) => events.emit('notification', notice),
  });
  const notify = createNotifier({ session: current, actorName, tell: notices.tell });
  const sync = createSyncEngine({
    http, cache, personal, status, clock, log, tuning,
    outbox: { deliveryMarker: outbox.delivered.marker, settleDelivered: outbox.delivered.settle, kick: outbox.kick },
    onPostsChanged(postIds) {
      if (postIds) polls.feedChanged(postIds);
      reads.reconcile();
      events.emit('timeline.changed', postIds ? { postIds } : {});
      // Too much to list is how memberships and groups changing are told.
      if (!postIds) events.emit('groups.changed', {});
    },
    onSharedPage(page, fromStart) {
      kioskFeed?.contentChanged();
      if (fromStart) searchIndex.invalidate();
      else searchIndex.changed(page);
      if (page.kbChanged) events.emit('kb.changed', {});
    },
    onNotification: (n) => void notify(n),
    onSessionEnded: () => sessions.endedByServer(),
  });
  const sessions = createSessionOrchestrator({
    mode, organisation, idleSeconds: deps.idleSeconds, badgeReader: deps.badgeReader ?? DEFAULT_BADGE_READER, timers: deps.timers, idleSource: deps.idleSource, http, clock, log, tuning, imageUrl,
    device: link, events, cache, sync, status, adoptOrganisation,
    forget: [personal.wipe, outbox.delivered.wipe, pollMemory.wipe, images.clear, videos.clear, scheduling.wipe, () => visits.sessionEnded(), () => views.sessionEnded()],
    afterChange(now) {
      stats.sessionChanged(now);
      notices.sessionChanged();
      outbox.sessionChanged(now);
      for (const listener of presenceListeners) listener();
    },
  });
  const devices = createDeviceEnrolment({ link, http, organisation, log, adoptOrganisation, sessions, sync, cache, status, kick: outbox.kick });
  const visits = createVisitSender({ http, log: createVisitLog(clock), session: current });
  const stats = createStatsRecorder({ http, clock, flushEveryMs: tuning.statsFlushMs });
  const groups = createGroupActions({ http, session: current, refresh: () => sync.syncNow(), directory: (work) => cache.read((c) => work(c.directory)), imageUrl });
  const kbRead = createKbReader({ cache, personal, outbox: outbox.store, delivered: outbox.delivered, session: current });
  const kbEditor = createKbEditor({ http, session: current, read: kbRead, catchUp: () => sync.syncNow() });
  const serverSearch = createServerSearch({ http, session: current, synonymsKnown: searchIndex.setSynonyms });
  const kioskFeed =
    mode === 'kiosk'
      ? createKioskFeed({
          http, cache, clock, log, imageUrl,
          timers: deps.timers ?? systemTimers,
          version: deps.appVersion ?? '0.0.0-dev',
          linked: () => link.state().kind === 'linked',
          changed: () => events.emit('kiosk.changed', {}),
        })
      : null;
  const kiosk = createKioskHandlers({ http, cache, clock, imageUrl, feed: kioskFeed, session: current });
  const invoke = createDispatcher(
    createHandlers({ http, clock, cache, read, sessions, devices, outbox, sync, status, imageUrl, notices, kb: { read: kbRead, editor: kbEditor }, search: { index: searchIndex, server: serverSearch }, groups, visits, stats, kiosk, scheduling: scheduling.handlers, polls: { clock, memory: pollMemory },
      readConfirmations: createReadConfirmationHandlers({ reads, views, read, http, cache, clock, session: current, timers: deps.timers ?? systemTimers }),
      reviews: createReviewHandlers({ http, read, clock, outbox: outbox.store, changed: (id) => outbox.changed([id], true), session: current, catchUp: () => sync.syncNow() }),
      celebrations: createCelebrationHandlers({ http, clock, outbox: outbox.store, kick: outbox.kick, session: current }),
      hrImport: createHrImportHandlers({ http, session: current }),
      ambassadors: createAmbassadorHandlers({ http, clock, read, imageUrl, outbox: outbox.store, kick: outbox.kick, session: current }) }),
    log,
  );

  let started = false;
  let stopped = false;
  return {
    invoke: invoke as SamenCore['invoke'],
    on: events.on,
    images: { fetch: images.fetch },
    videos: { video: videos.video, poster: videos.poster },
    notices: { onDesktop: notices.onDesktop, onTray: notices.onTray, trayState: notices.trayState, seen: notices.seen, settings: notices.settings, setSettings: notices.setSettings },
    presence: {
      someoneLoggedIn: () => current() !== null,
      onChange(listener) {
        presenceListeners.add(listener);
        return () => void presenceListeners.delete(listener);
      },
    },
    start() {
      if (started || stopped) return;
      started = true;
      outbox.start();
      sync.follow(sessions.feed());
      sync.start();
      devices.start(deps.enrolmentCode);
      kioskFeed?.start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      kioskFeed?.stop();
      sessions.stop();
      stats.stop();
      await Promise.all([sync.stop(), outbox.stop()]);
      sessions.forgetAll();
      cache.close();
      outbox.close();
    },
  };
}
