import { VIEW_BATCH_MAX } from '../../../common/src/api/routes/postViews.js';
import type { HttpClient } from '../net/httpClient.js';
import type { Timers } from '../session/idleTimer.js';
import type { ActiveSession } from '../session/sessionManager.js';

export interface ViewBatching {
  /** Wait after the first view of a batch before it goes, so views a screen apart travel together. */
  delayMs: number;
  /** Longest wait after a failed batch. */
  maxRetryMs: number;
}

export const defaultViewBatching: ViewBatching = { delayMs: 5_000, maxRetryMs: 300_000 };

/**
 * Gathers the posts the person saw (the renderer decides: half on screen for a second) and sends
 * them in batches: a few seconds after the first, at once when a batch is full, and when she leaves
 * the device (with her delivery grant on a shared PC). A post goes once per session; the server
 * counts each person once per post anyway, so a batch sent twice after a lost answer changes nothing.
 * Memory only: views are statistics, and what she saw never lands on a shared disk. A batch that
 * could not be sent is tried again with back-off while she is here. The counts the server answers
 * are shown at once (`onCounts`), before the feed brings them to everyone.
 */
export function createViewBatcher(d: {
  http: HttpClient;
  timers: Timers;
  session(): ActiveSession | null;
  onCounts(counts: { postId: string; viewCount: number }[]): void;
  batching?: ViewBatching;
}) {
  const { delayMs, maxRetryMs } = d.batching ?? defaultViewBatching;
  let owner: ActiveSession | null = null;
  /** Sent (or being sent) in this session. */
  let counted = new Set<string>();
  let queue: string[] = [];
  let timer: unknown = null;
  let failures = 0;

  const schedule = (ms: number) => {
    if (timer !== null) return;
    timer = d.timers.set(() => {
      timer = null;
      void flush();
    }, ms);
  };
  const cancel = () => {
    if (timer !== null) d.timers.clear(timer);
    timer = null;
  };

  async function send(as: ActiveSession, token: string, batch: string[]): Promise<void> {
    const answer = await d.http.call('recordPostViews', { token, body: { postIds: batch } });
    if (answer.ok) {
      failures = 0;
      if (owner === as) d.onCounts(answer.value.counts);
      return;
    }
    // Unreachable or overloaded: tried again while she is here. Refused: statistics, let go.
    if (!answer.error.retryable || owner !== as) return;
    queue = [...batch, ...queue];
    schedule(Math.min(delayMs * 2 ** ++failures, maxRetryMs));
  }

  async function flush(): Promise<void> {
    cancel();
    const s = owner;
    if (!s || d.session() !== s || queue.length === 0) return;
    const batch = queue.slice(0, VIEW_BATCH_MAX);
    queue = queue.slice(VIEW_BATCH_MAX);
    if (queue.length > 0) schedule(0);
    await send(s, s.token, batch);
  }

  return {
    seen(postIds: readonly string[]): void {
      const s = d.session();
      if (!s) return;
      if (owner !== s) {
        counted = new Set();
        queue = [];
        failures = 0;
        cancel();
        owner = s;
      }
      for (const id of postIds) {
        if (counted.has(id)) continue;
        counted.add(id);
        queue.push(id);
      }
      if (queue.length >= VIEW_BATCH_MAX) void flush();
      else if (queue.length > 0) schedule(delayMs);
    },
    /** Sends what waits now (a test, or the renderer going away). */
    flush,
    /** Her session is over: what she saw goes now, as her, and the next person starts empty. */
    sessionEnded(): void {
      const s = owner;
      const batch = queue.slice(0, VIEW_BATCH_MAX);
      cancel();
      owner = null;
      queue = [];
      counted = new Set();
      if (s && batch.length > 0) void send(s, s.deliveryGrant?.token ?? s.token, batch);
    },
  };
}

export type ViewBatcher = ReturnType<typeof createViewBatcher>;
