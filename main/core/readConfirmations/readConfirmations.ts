import type Database from 'better-sqlite3';
import { DEFAULT_ORGANISATION_SETTINGS, readLaterLimitOf, type Organisation, type Person, type Post } from '../../../common/src/api/entities.js';
import type { Result } from '../../../common/src/ipc/contract.js';
import type { MyRead } from '../../../common/src/ipc/readConfirmationViews.js';
import type { ReadAudience } from '../../../common/src/readConfirmations/audience.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { Cache } from '../cache/openCache.js';
import type { Clock } from '../clock.js';
import type { DeliveredOverlay } from '../outbox/deliveredOverlay.js';
import type { OutboxItem, OutboxStore } from '../outbox/outboxStore.js';
import type { PersonalStore, PersonalView } from '../personal/personalStore.js';
import { fail, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { CacheParts } from '../cache/openCache.js';
import { myRead, pendingReads } from './myRead.js';
import { requiredPosts, type ReadStateStore } from './readStateStore.js';

export interface ReadConfirmationDeps {
  cache: Cache;
  states: ReadStateStore;
  personal: PersonalStore;
  outbox: OutboxStore;
  delivered: DeliveredOverlay;
  clock: Clock;
  session(): ActiveSession | null;
  /** A post as she sees it now (stored, or still waiting in the outbox). */
  findPost(id: string): Post | null;
  /** Her write was queued: show it and try to deliver. */
  changed(postId: string): void;
}

interface Sources {
  db: Database.Database;
  personal: PersonalView;
  me: string | null;
  sent: readonly OutboxItem[];
  waiting: readonly OutboxItem[];
}

/**
 * "Lezen verplicht" on the client: what each post asks of the person here, worked out from this
 * device alone (the cache, her answers remembered here, her writes in the outbox, and her own data
 * once it has arrived), and her "Gelezen" and "Later" queued in the outbox.
 */
export function createReadConfirmations(d: ReadConfirmationDeps) {
  const laterLimit = (db: Database.Database) => {
    const row = db.prepare<[], { data: string }>('SELECT data FROM organisation LIMIT 1').get();
    return readLaterLimitOf(row ? (JSON.parse(row.data) as Organisation).settings : DEFAULT_ORGANISATION_SETTINGS);
  };

  /**
   * The rule for one read: who she is, her groups if known, her answers from every source. Worked out
   * at the first required post the read meets, so the many reads without one cost nothing.
   */
  const lookup = (s: Sources): ((post: Post) => MyRead | null) => {
    const session = d.session();
    if (!s.me || !session || session.person.id !== s.me) return () => null;
    const me = s.me;
    const build = () => {
      const person = s.db.prepare<[string], { data: string }>('SELECT data FROM people WHERE id = ?').get(me);
      return {
        // The directory's newest word on where she works; the login's if the cache does not have her yet.
        person: person ? (JSON.parse(person.data) as Person) : session.person,
        memberOf: s.personal.known() ? new Set(s.personal.memberships().map((m) => m.groupId)) : null,
        pending: pendingReads(s.sent, s.waiting),
        laterLimit: laterLimit(s.db),
      };
    };
    let known: ReturnType<typeof build> | null = null;
    return (post) => {
      if (!post.readRequired) return null;
      known ??= build();
      return myRead(post, {
        person: known.person,
        memberOf: known.memberOf,
        receipt: s.personal.receipt(post.id),
        stored: d.states.get(s.db, me, post.id),
        pending: known.pending.get(post.id) ?? null,
        laterLimit: known.laterLimit,
      });
    };
  };

  const enqueue = (session: ActiveSession, kind: 'readConfirm' | 'readLater', postId: string) => {
    const now = d.clock.now();
    d.outbox.add({
      kind,
      id: uuidv7(now.getTime()),
      postId,
      payload: {},
      tenantId: session.organisation.id,
      personId: session.person.id,
      idempotencyKey: uuidv7(now.getTime()),
      createdAt: now.toISOString(),
      // On a shared PC her answer goes with her grant, so it is delivered after she tapped out.
      grant: session.deliveryGrant,
    });
  };

  const mine = (session: ActiveSession) => {
    const waiting = d.outbox.list(session.organisation.id, session.person.id);
    const sent = d.delivered.items().filter((i) => i.personId === session.person.id && i.tenantId === session.organisation.id);
    return { sent, waiting };
  };

  /** Her answer as this device sees it now, for one post. */
  const current = (session: ActiveSession, postId: string): MyRead | null => {
    const post = d.findPost(postId);
    if (!post) return null;
    return d.cache.read((parts) => lookup({ db: parts.db, personal: d.personal, me: session.person.id, ...mine(session) })(post));
  };

  /** Remembers her answer on this device, so the next tap-in here knows it even before the server answers. */
  const remember = (session: ActiveSession, postId: string) => {
    const now = current(session, postId);
    if (now) d.cache.write((parts) => d.states.put(parts.db, session.person.id, postId, { confirmed: now.state === 'confirmed', laterCount: now.laterCount }));
  };

  const answer = (kind: 'readConfirm' | 'readLater', postId: string): Result<string> => {
    const session = d.session();
    if (!session) return fail('not_logged_in', 'log in first');
    const before = current(session, postId);
    if (!before) return fail('not_found', 'this post asks nothing of her');
    if (before.state === 'confirmed') return ok(postId);
    if (kind === 'readLater' && before.laterCount >= before.laterLimit) return fail('conflict', 'no more postponing: read it now');
    enqueue(session, kind, postId);
    remember(session, postId);
    d.changed(postId);
    return ok(postId);
  };

  return {
    /** For the reader: each post's "lezen verplicht" state for the person of that read. */
    myReadFor: (s: Omit<Sources, 'db'> & { parts: CacheParts }) => lookup({ ...s, db: s.parts.db }),
    confirm: (postId: string) => answer('readConfirm', postId),
    later: (postId: string) => answer('readLater', postId),

    /** An editor makes a post "lezen verplicht": queued after the post itself, sent with her own session. */
    require(postId: string, audience: ReadAudience): Result<string> {
      const session = d.session();
      if (!session) return fail('not_logged_in', 'log in first');
      if (!session.person.roles.some((r) => r === 'editor' || r === 'admin')) return fail('forbidden', 'editors only');
      const post = d.findPost(postId);
      if (!post) return fail('not_found', 'unknown post');
      if (post.groupId !== null) return fail('invalid_input', 'only posts for the whole organisation');
      const now = d.clock.now();
      d.outbox.add({
        kind: 'readRequire',
        id: uuidv7(now.getTime()),
        postId,
        payload: { audience },
        tenantId: session.organisation.id,
        personId: session.person.id,
        idempotencyKey: uuidv7(now.getTime()),
        createdAt: now.toISOString(),
        // Marking is an editor's act: a grant (role employee) may not, so it waits for her session.
        grant: null,
      });
      d.changed(postId);
      return ok(postId);
    },

    /**
     * "Eerst lezen": the required posts she still owes, oldest first. Decided from this device alone
     * (no request), so a tap-in with nothing to read is not slowed down. `sure` is false while one of
     * them is a post this device has never written down an answer of hers for and her own data has not
     * arrived: she may have read it on another PC.
     */
    firstReads(): { ids: string[]; sure: boolean } {
      const session = d.session();
      if (!session) return { ids: [], sure: true };
      return d.cache.read((parts) => {
        const rule = lookup({ db: parts.db, personal: d.personal, me: session.person.id, ...mine(session) });
        const ids = requiredPosts(parts.db)
          .filter((p) => rule(p)?.state === 'owed')
          .sort((a, b) => a.readRequired!.markedAt.localeCompare(b.readRequired!.markedAt))
          .map((p) => p.id);
        const sure = d.personal.known() || ids.every((id) => d.states.get(parts.db, session.person.id, id) !== null);
        return { ids, sure };
      });
    },
    /** Whether her own data (groups, receipts) has arrived since she logged in. */
    personalKnown: () => d.personal.known(),

    /** The server refused her "Gelezen": the device forgets it too, so the post asks again. */
    rejected(item: OutboxItem): void {
      if (item.kind !== 'readConfirm') return;
      d.cache.write((parts) => {
        const stored = d.states.get(parts.db, item.personId, item.postId);
        if (stored) d.states.put(parts.db, item.personId, item.postId, { ...stored, confirmed: false });
      });
    },

    /**
     * Writes down on this device where she stands on every required post, once her own data is here:
     * so next time, before it arrives, "Eerst lezen" is right (an audience of groups included).
     */
    reconcile(): void {
      const session = d.session();
      if (!session || !d.personal.known()) return;
      d.cache.write((parts) => {
        const rule = lookup({ db: parts.db, personal: d.personal, me: session.person.id, ...mine(session) });
        for (const post of requiredPosts(parts.db)) {
          const state = rule(post);
          if (state) d.states.put(parts.db, session.person.id, post.id, { confirmed: state.state === 'confirmed', laterCount: state.laterCount });
          else d.states.forget(parts.db, session.person.id, post.id);
        }
        d.states.prune(parts.db);
      });
    },
  };
}

export type ReadConfirmations = ReturnType<typeof createReadConfirmations>;
