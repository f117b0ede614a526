import type { SyncChange, SyncScope } from '../../../common/src/api/sync.js';
import { SYNC_PROTOCOL } from '../../../common/src/api/sync.js';
import type { HttpClient } from '../net/httpClient.js';
import type { NetResult } from '../net/netError.js';

/** Where one part of the feed goes: the cache (shared) or the in-memory personal store. */
export interface FeedSink {
  cursor(): number;
  /** Applies one page and moves the cursor to `next` at once; `last` when the feed is caught up. */
  apply(changes: readonly SyncChange[], next: number, last: boolean): void;
}

/**
 * Pulls the feed page by page (`token` null: as the device, which the HTTP client identifies) from the sink's own cursor until the server has nothing more. The
 * cursor is read again before each page, so a pull that stops anywhere resumes where it stopped.
 */
export async function pullFeed(
  http: HttpClient,
  o: { token: string | null; scope: Exclude<SyncScope, 'all'>; pageSize: number; signal: AbortSignal },
  sink: FeedSink,
): Promise<NetResult<{ pages: number; changes: number }>> {
  let pages = 0;
  let changes = 0;
  for (;;) {
    const answer = await http.call('sync', {
      token: o.token,
      query: { since: sink.cursor(), scope: o.scope, limit: o.pageSize, protocol: SYNC_PROTOCOL },
      signal: o.signal,
    });
    if (!answer.ok) return answer;
    // A page that arrives after logout or shutdown must not be applied.
    if (o.signal.aborted) return { ok: true, value: { pages, changes } };
    sink.apply(answer.value.changes, answer.value.next, !answer.value.hasMore);
    pages += 1;
    changes += answer.value.changes.length;
    if (!answer.value.hasMore) return { ok: true, value: { pages, changes } };
  }
}
