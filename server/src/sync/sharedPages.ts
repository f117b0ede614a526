import type { SyncResponse } from '../../../common/src/api/sync.js';

/**
 * The shared part of the feed is the same for every employee, and after an announcement thousands of
 * clients ask for the same page at once (`since` = the seq they had, up to the tenant's newest). This
 * keeps those pages per node: the first request computes one, the others wait for it, and later ones
 * get it from memory. A page is keyed by the tenant's newest seq too, so it is never older than what
 * a fresh computation would give: any change to what it holds comes with a newer seq, and a newer seq
 * is another key.
 */
export interface SharedPages {
  get(key: { tenantId: string; since: number; limit: number; protocol: number; latest: number }, compute: () => Promise<SyncResponse>): Promise<SyncResponse>;
}

export function createSharedPages(maxEntries = 256): SharedPages {
  const pages = new Map<string, Promise<SyncResponse>>();
  return {
    get(key, compute) {
      const id = `${key.tenantId}:${key.since}:${key.limit}:${key.protocol}:${key.latest}`;
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
    },
  };
}
