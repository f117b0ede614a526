import { describe, expect, it } from 'vitest';
import type { SyncResponse } from '../../../../common/src/api/sync.js';
import { createSharedPages } from '../../../../server/src/sync/sharedPages.js';

const page = (next: number): SyncResponse => ({ protocol: 3, changes: [], next, hasMore: false });
const key = (latest: number, since = 10) => ({ tenantId: 't1', since, limit: 1000, protocol: 3, latest });

describe('shared sync pages', () => {
  it('computes a page once for everyone who asks for it at the same moment', async () => {
    const pages = createSharedPages();
    let computed = 0;
    let release = (_: SyncResponse) => {};
    const compute = () => {
      computed++;
      return new Promise<SyncResponse>((resolve) => (release = resolve));
    };
    const asked = Array.from({ length: 500 }, () => pages.get(key(12), compute));
    release(page(12));
    const answers = await Promise.all(asked);
    expect(computed).toBe(1);
    expect(answers.every((a) => a.next === 12)).toBe(true);
  });

  it('computes again once the tenant has a newer seq, so a page is never older than the feed', async () => {
    const pages = createSharedPages();
    await pages.get(key(12), async () => page(12));
    const fresh = await pages.get(key(13), async () => page(13));
    expect(fresh.next).toBe(13);
  });

  it('does not keep a failed computation', async () => {
    const pages = createSharedPages();
    await expect(pages.get(key(12), () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    expect((await pages.get(key(12), async () => page(12))).next).toBe(12);
  });

  it('keeps at most the pages it was given room for, dropping the least recently used', async () => {
    const pages = createSharedPages(2);
    let computed = 0;
    // Pages that stop at their limit: only those who ask from the same seq share them.
    const compute = async () => (computed++, { ...page(1), hasMore: true });
    await pages.get(key(1, 1), compute);
    await pages.get(key(1, 2), compute);
    await pages.get(key(1, 1), compute);
    await pages.get(key(1, 3), compute);
    expect(computed).toBe(3);
    await pages.get(key(1, 1), compute);
    expect(computed).toBe(3);
    await pages.get(key(1, 2), compute);
    expect(computed).toBe(4);
  });

  it('answers clients that stand further along from the page of the one furthest behind, cut at their own seq', async () => {
    const pages = createSharedPages();
    const from10: SyncResponse = {
      protocol: 3,
      changes: [
        { seq: 11, entity: 'post', id: 'p1', op: 'delete' },
        { seq: 14, entity: 'post', id: 'p2', op: 'delete' },
        { seq: 15, entity: 'post', id: 'p3', op: 'delete' },
      ],
      next: 15,
      hasMore: false,
    };
    let computed = 0;
    const compute = async () => (computed++, from10);
    await pages.get(key(15, 10), compute);
    const from14 = await pages.get(key(15, 14), compute);
    expect(from14.changes.map((c) => c.id)).toEqual(['p3']);
    expect(from14.next).toBe(15);
    expect((await pages.get(key(15, 15), compute)).changes).toEqual([]);
    // A client ahead of this node's newest seq (told by another node) keeps its own cursor.
    expect((await pages.get(key(15, 16), compute)).next).toBe(16);
    expect(computed).toBe(1);
  });

  it('computes for a client further behind than any page it keeps, and cuts nothing from a page that stopped at its limit', async () => {
    const pages = createSharedPages();
    let computed = 0;
    await pages.get(key(15, 12), async () => (computed++, page(15)));
    await pages.get(key(15, 8), async () => (computed++, { ...page(9), hasMore: true }));
    expect(computed).toBe(2);
    const from9 = await pages.get(key(15, 9), async () => (computed++, page(15)));
    expect(computed).toBe(3);
    expect(from9.next).toBe(15);
  });
});
