import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_FILE_NAME } from '../../../../main/core/outbox/outboxStore.js';
import { personId, switchableFetch, type CoreUnderTest, coresStoppedAfterEach } from '../../../fixtures/core/coreHarness.js';
import { closeServer, dumpDatabaseFile, tempDirs, testImageUrl, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('outbox', () => {
  let server: TestServer;
  const startTracked = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  /** Anna, logged in and synced, with a network cable that can be pulled. */
  async function annaWithCable() {
    const net = switchableFetch();
    const dataDir = tempDir();
    const u = startTracked({ url: server.url, dataDir, fetch: net.fetch });
    await u.login('1001');
    await waitFor(async () => {
      const s = await u.core.invoke('sync.status', {});
      return s.ok && s.value.lastSyncedAt !== null;
    }, 'first sync');
    return { u, net, dataDir };
  }
  const pendingWrites = async (u: CoreUnderTest) => {
    const s = await u.core.invoke('sync.status', {});
    return s.ok ? s.value.pendingWrites : -1;
  };
  const backOnline = async (u: CoreUnderTest, net: ReturnType<typeof switchableFetch>) => {
    net.state.online = true;
    await u.core.invoke('sync.now', {});
  };

  it('reports a comment on a post deleted meanwhile, drops it, and does not try again', async () => {
    const { u, net } = await annaWithCable();
    const bram = await server.login('1002');
    const post = await bram.post<{ id: string }>('/v1/posts', { body: 'Wie ruilt zaterdag een dienst?' });
    await waitFor(async () => (await u.core.invoke('comment.list', { postId: post.body.id })).ok, 'Bram’s post to be synced');

    net.state.online = false;
    expect(await u.core.invoke('comment.create', { postId: post.body.id, body: 'Ik kan wel!' })).toMatchObject({ ok: true });
    expect((await bram.delete(`/v1/posts/${post.body.id}`)).status).toBe(200);
    await backOnline(u, net);

    const rejected = await waitFor(() => u.events['outbox.rejected'][0], 'the rejection');
    expect(rejected).toEqual({ kind: 'comment', code: 'not_found', message: expect.any(String), preview: 'Ik kan wel!' });
    expect(await pendingWrites(u)).toBe(0);
    await u.core.invoke('sync.now', {});
    // Writes go out one at a time, in order: once a later write has arrived, a retry would have too.
    const later = await bram.post<{ id: string }>('/v1/posts', { body: 'Zaterdag is al geregeld, dank jullie.' });
    await waitFor(async () => (await u.core.invoke('comment.list', { postId: later.body.id })).ok, 'Bram’s next post to be synced');
    await u.core.invoke('post.like', { id: later.body.id, liked: true });
    await waitFor(async () => (await bram.get<{ likeCount: number }>(`/v1/posts/${later.body.id}`)).body.likeCount === 1, 'the later like delivered');
    const attempts = net.state.requests.filter((r) => r.reached && r.method === 'POST' && r.path === `/v1/posts/${post.body.id}/comments`);
    expect(attempts).toHaveLength(1);
    expect(u.events['outbox.rejected']).toHaveLength(1);
  });

  it('pauses when the server no longer accepts the session, keeps the write, and sends it after the next login', async () => {
    const { u, net, dataDir } = await annaWithCable();
    net.state.online = false;
    const body = 'Dit bericht wacht op een nieuwe login.';
    const created = await u.core.invoke('post.create', { body });
    if (!created.ok) throw new Error(created.error.message);
    await server.db.kysely.updateTable('sessions').set({ revoked_at: new Date().toISOString() }).where('person_id', '=', await personId(server, '1001')).execute();
    await backOnline(u, net);

    await waitFor(() => u.events['session.changed'].some((s) => s.state === 'loggedOut'), 'the session to end');
    expect(await dumpDatabaseFile(path.join(dataDir, OUTBOX_FILE_NAME))).toContain(created.value.id);
    expect(await server.db.kysely.selectFrom('posts').select('id').where('body', '=', body).execute()).toHaveLength(0);

    await u.login('1001');
    await waitFor(async () => (await server.db.kysely.selectFrom('posts').select('id').where('body', '=', body).execute()).length === 1, 'delivery');
    expect(u.events['outbox.rejected']).toEqual([]);
  });

  it('shows a picture at once from the outbox, then uploads it before the post that uses it', async () => {
    const { u, net } = await annaWithCable();
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0B5E73' } }).png().toBuffer();
    net.state.online = false;

    const images = [{ name: 'bord.png', mime: 'image/png' as const, base64: png.toString('base64') }];
    // Photos go only with the author's confirmation that recognisable people on them gave permission.
    expect(await u.core.invoke('post.create', { body: 'Ons nieuwe teambord', images })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await pendingWrites(u)).toBe(0);
    const created = await u.core.invoke('post.create', { body: 'Ons nieuwe teambord', images, photoConsent: true });
    if (!created.ok) throw new Error(created.error.message);
    const [image] = created.value.images;
    expect(image).toMatchObject({ width: 40, height: 30, url: testImageUrl(image!.id, 'full'), thumbUrl: testImageUrl(image!.id, 'thumb') });
    const local = await u.core.images.fetch(image!.id, 'full');
    expect(local.ok && Buffer.from(local.value.bytes).equals(png)).toBe(true);
    // Hers alone until delivered: a shell does not let the browser keep it.
    expect(local.ok && local.value.shared).toBe(false);

    await backOnline(u, net);
    await waitFor(async () => (await pendingWrites(u)) === 0, 'delivery');
    const writes = net.state.requests.filter((r) => r.reached && r.method === 'POST').map((r) => r.path);
    expect(writes.slice(-2)).toEqual(['/v1/images', '/v1/posts']);
    const stored = await server.db.kysely.selectFrom('images').select(['id', 'width', 'height']).where('post_id', '=', created.value.id).execute();
    expect(stored).toEqual([{ id: expect.any(String), width: 40, height: 30 }]);
    await waitFor(async () => {
      const view = await u.core.invoke('post.get', { id: created.value.id });
      return view.ok && view.value.images[0]?.id === stored[0]!.id;
    }, 'the synced post with the server’s image id');
    const remote = await u.core.images.fetch(stored[0]!.id, 'thumb');
    expect(remote).toMatchObject({ ok: true, value: { mime: 'image/webp' } });
  });

  it('refuses a file that is no picture before queuing anything', async () => {
    const { u } = await annaWithCable();
    const result = await u.core.invoke('post.create', {
      body: 'Kijk!',
      images: [{ name: 'virus.png', mime: 'image/png', base64: Buffer.from('MZ not really a png').toString('base64') }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_image' } });
    expect(await pendingWrites(u)).toBe(0);
  });

  it('takes back a post that was never sent when it is deleted, with its likes, without asking the server', async () => {
    const { u, net } = await annaWithCable();
    net.state.online = false;
    const created = await u.core.invoke('post.create', { body: 'Oeps, verkeerde groep' });
    if (!created.ok) throw new Error(created.error.message);
    await u.core.invoke('post.like', { id: created.value.id, liked: true });

    expect(await u.core.invoke('post.delete', { id: created.value.id })).toEqual({ ok: true, value: { ok: true } });
    expect(await pendingWrites(u)).toBe(0);
    const timeline = await u.core.invoke('timeline.list', { limit: 10 });
    expect(timeline.ok && timeline.value.items.some((p) => p.id === created.value.id)).toBe(false);

    net.state.requests.length = 0;
    await backOnline(u, net);
    expect(net.state.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('does not let someone delete a colleague’s post', async () => {
    const { u } = await annaWithCable();
    const bram = await server.login('1002');
    const post = await bram.post<{ id: string }>('/v1/posts', { body: 'Van Bram' });
    await waitFor(async () => (await u.core.invoke('comment.list', { postId: post.body.id })).ok, 'Bram’s post to be synced');

    expect(await u.core.invoke('post.delete', { id: post.body.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await pendingWrites(u)).toBe(0);
  });
});
