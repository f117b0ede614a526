import { describe, expect, it } from 'vitest';
import { createBatchedRead } from '../../../../server/src/db/batchedReads.js';

/** A database stand-in whose reads finish when the test says so, and which records what each read asked. */
function fakeStore(values: Record<string, number>) {
  const reads: { group: string; keys: string[]; finish: () => void; fail: (err: Error) => void }[] = [];
  const read = (group: string, keys: string[]) =>
    new Promise<Map<string, number>>((resolve, reject) => {
      // The answer is what the store holds when the read runs, as a statement sees what has committed.
      reads.push({ group, keys, finish: () => resolve(new Map(keys.filter((k) => k in values).map((k) => [k, values[k]!]))), fail: reject });
    });
  return { reads, read };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('batched reads', () => {
  it('reads at once when nothing is in flight, so a quiet server adds no wait', async () => {
    const store = fakeStore({ a: 1 });
    const lookup = createBatchedRead(store.read);
    const answer = lookup('t1', 'a');
    expect(store.reads).toHaveLength(1);
    store.reads[0]!.finish();
    expect(await answer).toBe(1);
  });

  it('answers everyone who asked during a read with one next read, started only after they asked', async () => {
    const values: Record<string, number> = { a: 1, b: 2, c: 3 };
    const store = fakeStore(values);
    const lookup = createBatchedRead(store.read);
    const first = lookup('t1', 'a');
    // These come while the first read runs; the first read started before they asked and must not answer them.
    values.b = 20;
    const waiting = [lookup('t1', 'b'), lookup('t1', 'c'), lookup('t1', 'b'), lookup('t1', 'missing')];
    expect(store.reads).toHaveLength(1);
    store.reads[0]!.finish();
    expect(await first).toBe(1);
    await tick();
    expect(store.reads).toHaveLength(2);
    expect(store.reads[1]!.keys.sort()).toEqual(['b', 'c', 'missing']);
    store.reads[1]!.finish();
    expect(await Promise.all(waiting)).toEqual([20, 3, 20, undefined]);
  });

  it('keeps groups apart: one tenant’s read in flight does not hold up another’s', async () => {
    const store = fakeStore({ a: 1, b: 2 });
    const lookup = createBatchedRead(store.read);
    void lookup('t1', 'a');
    const other = lookup('t2', 'b');
    expect(store.reads.map((r) => r.group)).toEqual(['t1', 't2']);
    store.reads[1]!.finish();
    expect(await other).toBe(2);
  });

  it('gives a failed read’s error to its callers only, and the next callers get a fresh read', async () => {
    const store = fakeStore({ a: 1 });
    const lookup = createBatchedRead(store.read);
    const failing = lookup('t1', 'a');
    const queued = lookup('t1', 'a');
    store.reads[0]!.fail(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    await tick();
    expect(store.reads).toHaveLength(2);
    store.reads[1]!.finish();
    expect(await queued).toBe(1);
    const later = lookup('t1', 'a');
    await tick();
    store.reads[2]!.finish();
    expect(await later).toBe(1);
  });
});
