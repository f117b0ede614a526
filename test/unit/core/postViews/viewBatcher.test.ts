import { describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../../main/core/net/httpClient.js';
import type { NetError } from '../../../../main/core/net/netError.js';
import { createViewBatcher } from '../../../../main/core/postViews/viewBatcher.js';
import type { ActiveSession } from '../../../../main/core/session/sessionManager.js';
import { manualTime } from '../../../fixtures/core/manualTime.js';

const session = (name: string, grant: string | null = null) =>
  ({ token: `session-${name}`, person: { id: name }, deliveryGrant: grant ? { token: grant, expiresAt: '2099-01-01T00:00:00.000Z' } : null }) as unknown as ActiveSession;

const offline: NetError = { code: 'offline', message: 'down', status: null, serverCode: null, retryable: true };

/** A server that records every batch, with whose token it came, and answers each post seen once. */
function fakeServer() {
  const batches: { token: string; postIds: string[] }[] = [];
  let failNext = 0;
  const http = {
    async call(_name: string, o: { token: string; body: { postIds: string[] } }) {
      batches.push({ token: o.token, postIds: o.body.postIds });
      if (failNext > 0) {
        failNext--;
        return { ok: false, error: offline };
      }
      return { ok: true, value: { counts: o.body.postIds.map((postId) => ({ postId, viewCount: 1 })) } };
    },
  } as unknown as HttpClient;
  return { http, batches, failNext: (n: number) => (failNext = n) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('view batching', () => {
  it('sends the posts she saw together a few seconds after the first, each once', async () => {
    const time = manualTime();
    const server = fakeServer();
    const anna = session('anna');
    const counts: string[] = [];
    const views = createViewBatcher({ http: server.http, timers: time.timers, session: () => anna, onCounts: (c) => counts.push(...c.map((x) => x.postId)), batching: { delayMs: 5_000, maxRetryMs: 60_000 } });
    views.seen(['p1']);
    time.advance(2_000);
    views.seen(['p2', 'p1']);
    expect(server.batches).toEqual([]);
    time.advance(3_000);
    await settle();
    expect(server.batches).toEqual([{ token: 'session-anna', postIds: ['p1', 'p2'] }]);
    expect(counts).toEqual(['p1', 'p2']);
    views.seen(['p1', 'p2']);
    time.advance(10_000);
    await settle();
    expect(server.batches).toHaveLength(1);
  });

  it('tries a batch again after a failure, once more as she leaves, and never after', async () => {
    const time = manualTime();
    const server = fakeServer();
    let here: ActiveSession | null = session('anna');
    const views = createViewBatcher({ http: server.http, timers: time.timers, session: () => here, onCounts: () => undefined, batching: { delayMs: 1_000, maxRetryMs: 60_000 } });
    server.failNext(1);
    views.seen(['p1']);
    time.advance(1_000);
    await settle();
    time.advance(2_000);
    await settle();
    expect(server.batches.map((b) => b.postIds)).toEqual([['p1'], ['p1']]);
    server.failNext(1);
    views.seen(['p2']);
    time.advance(1_000);
    await settle();
    here = null;
    views.sessionEnded();
    time.advance(120_000);
    await settle();
    expect(server.batches.map((b) => b.postIds)).toEqual([['p1'], ['p1'], ['p2'], ['p2']]);
  });

  it('sends what she saw when she taps out, with her grant, and starts the next person empty', async () => {
    const time = manualTime();
    const server = fakeServer();
    let here: ActiveSession | null = session('anna', 'grant-anna');
    const views = createViewBatcher({ http: server.http, timers: time.timers, session: () => here, onCounts: () => undefined });
    views.seen(['p1', 'p2']);
    views.sessionEnded();
    here = session('bram');
    views.seen(['p1']);
    time.advance(60_000);
    await settle();
    expect(server.batches).toEqual([
      { token: 'grant-anna', postIds: ['p1', 'p2'] },
      { token: 'session-bram', postIds: ['p1'] },
    ]);
  });
});
