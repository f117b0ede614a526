import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../../main/core/cache/openCache.js';
import { createHttpClient, type HttpClient } from '../../../../main/core/net/httpClient.js';
import { sharedSink } from '../../../../main/core/sync/feedSinks.js';
import { pullFeed, type FeedSink } from '../../../../main/core/sync/pullFeed.js';
import { closeServer, memoryLog, tempDirs } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();
const clock = { now: () => new Date('2025-05-01T08:00:00.000Z') };

/** The cache's content, without bookkeeping, to compare two caches. */
const content = (cache: Cache) =>
  cache.read((c) =>
    ['organisation', 'locations', 'departments', 'people', 'groups', 'posts', 'post_hashtags', 'hashtag_counts', 'comments'].map((table) =>
      c.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all(),
    ),
  );

describe('a first sync that is killed between pages', () => {
  let server: TestServer;
  let http: HttpClient;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    http = createHttpClient({ baseUrl: server.url });
    const login = await http.call('authPassword', { body: { employeeNumber: '1001', password: 'welkom-anna' } });
    if (!login.ok) throw new Error(login.error.message);
    token = login.value.token;
  });
  afterAll(() => closeServer(server));

  const pull = (cache: Cache, signal: AbortSignal, sink: FeedSink = sharedSink(cache, clock, () => undefined, () => undefined)) =>
    pullFeed(http, { token, scope: 'shared', pageSize: 40, signal }, sink);

  it('resumes from the cursor of its last whole page and ends identical to an uninterrupted sync', async () => {
    const dir = tempDir();
    let cache = openCache({ dataDir: dir, log: memoryLog(), clock });
    const kill = new AbortController();
    const inner = sharedSink(cache, clock, () => undefined, () => undefined);
    let pages = 0;
    const killedAfterThree: FeedSink = {
      cursor: inner.cursor,
      apply(changes, next, last) {
        inner.apply(changes, next, last);
        if (++pages === 3) kill.abort();
      },
    };

    const killed = await pull(cache, kill.signal, killedAfterThree);
    expect(killed.ok).toBe(false);
    expect(pages).toBe(3);
    const cursorAtKill = cache.read((c) => c.state.cursor());
    const postsAtKill = cache.read((c) => c.posts.list({}, null, 10_000)).length;
    cache.close();

    cache = openCache({ dataDir: dir, log: memoryLog(), clock });
    expect(cache.read((c) => c.state.cursor())).toBe(cursorAtKill);
    expect(cursorAtKill).toBeGreaterThan(0);
    expect(cache.read((c) => c.state.lastSyncedAt())).toBeNull();
    const resumed = await pull(cache, new AbortController().signal);
    expect(resumed.ok).toBe(true);

    const whole = openCache({ dataDir: tempDir(), log: memoryLog(), clock });
    expect((await pull(whole, new AbortController().signal)).ok).toBe(true);
    expect(cache.read((c) => c.posts.list({}, null, 10_000)).length).toBeGreaterThan(postsAtKill);
    expect(content(cache)).toEqual(content(whole));
    expect(cache.read((c) => c.state.cursor())).toBe(whole.read((c) => c.state.cursor()));
    expect(cache.read((c) => c.state.lastSyncedAt())).toBe('2025-05-01T08:00:00.000Z');
    cache.close();
    whole.close();
  });
});
