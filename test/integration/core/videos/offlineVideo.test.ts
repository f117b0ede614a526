import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostViewModel } from '../../../../common/src/ipc/views.js';
import { switchableFetch, coresStoppedAfterEach } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';
import { NO_FFMPEG, ffmpegAvailable, makeTestVideo } from '../../../fixtures/videos.js';

const tempDir = tempDirs();
const hasFfmpeg = await ffmpegAvailable();
if (!hasFfmpeg) console.warn(NO_FFMPEG);

const bodyOf = async (body: ReadableStream<Uint8Array> | Uint8Array | null) =>
  body === null ? Buffer.alloc(0) : body instanceof Uint8Array ? Buffer.from(body) : Buffer.from(await new Response(body).arrayBuffer());

describe.skipIf(!hasFfmpeg)('a post with a video written offline', () => {
  let server: TestServer;
  const startTracked = coresStoppedAfterEach();
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  it('waits in the outbox and plays from there, then goes up before its post and plays from the server by range', async () => {
    const net = switchableFetch();
    const u = startTracked({ url: server.url, dataDir: tempDir(), fetch: net.fetch });
    await u.login('1001');
    await waitFor(async () => {
      const s = await u.core.invoke('sync.status', {});
      return s.ok && s.value.lastSyncedAt !== null;
    }, 'first sync');

    net.state.online = false;
    const clip = await makeTestVideo();
    const video = { name: 'tillift.mov', mime: 'video/quicktime' as const, base64: clip.toString('base64') };
    expect(await u.core.invoke('post.create', { body: 'Zo werkt de tillift', video })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const created = await u.core.invoke('post.create', { body: 'Zo werkt de tillift', video, photoConsent: true });
    expect(created).toMatchObject({ ok: true, value: { delivery: 'sending', videos: [{ width: 0, posterUrl: null }] } });
    const waiting = (created as { value: PostViewModel }).value.videos![0]!;
    const local = await u.core.videos.video(waiting.id, 'bytes=0-9');
    expect(local.ok && local.value.status).toBe(206);
    expect(local.ok && (await bodyOf(local.value.body)).equals(clip.subarray(0, 10))).toBe(true);

    net.state.online = true;
    await u.core.invoke('sync.now', {});
    const sent = await waitFor(async () => {
      const list = await u.core.invoke('timeline.list', { limit: 5 });
      const post = list.ok ? list.value.items.find((p) => p.body === 'Zo werkt de tillift' && p.delivery === 'sent' && p.videos?.[0]?.posterUrl) : undefined;
      return post;
    }, 'the post with its video from the server');
    const stored = sent.videos![0]!;
    expect(stored).toMatchObject({ width: 320, height: 240, url: `/videos/${stored.id}`, posterUrl: `/videos/${stored.id}/poster` });

    const whole = await u.core.videos.video(stored.id, undefined);
    const all = whole.ok ? await bodyOf(whole.value.body) : Buffer.alloc(0);
    expect(whole.ok && whole.value.status).toBe(200);
    const part = await u.core.videos.video(stored.id, 'bytes=100-199');
    expect(part.ok && part.value.headers['content-range']).toBe(`bytes 100-199/${all.length}`);
    expect(part.ok && (await bodyOf(part.value.body)).equals(all.subarray(100, 200))).toBe(true);
    expect(await u.core.videos.video(stored.id, `bytes=${all.length}-`)).toMatchObject({ ok: true, value: { status: 416 } });
    const poster = await u.core.videos.poster(stored.id);
    expect(poster.ok && [...poster.value.bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });
});
