import type { Post } from '../../../common/src/api/entities.js';
import type { GroupView } from '../../../common/src/ipc/groupViews.js';
import type { PollViewModel } from '../../../common/src/ipc/pollViews.js';
import type { Clock } from '../clock.js';
import type { SecretStore } from '../devices/secretStore.js';
import type { createEventHub } from '../ipc/eventHub.js';
import type { Logger } from '../log.js';
import type { HttpClient } from '../net/httpClient.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { SyncStatusTracker } from '../sync/syncStatus.js';
import type { CoreTuning } from '../tuning.js';
import { createDeliveredOverlay } from './deliveredOverlay.js';
import { createExpiredWrites } from './expiredWrites.js';
import { createOutboxDelivery } from './outboxDelivery.js';
import { isGroupIntent, openOutboxStore, type OutboxItem } from './outboxStore.js';
import { createStrandedWrites } from './strandedWrites.js';
import { createWriteActions } from './writeActions.js';

const PREVIEW_LENGTH = 80;

export interface OutboxDeps {
  dataDir: string;
  secrets: SecretStore;
  http: HttpClient;
  clock: Clock;
  log: Logger;
  tuning: Pick<CoreTuning, 'outboxRetry' | 'expiredWritesKeptMs'>;
  events: Pick<ReturnType<typeof createEventHub>, 'emit'>;
  /** Where the number of her writes still waiting is shown. */
  status: SyncStatusTracker;
  session(): ActiveSession | null;
  /** A post as the person here sees it now (cache, private groups, her own writes). */
  findPost(id: string): Post | null;
  /** A post waiting for its time that she was shown in "Gepland". */
  scheduledKnown(id: string): { authorId: string } | null;
  groupKnown(id: string): boolean;
  /** The group as she sees it now (her waiting joins and leaves counted as done). */
  groupStanding(id: string): GroupView | null;
  /** A knowledge-base page this device knows (a favourite or feedback needs one). */
  pageKnown(id: string): boolean;
  /** A poll as she sees it now (a vote needs one that is open). */
  pollStanding(id: string): PollViewModel | null;
  /** The server refused this session token while delivering. */
  onUnauthorized(token: string): void;
  /** The server took an item (of whoever wrote it): for what follows a write besides the views. */
  onDelivered?(item: OutboxItem): void;
  /** The server refused a write for good (after it was shown as done): what remembered it can take it back. */
  onRejected?(item: OutboxItem): void;
}

/**
 * The outbox as the core uses it: the person's writes stored (sealed) on disk, shown at once and
 * delivered in the background as their author; confirmed writes shown until sync brings them back;
 * writes stranded when their grant was refused; writes dropped unsent after a week.
 */
export function createOutbox(d: OutboxDeps) {
  const { clock, log, events, session } = d;
  const store = openOutboxStore({ dataDir: d.dataDir, secrets: d.secrets, log, clock });
  const delivered = createDeliveredOverlay();
  const timelineChanged = (postIds: string[]) => events.emit('timeline.changed', { postIds });
  const isKbWrite = (item: OutboxItem) => item.kind === 'favourite' || item.kind === 'feedback';
  /** Joining or leaving changes the groups and which posts the home timeline has. */
  const groupsChanged = () => {
    events.emit('groups.changed', {});
    events.emit('timeline.changed', {});
  };
  /** The view an item shows in changed: the timeline's posts, the groups, or the knowledge base. */
  const shown = (item: OutboxItem) => {
    if (isKbWrite(item)) events.emit('kb.changed', {});
    else if (isGroupIntent(item.kind)) groupsChanged();
    else timelineChanged([item.postId]);
  };
  const countPending = () => {
    const s = session();
    d.status.pendingWrites(s ? store.count(s.organisation.id, s.person.id) : 0);
  };
  const isMine = (item: OutboxItem) => {
    const s = session();
    return s !== null && item.tenantId === s.organisation.id && item.personId === s.person.id;
  };
  const previewText = (item: OutboxItem): string => {
    switch (item.kind) {
      case 'post':
      case 'comment':
        return item.payload.body;
      case 'feedback':
        return item.payload.comment ?? '';
      case 'favourite':
        return '';
      case 'join':
      case 'request':
      case 'leave':
      case 'tourRestart':
      case 'ambassadorMark':
        return item.payload.name;
      case 'tourDone':
        return '';
      case 'poll':
        return item.payload.question;
      default:
        return d.findPost(item.postId)?.body ?? '';
    }
  };
  const preview = (item: OutboxItem) => previewText(item).slice(0, PREVIEW_LENGTH);

  const delivery = createOutboxDelivery({
    store,
    http: d.http,
    clock,
    session: () => {
      const s = session();
      return s ? { token: s.token, tenantId: s.organisation.id, personId: s.person.id } : null;
    },
    retry: d.tuning.outboxRetry,
    log,
    onDelivered(item) {
      // Another person's write (sent with her grant) is not shown to whoever is here now.
      if (isMine(item)) delivered.add(item);
      countPending();
      d.onDelivered?.(item);
      shown(item);
    },
    onRejected(item, error) {
      d.onRejected?.(item);
      countPending();
      events.emit('outbox.rejected', { kind: item.kind, code: error.code, message: error.message, preview: preview(item) });
      shown(item);
    },
    onUnauthorized: (s) => d.onUnauthorized(s.token),
    onGrantRefused: () => countPending(),
  });

  /** Writes of these posts were added, dropped or are to go now (`deliverNow`): the screen shows it. */
  function changed(postIds: string[], deliverNow: boolean) {
    countPending();
    if (postIds.length) timelineChanged(postIds);
    if (deliverNow) delivery.kick();
  }

  const actions = createWriteActions({
    store,
    clock,
    session,
    findPost: d.findPost,
    scheduledKnown: d.scheduledKnown,
    groupKnown: d.groupKnown,
    groupStanding: d.groupStanding,
    pageKnown: d.pageKnown,
    pollStanding: d.pollStanding,
    inFlight: delivery.inFlight,
    changed: (postId) => changed([postId], true),
    kbChanged: () => {
      countPending();
      events.emit('kb.changed', {});
      delivery.kick();
    },
    groupsChanged: () => {
      countPending();
      groupsChanged();
      delivery.kick();
    },
  });
  const stranded = createStrandedWrites({ store, clock, preview });
  const expired = createExpiredWrites({ store, clock, keepMs: d.tuning.expiredWritesKeptMs, log, onDropped: () => countPending() });

  return {
    store,
    delivered,
    actions,
    stranded,
    changed,
    kick: delivery.kick,
    /** Whoever is here now: writes of hers waiting for her go, the count is hers, and a file nobody uses is folded. */
    sessionChanged(now: ActiveSession | null) {
      if (!now) store.checkpoint();
      expired.sweep();
      delivery.kick();
      countPending();
    },
    start: () => expired.sweep(),
    async stop() {
      expired.stop();
      await delivery.stop();
    },
    close: () => store.close(),
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
