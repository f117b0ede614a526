// How the hub tells thousands of streams of each change without holding the event loop for the
// whole fan-out, and without one socket write per change when changes queue up.

/**
 * Listeners told in one go before the hub lets the event loop take other work. Each is a write to a
 * socket; ten thousand of them take a few hundred milliseconds, and a write waiting for its database
 * answers behind them would wait that long at every round trip.
 */
export const LISTENERS_PER_SLICE = 100;

/** A message told to a list of items (listeners, stream ids), each by `each`. */
interface Entry {
  each: (item: never) => void;
  items: unknown[];
  at: number;
  ready: boolean;
  /**
   * Messages of one topic (a tenant's announcements) that may travel together: the listeners not
   * yet told of this one hear the ones queued right behind it in the same call, in order.
   */
  batch?: { topic: string; messages: unknown[]; tell: (item: never, messages: unknown[]) => void; leftovers: number; derived: boolean };
}

/**
 * Delivers messages in the order they came, each to its listeners in slices of LISTENERS_PER_SLICE
 * with the event loop free between slices. A message whose listeners fit one slice, with nothing
 * before it still on its way, is delivered at once; a later message waits until every listener has
 * had the earlier one, so no stream hears of a change before one that came first.
 *
 * Batched messages of one topic that queue up behind one on its way join it: each listener it has
 * not reached yet hears them all in one call (one socket write for an event stream, instead of one
 * per message, at the moment writes come faster than ten thousand streams take them), and the
 * listeners it had already told, or that came later, hear them after it. No listener hears a message
 * twice or out of order.
 */
export function slicedDelivery(onError: (err: unknown) => void): {
  tell: <T>(each: (item: T) => void, among: Iterable<T>) => void;
  /** As `tell`, in its place in line, for a message whose listeners are known once `ready` resolves. */
  tellWhenReady: <T>(ready: Promise<{ each: (item: T) => void; items: Iterable<T> }>) => void;
  /** A message of `topic`, told to `among` as `tell(item, messages)`, which may carry later messages of the topic too. */
  tellBatched: <T, M>(topic: string, message: M, tell: (item: T, messages: M[]) => void, among: Iterable<T>) => void;
  /** As `tellBatched`, for a message and listeners known once `ready` resolves. */
  tellBatchedWhenReady: <T, M>(topic: string, tell: (item: T, messages: M[]) => void, ready: Promise<{ message: M; items: Iterable<T> }>) => void;
  delivered: () => Promise<void>;
} {
  const queue: Entry[] = [];
  let scheduled = false;
  let queued = 0;
  let finished = 0;
  let waiting: { until: number; resolve: () => void }[] = [];

  const batchedEntry = (topic: string, tell: (item: never, messages: unknown[]) => void, messages: unknown[], items: unknown[], ready: boolean, derived: boolean): Entry => {
    const entry: Entry = { each: () => undefined, items, at: 0, ready, batch: { topic, messages, tell, leftovers: 0, derived } };
    entry.each = (item: never) => tell(item, entry.batch!.messages);
    return entry;
  };

  /**
   * Takes the ready messages of the head's topic queued right behind it (after its leftovers) into
   * the head. Each leaves a leftover entry in their place in line: its listeners that the head will
   * not reach with it (told already, or not among the head's), told after the head.
   */
  const absorb = (head: Entry) => {
    const own = head.batch;
    if (!own || own.derived) return;
    for (let i = 1 + own.leftovers; i < queue.length; i = 1 + own.leftovers) {
      const next = queue[i]!;
      if (!next.ready || !next.batch || next.batch.derived || next.batch.topic !== own.topic) return;
      const reached = new Set(head.items.slice(head.at));
      own.messages = [...own.messages, ...next.batch.messages];
      queue.splice(i, 1);
      queue.splice(1 + own.leftovers, 0, batchedEntry(own.topic, next.batch.tell, next.batch.messages, next.items.filter((item) => !reached.has(item)), true, true));
      own.leftovers++;
    }
  };

  const drain = () => {
    scheduled = false;
    while (queue.length > 0) {
      const head = queue[0]!;
      // Its own `ready` drains again once the message is known.
      if (!head.ready) return;
      absorb(head);
      const end = Math.min(head.at + LISTENERS_PER_SLICE, head.items.length);
      for (; head.at < end; head.at++) {
        // One stream's failure is its own: the others still hear of the change.
        try {
          head.each(head.items[head.at] as never);
        } catch (err) {
          onError(err);
        }
      }
      if (head.at < head.items.length) {
        scheduled = true;
        setImmediate(drain);
        return;
      }
      queue.shift();
      finished++;
      if (waiting.length > 0 && waiting[0]!.until <= finished) {
        const done = waiting.filter((w) => w.until <= finished);
        waiting = waiting.filter((w) => w.until > finished);
        for (const w of done) w.resolve();
      }
    }
  };
  const push = (entry: Entry) => {
    queue.push(entry);
    queued++;
    if (!scheduled) drain();
  };
  const whenReady = <R>(entry: Entry, ready: Promise<R>, fill: (r: R) => void) => {
    queue.push(entry);
    queued++;
    void ready.then(fill, onError).finally(() => {
      entry.ready = true;
      if (!scheduled) drain();
    });
  };

  return {
    tell(each, among) {
      push({ each: each as (item: never) => void, items: [...among], at: 0, ready: true });
    },
    tellWhenReady(ready) {
      const entry: Entry = { each: () => undefined, items: [], at: 0, ready: false };
      whenReady(entry, ready, ({ each, items }) => {
        entry.each = each as (item: never) => void;
        entry.items = [...items];
      });
    },
    tellBatched(topic, message, tell, among) {
      push(batchedEntry(topic, tell as (item: never, messages: unknown[]) => void, [message], [...among], true, false));
    },
    tellBatchedWhenReady(topic, tell, ready) {
      const entry = batchedEntry(topic, tell as (item: never, messages: unknown[]) => void, [], [], false, false);
      whenReady(entry, ready, ({ message, items }) => {
        entry.batch!.messages = [message];
        entry.items = [...items];
      });
    },
    delivered: () => (finished === queued ? Promise.resolve() : new Promise((resolve) => waiting.push({ until: queued, resolve }))),
  };
}
