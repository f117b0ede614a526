import type { Kysely } from 'kysely';
import { SYNC_PROTOCOL } from '../../../common/src/api/sync.js';
import type { Database } from '../db/schema.js';
import { syncPage } from '../sync/syncRoute.js';

/** The shared changes an announcement carries to this node's streams, serialised once for all of them. */
export interface PreparedDelta {
  since: number;
  next: number;
  /** The changes as JSON text: the same bytes go to every stream. */
  changesJson: string;
}

export interface SharedDeltas {
  /**
   * The shared changes since the previous delta of the tenant, up to at least `seq`; null when there
   * are too many to carry (clients then pull), when no delta can say where clients stand yet, or when
   * the announcement brings nothing new. Announcements that arrive while one is computed share the
   * next computation, so a burst of writes costs two computations, not one each.
   */
  forAnnouncement(tenantId: string, seq: number): Promise<PreparedDelta | null>;
  /**
   * A stream was told `seq` when it opened; its client pulls up to at least there. The first delta of
   * a tenant starts at the lowest such seq, so every client that opened since this node started can
   * take it (a delta from further back serves any cursor after its start).
   */
  opened(tenantId: string, seq: number): void;
}

/**
 * Past these a delta is not worth sending to every stream: the bytes would cost more than the few
 * clients that pull. A like or a comment is one or two changes of a few hundred bytes.
 */
export const DELTA_MAX_CHANGES = 50;
export const DELTA_MAX_BYTES = 16 * 1024;

interface TenantDeltas {
  /** Where a client that followed every delta stands; null until a stream has opened. */
  next: number | null;
  chain: Promise<unknown>;
  /** Announcements waiting for the next computation, which covers the newest of them. */
  waiting: { seq: number; result: Promise<PreparedDelta | null> } | null;
}

/**
 * One database computation per announcement per node, instead of one pull per client: at the start of
 * a shift thousands of streams hear every like, and each pull is a request with its own
 * authentication, a page and a response. The page is the same one /v1/sync answers for the shared
 * part (`syncPage`, resolved for nobody in particular), so a delta and a pull never disagree.
 */
export function createSharedDeltas(deps: { k: Kysely<Database>; now: () => Date; onError?: (err: unknown) => void }): SharedDeltas {
  const tenants = new Map<string, TenantDeltas>();
  const tenant = (tenantId: string) => {
    let t = tenants.get(tenantId);
    if (!t) tenants.set(tenantId, (t = { next: null, chain: Promise.resolve(), waiting: null }));
    return t;
  };

  const compute = async (tenantId: string, t: TenantDeltas, seq: number): Promise<PreparedDelta | null> => {
    const since = t.next;
    if (since === null || seq <= since) return null;
    // Every seq up to the announced one has committed (seqs are numbered under a lock held until
    // commit), so the page may end there, as a pull's page does at the newest seq it read.
    const page = await syncPage(deps.k, { tenantId, personId: null }, since, DELTA_MAX_CHANGES + 1, 'shared', SYNC_PROTOCOL, seq, deps.now());
    const changesJson = page.hasMore || page.changes.length > DELTA_MAX_CHANGES ? null : JSON.stringify(page.changes);
    if (changesJson === null || changesJson.length > DELTA_MAX_BYTES) {
      // Clients pull this one; each pull ends at the newest seq or later, which the next delta starts from.
      t.next = seq;
      return null;
    }
    t.next = page.next;
    return { since, next: page.next, changesJson };
  };

  return {
    forAnnouncement(tenantId, seq) {
      const t = tenant(tenantId);
      if (t.waiting) {
        t.waiting.seq = Math.max(t.waiting.seq, seq);
        return t.waiting.result;
      }
      const waiting: NonNullable<TenantDeltas['waiting']> = { seq, result: Promise.resolve(null) };
      waiting.result = t.chain.then(() => {
        if (t.waiting === waiting) t.waiting = null;
        return compute(tenantId, t, waiting.seq).catch((err: unknown) => {
          deps.onError?.(err);
          return null;
        });
      });
      t.waiting = waiting;
      t.chain = waiting.result;
      return waiting.result;
    },
    opened(tenantId, seq) {
      const t = tenant(tenantId);
      t.next ??= seq;
    },
  };
}
