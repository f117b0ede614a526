import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.js';
import { listen, notify, type Listener } from '../db/pgNotify.js';
import type { Database } from '../db/schema.js';
import type { PreparedDelta, SharedDeltas } from './sharedDeltas.js';
import { slicedDelivery } from './slicedDelivery.js';

export interface Announcement {
  tenantId: string;
  /** Newest seq; -1 means "unknown, look it up" (after a lost LISTEN connection). */
  seq: number;
  /** People who received something for them alone (a mention, a reply, their own like) in this write. */
  personIds: string[];
  /**
   * Whether the write touched a private group, whose members must pull their personal part. Absent
   * in messages from nodes of an earlier version: then every stream assumes it did.
   */
  privateGroups?: boolean;
}

/** An announcement as this node's streams hear it: with the shared changes it brings, when they are few. */
export interface Announced extends Announcement {
  shared?: PreparedDelta;
}

/**
 * A stream's ear: announcements in order, usually one; several when they queued up while the ones
 * before them were on their way to ten thousand streams, so the stream writes them at once.
 */
export type AnnouncementListener = (announced: readonly Announced[]) => void;

/**
 * Tells this node's event streams that a tenant has a new seq, or that one of them has to end. On
 * PostgreSQL every message goes through NOTIFY, so all nodes behind the load balancer hear every
 * write; on SQLite (one node) it stays in the process.
 *
 * NOTIFY is sent after the write has committed, never inside it, and a node has at most one NOTIFY in
 * flight: messages that arrive meanwhile travel together in the next one. PostgreSQL serialises the
 * commits of transactions that notify (a global lock), so one NOTIFY per write would make every write
 * of every node queue behind that lock; batched, the NOTIFYs per second stay near one per round trip
 * per node however fast the writes come (bench/server/writeThroughputBench.ts measures both).
 */
export interface RealtimeHub {
  announce(announcement: Announcement): void;
  subscribe(tenantId: string, listener: AnnouncementListener): () => void;
  /** Ends event streams by id, on whichever node holds them (see streamRegistry.ts). */
  endStreams(tenantId: string, streamIds: string[]): void;
  /** `onEnd` runs when some node asks to end this stream. */
  watchStream(streamId: string, onEnd: () => void): () => void;
  /**
   * Resolves once every announcement that had arrived when it was called has reached all of this
   * node's streams (later ones are not waited for, so a steady stream of them cannot hold a caller
   * for ever). Pulls wait for it: they come because of an announcement, and a fan-out that pauses
   * for them reaches its last streams later, which then pull too.
   */
  delivered(): Promise<void>;
  close(): Promise<void>;
}

/**
 * What travels between nodes. Ending streams rides on the same channel as the announcements, so a
 * stream that hears of a later change has always heard of its own end first; it is shaped as a
 * "look it up" announcement, which is all a node of the previous version makes of it.
 */
interface Message extends Announcement {
  endStreams?: string[];
}

const CHANNEL = 'samen_changes';
/** NOTIFY payloads are limited to 8000 bytes; a batch stays well below (messages are ids and numbers: ASCII, a byte a character). */
const BATCH_BYTES = 6000;

export function createRealtimeHub(db: Db, onError: (err: unknown) => void = () => undefined, deltas?: SharedDeltas): RealtimeHub {
  const listeners = new Map<string, Set<AnnouncementListener>>();
  const watched = new Map<string, () => void>();
  const { tell, tellWhenReady, delivered } = slicedDelivery(onError);
  const hear = (l: AnnouncementListener, announced: Announced[]) => l(announced);
  const deliver = (m: Message) => {
    const endStreams = m.endStreams;
    if (endStreams) return tell(null, endStreams, (id: string) => watched.get(id)?.(), endStreams);
    const { tenantId, seq, personIds, privateGroups } = m;
    const a: Announcement = { tenantId, seq, personIds, ...(privateGroups === undefined ? {} : { privateGroups }) };
    const among = () => listeners.get(tenantId) ?? [];
    // Once per node, not per stream: the shared changes the announcement brings. It keeps its place
    // in line while they are read, so no stream hears of a later change first.
    if (!deltas || seq < 0 || !listeners.has(tenantId)) return tell(tenantId, a, hear, among());
    tellWhenReady(
      tenantId,
      hear,
      deltas.forAnnouncement(tenantId, seq).then((shared) => ({ message: shared ? { ...a, shared } : a, items: among() })),
    );
  };

  let pgListener: Listener | null = null;
  let k: Kysely<Database> | null = null;
  if (db.postgresUrl) {
    k = db.kysely;
    pgListener = listen(
      db.postgresUrl,
      CHANNEL,
      (payload) => {
        try {
          const parsed = JSON.parse(payload) as Message | Message[];
          for (const m of Array.isArray(parsed) ? parsed : [parsed]) deliver(m);
        } catch (err) {
          onError(err);
        }
      },
      // After a lost connection we may have missed announcements: poke every stream to look again.
      () => {
        for (const tenantId of listeners.keys()) deliver({ tenantId, seq: -1, personIds: [], privateGroups: true });
      },
    );
  }

  const send = k ? batchedNotify(k, onError) : deliver;

  return {
    announce(announcement) {
      // Past a hundred people a message would not fit a NOTIFY: streams then look it up.
      send(announcement.personIds.length > 100 ? { ...announcement, personIds: ['*'] } : announcement);
    },
    endStreams(tenantId, streamIds) {
      if (streamIds.length === 0) return;
      send({ tenantId, seq: -1, personIds: [], endStreams: streamIds });
    },
    delivered,
    watchStream(streamId, onEnd) {
      watched.set(streamId, onEnd);
      return () => {
        if (watched.get(streamId) === onEnd) watched.delete(streamId);
      };
    },
    subscribe(tenantId, listener) {
      let set = listeners.get(tenantId);
      if (!set) listeners.set(tenantId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(tenantId);
      };
    },
    async close() {
      listeners.clear();
      watched.clear();
      await pgListener?.close();
    },
  };
}

/**
 * Sends messages in order, one NOTIFY at a time; what queues up while one is in flight goes in the
 * next, as a JSON array (a single message goes alone, as nodes of the previous version expect).
 */
function batchedNotify(k: Kysely<Database>, onError: (err: unknown) => void): (m: Message) => void {
  const queue: string[] = [];
  let sending = false;
  const pump = async () => {
    sending = true;
    while (queue.length > 0) {
      let bytes = 0;
      let n = 0;
      while (n < queue.length && (n === 0 || bytes + queue[n]!.length + 1 <= BATCH_BYTES)) bytes += queue[n++]!.length + 1;
      const batch = queue.splice(0, n);
      await notify(k, CHANNEL, batch.length === 1 ? batch[0]! : `[${batch.join(',')}]`).catch(onError);
    }
    sending = false;
  };
  return (m) => {
    queue.push(JSON.stringify(m));
    if (!sending) void pump();
  };
}
