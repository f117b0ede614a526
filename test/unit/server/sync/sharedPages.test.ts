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
    const compute = async () => (computed++, page(1));
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
});
