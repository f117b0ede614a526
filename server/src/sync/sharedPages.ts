import type { SyncResponse } from '../../../common/src/api/sync.js';

/**
 * The shared part of the feed is the same for every employee, and after an announcement thousands of
 * clients ask for it at once. This keeps those pages per node: the first request computes one, the
 * others wait for it, and later ones get it from memory. A page is keyed by the tenant's newest seq
 * too, so it is never older than what a fresh computation would give: any change to what it holds
 * comes with a newer seq, and a newer seq is another key.
 *
 * Clients do not all stand at the same seq: a PC that was asleep, or one that skipped a few
 * announcements, asks from further back. A complete page (no `hasMore`) from seq S holds, for every
 * entity changed after S, its last change and current state; the page from any later seq T is exactly
 * its changes after T. So each newest seq keeps the complete page from the oldest seq asked so far,
 * and answers every later one by cutting it, instead of one database computation per distinct seq.
 * A page that stops at its limit is only shared by those who ask from the same seq.
 */
export interface SharedPages {
  get(key: { tenantId: string; since: number; limit: number; protocol: number; latest: number }, compute: () => Promise<SyncResponse>): Promise<SyncResponse>;
}

export function createSharedPages(maxEntries = 256): SharedPages {
  const pages = new Map<string, Promise<SyncResponse>>();
  const widest = new Map<string, { since: number; page: Promise<SyncResponse> }>();

  const exact = (id: string, compute: () => Promise<SyncResponse>) => {
    const found = pages.get(id);
    if (found) {
      // Most recently used last, so the oldest entry is the first to go.
      pages.delete(id);
      pages.set(id, found);
      return found;
    }
    const page = compute();
    pages.set(id, page);
    page.catch(() => pages.delete(id));
    while (pages.size > maxEntries) pages.delete(pages.keys().next().value!);
    return page;
  };

  return {
    async get(key, compute) {
      const feedId = `${key.tenantId}:${key.limit}:${key.protocol}:${key.latest}`;
      const base = widest.get(feedId);
      if (base && base.since <= key.since) {
        const page = await base.page.catch(() => null);
        if (page && !page.hasMore) return cut(page, key.since);
      }
      const page = exact(`${feedId}:${key.since}`, compute);
      if (!base || key.since < base.since) {
        const entry = { since: key.since, page };
        widest.set(feedId, entry);
        page.catch(() => widest.get(feedId) === entry && widest.delete(feedId));
        while (widest.size > maxEntries) widest.delete(widest.keys().next().value!);
      }
      return page;
    },
  };
}

/** The page from `since` on, out of a complete page from an earlier seq. */
function cut(page: SyncResponse, since: number): SyncResponse {
  return { ...page, changes: page.changes.filter((c) => c.seq > since), next: Math.max(page.next, since) };
}
