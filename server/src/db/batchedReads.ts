/**
 * One statement for many requests that ask the same kind of question at the same moment: after an
 * announcement hundreds of clients pull within a few milliseconds, and each would look up its session
 * and the tenant's newest seq on its own.
 *
 * Per group (a tenant), at most one read is in flight. A caller who comes while none is starts one at
 * once, so a quiet server adds no delay. Callers who come while one runs wait for the next, which
 * starts when it ends and asks for all their keys together. Every caller's answer is therefore read
 * after the caller asked: nothing committed before a request (a revoked session, a new seq it was told
 * of) is missed, which a cache could not promise.
 */
export type BatchedRead<K, V> = (group: string, key: K) => Promise<V | undefined>;

interface Waiting<K, V> {
  keys: Set<K>;
  answers: Promise<Map<K, V>>;
  start: () => void;
}

export function createBatchedRead<K, V>(read: (group: string, keys: K[]) => Promise<Map<K, V>>): BatchedRead<K, V> {
  const running = new Map<string, Promise<unknown>>();
  const next = new Map<string, Waiting<K, V>>();

  const run = (group: string, keys: Set<K>): Promise<Map<K, V>> => {
    const answers = read(group, [...keys]);
    const done = answers.then(
      () => undefined,
      () => undefined,
    );
    running.set(group, done);
    void done.then(() => {
      running.delete(group);
      const waiting = next.get(group);
      if (waiting) {
        next.delete(group);
        waiting.start();
      }
    });
    return answers;
  };

  return async (group, key) => {
    if (!running.has(group)) return (await run(group, new Set([key]))).get(key);
    let waiting = next.get(group);
    if (!waiting) {
      const keys = new Set<K>();
      let start!: () => void;
      const answers = new Promise<Map<K, V>>((resolve, reject) => {
        start = () => run(group, keys).then(resolve, reject);
      });
      waiting = { keys, answers, start };
      next.set(group, waiting);
    }
    waiting.keys.add(key);
    return (await waiting.answers).get(key);
  };
}
