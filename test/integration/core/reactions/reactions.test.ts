import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coresStoppedAfterEach, switchableFetch } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('reactions through the outbox', () => {
  let server: TestServer;
  const startTracked = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  it('shows her reaction at once offline, counts her once with the last one she chose, and keeps it after the sync', async () => {
    const net = switchableFetch();
    const u = startTracked({ url: server.url, dataDir: tempDir(), fetch: net.fetch });
    await u.login('1001');
    const bram = await server.login('1002');
    const post = (await bram.post<{ id: string }>('/v1/posts', { body: 'Wie helpt zaterdag mee met de zomermarkt?' })).body;
    await waitFor(async () => (await u.core.invoke('post.get', { id: post.id })).ok && (await u.core.invoke('timeline.list', { limit: 5 })).ok, 'the post synced');
    await u.core.invoke('sync.now', {});

    net.state.online = false;
    const first = await u.core.invoke('post.react', { id: post.id, kind: 'hart' });
    expect(first.ok && first.value).toMatchObject({ likedByMe: true, myReaction: 'hart', likeCount: 1, reactions: { hart: 1 } });
    const second = await u.core.invoke('post.react', { id: post.id, kind: 'applaus' });
    expect(second.ok && second.value).toMatchObject({ myReaction: 'applaus', likeCount: 1, reactions: { hart: 0, applaus: 1 } });

    net.state.online = true;
    await u.core.invoke('sync.now', {});
    await waitFor(async () => (await bram.get(`/v1/posts/${post.id}`)).body.reactions?.applaus === 1, 'the reaction on the server');
    // The first may have been on its way when she changed her mind; either way she counts once, as applaus.
    expect((await bram.get(`/v1/posts/${post.id}`)).body).toMatchObject({ likeCount: 1, reactions: { like: 0, hart: 0, applaus: 1, inzichtelijk: 0, bedankt: 0 } });

    await u.core.invoke('sync.now', {});
    const after = await u.core.invoke('post.get', { id: post.id });
    expect(after.ok && after.value).toMatchObject({ likedByMe: true, myReaction: 'applaus', likeCount: 1, likePending: false, reactions: { applaus: 1 } });

    expect((await u.core.invoke('post.react', { id: post.id, kind: null })).ok).toBe(true);
    await waitFor(async () => (await bram.get(`/v1/posts/${post.id}`)).body.likeCount === 0, 'the reaction taken back');
  });
});
