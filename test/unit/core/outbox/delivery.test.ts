import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { OUTBOX_FILE_NAME } from '../../../../main/core/outbox/outboxStore.js';
import { startCore, switchableFetch, type CoreUnderTest } from '../../../fixtures/core/coreHarness.js';
import { tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startRestartableServer, type RestartableServer } from '../../../fixtures/core/restartableServer.js';

const tempDir = tempDirs();

/** How many writes the outbox file holds, read as another process would. */
function itemsInOutboxFile(dataDir: string): number {
  const db = new Database(path.join(dataDir, OUTBOX_FILE_NAME), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('the outbox delivers what was written here exactly once', () => {
  let server: RestartableServer;
  const cores: CoreUnderTest[] = [];
  const core = (o: Parameters<typeof startCore>[0]) => {
    const u = startCore(o);
    cores.push(u);
    return u;
  };

  beforeAll(async () => {
    server = await startRestartableServer();
  });
  afterAll(() => server.close());
  afterEach(async () => {
    for (const u of cores.splice(0)) await u.core.stop();
  });

  const postsWithBody = (body: string) => server.db.kysely.selectFrom('posts').selectAll().where('body', '=', body).execute();
  const pendingWrites = async (u: CoreUnderTest) => {
    const s = await u.core.invoke('sync.status', {});
    return s.ok ? s.value.pendingWrites : -1;
  };
  const firstSync = (u: CoreUnderTest) =>
    waitFor(async () => {
      const s = await u.core.invoke('sync.status', {});
      return s.ok && s.value.lastSyncedAt !== null && s.value.state === 'online';
    }, 'first sync');

  it('even when the answer was lost and the app restarted before trying again', async () => {
    const dataDir = tempDir();
    const body = 'Overdracht: kamer 12 heeft een nieuwe rolstoel.';
    let storedBeforeSending = false;
    // The request reaches the server, which stores the post; the answer never comes back.
    const losesAnswer: typeof fetch = async (input, init) => {
      const isCreate = new URL(String(input)).pathname === '/v1/posts' && init?.method === 'POST';
      if (isCreate) storedBeforeSending = itemsInOutboxFile(dataDir) === 1;
      const res = await fetch(input, init);
      if (isCreate) throw new TypeError('connection reset');
      return res;
    };
    // The operating system's key store outlives the app: the outbox opens again after the restart.
    const keyStore = memorySecretStore();
    const first = core({ url: server.url, dataDir, secrets: keyStore, fetch: losesAnswer, tuning: { outboxRetry: { baseMs: 60_000, maxMs: 60_000 } } });
    await first.login('1001');
    const created = await first.core.invoke('post.create', { body });
    expect(created).toMatchObject({ ok: true, value: { body, delivery: 'sending', mine: true } });
    await waitFor(async () => (await postsWithBody(body)).length === 1, 'the server to store the post');
    expect(storedBeforeSending).toBe(true);
    await first.core.stop();
    cores.splice(cores.indexOf(first), 1);

    const second = core({ url: server.url, dataDir, secrets: keyStore });
    await second.login('1001');
    await waitFor(async () => (await pendingWrites(second)) === 0, 'delivery after restart');

    const stored = await postsWithBody(body);
    expect(stored).toHaveLength(1);
    expect(created.ok && stored[0]!.id).toBe(created.ok && created.value.id);
    const timeline = await second.core.invoke('timeline.list', { limit: 50 });
    expect(timeline.ok && timeline.value.items.filter((p) => p.body === body)).toHaveLength(1);
  });

  it('in the order it was written: a post, then a comment and a like on it, all made offline', async () => {
    const net = switchableFetch();
    const u = core({ url: server.url, dataDir: tempDir(), fetch: net.fetch });
    await u.login('1001');
    await firstSync(u);
    net.state.online = false;

    const post = await u.core.invoke('post.create', { body: 'Nieuwe koffieautomaat op 3B! #koffie' });
    if (!post.ok) throw new Error(post.error.message);
    const comment = await u.core.invoke('comment.create', { postId: post.value.id, body: 'Eindelijk!' });
    const liked = await u.core.invoke('post.like', { id: post.value.id, liked: true });
    expect(comment).toMatchObject({ ok: true, value: { delivery: 'sending', body: 'Eindelijk!' } });
    expect(liked).toMatchObject({ ok: true, value: { likedByMe: true, likeCount: 1, likePending: true, commentCount: 1, delivery: 'sending' } });
    expect(await pendingWrites(u)).toBe(3);

    net.state.requests.length = 0;
    net.state.online = true;
    await u.core.invoke('sync.now', {});
    await waitFor(async () => (await pendingWrites(u)) === 0, 'delivery');

    const writes = net.state.requests.filter((r) => r.reached && r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(post.value.id, ':id')}`);
    expect(writes).toEqual(['POST /v1/posts', 'POST /v1/posts/:id/comments', 'PUT /v1/posts/:id/like']);
    const [stored] = await server.db.kysely.selectFrom('posts').selectAll().where('id', '=', post.value.id).execute();
    expect(stored).toMatchObject({ like_count: 1, comment_count: 1 });
    await waitFor(async () => {
      const view = await u.core.invoke('post.get', { id: post.value.id });
      return view.ok && view.value.delivery === 'sent' && view.value.likedByMe && view.value.likeCount === 1 && !view.value.likePending && view.value.commentCount === 1;
    }, 'the synced post to show the same as the optimistic one');
  });

  it('while the server is down: writes wait, then arrive once when it is back', async () => {
    const u = core({ url: server.url, dataDir: tempDir() });
    await u.login('1001');
    await firstSync(u);
    await server.stop();
    try {
      const body = 'Storing? Dit bericht wacht tot de server terug is.';
      const created = await u.core.invoke('post.create', { body });
      expect(created).toMatchObject({ ok: true, value: { delivery: 'sending' } });
      const status = await u.core.invoke('sync.now', {});
      expect(status).toMatchObject({ ok: true, value: { state: 'offline', pendingWrites: 1 } });
      const shown = await u.core.invoke('timeline.list', { limit: 5 });
      expect(shown.ok && shown.value.items[0]).toMatchObject({ body, delivery: 'sending' });

      await server.restart();
      await waitFor(async () => (await pendingWrites(u)) === 0, 'delivery after the outage');
      expect(await postsWithBody(body)).toHaveLength(1);
    } finally {
      await server.restart();
    }
  });
});
