// How the hub tells thousands of streams of each change without holding the event loop for the
// whole fan-out, and without one socket write per change when changes queue up.

/**
 * Listeners told in one go before the hub lets the event loop take other work. Each is a write to a
 * socket; ten thousand of them take a few hundred milliseconds, and a write waiting for its database
 * answers behind them would wait that long at every round trip.
 */
export const LISTENERS_PER_SLICE = 100;

/**
 * A message told to a list of items (listeners, stream ids) as `tell(item, messages)`: `messages` is
 * the message itself, and any of its topic that joined it while it was on its way.
 */
interface Entry {
  tell: (item: never, messages: unknown[]) => void;
  messages: unknown[];
  items: unknown[];
  at: number;
  ready: boolean;
  /** Messages of one topic (a tenant's announcements) may travel together; null: this one travels alone. */
  topic: string | null;
  /** Listeners of a message that joined the one before it, who were not reached with that one. */
  leftover: boolean;
  /** How many leftover entries stand right behind this one, in line before anything else. */
  leftovers: number;
}

/**
 * Delivers messages in the order they came, each to its listeners in slices of LISTENERS_PER_SLICE
 * with the event loop free between slices. A message whose listeners fit one slice, with nothing
 * before it still on its way, is delivered at once; a later message waits until every listener has
 * had the earlier one, so no stream hears of a change before one that came first.
 *
 * Messages of one topic that queue up behind one on its way join it: each listener it has not
 * reached yet hears them all in one call (one socket write for an event stream, instead of one per
 * message, at the moment writes come faster than ten thousand streams take them), and the listeners
 * it had already told, or that came later, hear them after it. No listener hears a message twice or
 * out of order.
 */
export function slicedDelivery(onError: (err: unknown) => void): {
  /** `message` to each of `among`, as `tell(item, messages)`; `topic` null: it never travels with others. */
  tell: <T, M>(topic: string | null, message: M, tell: (item: T, messages: M[]) => void, among: Iterable<T>) => void;
  /** As `tell`, in its place in line, for a message and listeners known once `ready` resolves. */
  tellWhenReady: <T, M>(topic: string | null, tell: (item: T, messages: M[]) => void, ready: Promise<{ message: M; items: Iterable<T> }>) => void;
  delivered: () => Promise<void>;
} {
  const queue: Entry[] = [];
  let scheduled = false;
  let queued = 0;
  let finished = 0;
  let waiting: { until: number; resolve: () => void }[] = [];

  const entry = (topic: string | null, tell: Entry['tell'], messages: unknown[], items: unknown[], ready: boolean, leftover = false): Entry => ({
    tell,
    messages,
    items,
    at: 0,
    ready,
    topic,
    leftover,
    leftovers: 0,
  });

  /**
   * Takes the ready messages of the head's topic queued right behind it (after its leftovers) into
   * the head. Each leaves a leftover entry in its place in line: its listeners that the head will
   * not reach with it (told already, or not among the head's), told after the head.
   */
  const absorb = (head: Entry) => {
    if (head.topic === null || head.leftover) return;
    let reached: Set<unknown> | null = null;
    for (let i = 1 + head.leftovers; i < queue.length; i = 1 + head.leftovers) {
      const next = queue[i]!;
      if (!next.ready || next.leftover || next.topic !== head.topic) return;
      reached ??= new Set(head.items.slice(head.at));
      head.messages = [...head.messages, ...next.messages];
      queue.splice(i, 1, entry(head.topic, next.tell, next.messages, next.items.filter((item) => !reached!.has(item)), true, true));
      head.leftovers++;
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
          head.tell(head.items[head.at] as never, head.messages);
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

  return {
    tell(topic, message, tell, among) {
      queue.push(entry(topic, tell as Entry['tell'], [message], [...among], true));
      queued++;
      if (!scheduled) drain();
    },
    tellWhenReady(topic, tell, ready) {
      const waits = entry(topic, tell as Entry['tell'], [], [], false);
      queue.push(waits);
      queued++;
      void ready
        .then(({ message, items }) => {
          waits.messages = [message];
          waits.items = [...items];
        }, onError)
        .finally(() => {
          waits.ready = true;
          if (!scheduled) drain();
        });
    },
    delivered: () => (finished === queued ? Promise.resolve() : new Promise((resolve) => waiting.push({ until: queued, resolve }))),
  };
}

/**
 * Lets callers go on at most `perTurn` per turn of the event loop, in the order they asked. One
 * statement answers the notifications of every stream that looked at once (notificationsAfter.ts):
 * after a reminder to everyone, ten thousand streams would otherwise all write to their sockets
 * before anything else the node has to do, as one fan-out would without its slices.
 */
export function inTurns(perTurn: number): () => Promise<void> {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const release = () => {
    for (const go of waiting.splice(0, perTurn)) go();
    if (waiting.length > 0) setImmediate(release);
    else scheduled = false;
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!scheduled) {
        scheduled = true;
        setImmediate(release);
      }
    });
}
