import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostView } from '../../../../common/src/api/routes.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';
import { NO_FFMPEG, ffmpegAvailable, fetchBytes, makeTestVideo, probeVideo } from '../../../fixtures/videos.js';

const dialects = await testDialects();
const hasFfmpeg = await ffmpegAvailable();
if (!hasFfmpeg) console.warn(NO_FFMPEG);
const HOUR = 3_600_000;

describe.skipIf(!hasFfmpeg).each(dialects)('short videos on posts (%s)', (dialect) => {
  const clock = testClock('2030-05-06T08:00:00.000Z');
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  let clip: Buffer;
  let team3b: string;
  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now });
    [anna, bram] = await Promise.all([s.login('1001'), s.login('1002')]);
    clip = await makeTestVideo();
    team3b = ((await anna.get('/v1/groups')).body.items as { id: string; name: string }[]).find((g) => g.name === 'Team 3B')!.id;
  });
  afterAll(() => s?.close());

  const upload = (client: TestClient, raw: Buffer, contentType = 'video/quicktime') => client.request('POST', '/v1/videos', { raw, contentType });
  const bytes = (client: TestClient, path: string, headers: Record<string, string> = {}) =>
    fetchBytes(s.url, path, { authorization: `Bearer ${client.token}`, ...headers });

  it('stores an upload as MP4 without its GPS position or title, with a poster, and puts it on a post with consent', async () => {
    const res = await upload(anna, clip);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ width: 320, height: 240 });
    expect(res.body.durationMs).toBeGreaterThan(1500);
    expect(res.body.durationMs).toBeLessThan(2500);
    const id = res.body.id as string;

    const stored = await bytes(anna, `/v1/videos/${id}`);
    expect(stored.status).toBe(200);
    expect(stored.headers.get('content-type')).toBe('video/mp4');
    expect(stored.headers.get('accept-ranges')).toBe('bytes');
    const probed = await probeVideo(stored.bytes);
    expect(probed.streams.map((st) => st.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(JSON.stringify(probed.tags)).not.toMatch(/52\.3|location|Jansen|title/i);
    expect((await probeVideo(clip)).tags.location).toBe('+52.3+4.9/');

    const poster = await bytes(anna, `/v1/videos/${id}/poster`);
    expect(poster.status).toBe(200);
    expect(poster.headers.get('content-type')).toBe('image/jpeg');
    expect([...poster.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

    const refused = await anna.post('/v1/posts', { body: 'Zo gaat de tillift', videoIds: [id] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['body.photoConsent']);
    const made = await anna.post<PostView>('/v1/posts', { body: 'Zo gaat de tillift', videoIds: [id], photoConsent: true });
    expect(made.status).toBe(201);
    expect(made.body.videos).toEqual([res.body]);
    expect((await bram.get<PostView>(`/v1/posts/${made.body.id}`)).body.videos).toEqual([res.body]);
  });

  it('answers range requests with exactly the asked bytes, across chunk borders, and 416 outside the video', async () => {
    const id = (await upload(anna, clip)).body.id as string;
    await anna.post('/v1/posts', { body: 'Voor iedereen', videoIds: [id], photoConsent: true });
    const whole = (await bytes(bram, `/v1/videos/${id}`)).bytes;
    const size = whole.length;

    const first = await bytes(bram, `/v1/videos/${id}`, { range: 'bytes=0-99' });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
    expect(first.bytes.equals(whole.subarray(0, 100))).toBe(true);

    const middle = Math.floor(size / 2);
    const open = await bytes(bram, `/v1/videos/${id}`, { range: `bytes=${middle}-` });
    expect(open.headers.get('content-range')).toBe(`bytes ${middle}-${size - 1}/${size}`);
    expect(open.bytes.equals(whole.subarray(middle))).toBe(true);

    const tail = await bytes(bram, `/v1/videos/${id}`, { range: 'bytes=-10' });
    expect(tail.bytes.equals(whole.subarray(size - 10))).toBe(true);

    const past = await bytes(bram, `/v1/videos/${id}`, { range: `bytes=${size}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);
  });

  it('scales a large video down to 1280 px and reads a range across its stored chunks', async () => {
    const big = await makeTestVideo({ seconds: 1, size: '1360x200', noise: true });
    const res = await upload(anna, big);
    expect(res.body).toMatchObject({ width: 1280, height: 188 });
    const id = res.body.id as string;
    const whole = (await bytes(anna, `/v1/videos/${id}`)).bytes;
    const chunks = await s.db.kysely.selectFrom('video_chunks').select('position').where('video_id', '=', id).execute();
    expect(chunks.length).toBeGreaterThan(1);
    const from = 256 * 1024 - 5;
    const to = Math.min(whole.length - 1, 256 * 1024 + 5);
    const across = await bytes(anna, `/v1/videos/${id}`, { range: `bytes=${from}-${to}` });
    expect(across.bytes.equals(whole.subarray(from, to + 1))).toBe(true);
  });

  it('refuses what is not a video with 415 and a video over a minute with 400, in Dutch', async () => {
    const text = await upload(anna, Buffer.from('dit is geen video maar een tekstbestand'), 'video/mp4');
    expect(text.status).toBe(415);
    expect(text.body.error.message).toMatch(/geen video/);
    const jpeg = await upload(anna, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), 'video/mp4');
    expect(jpeg.status).toBe(415);

    const long = await upload(anna, await makeTestVideo({ seconds: 70, size: '64x64' }));
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/hoogstens een minuut/);

    const broken = Buffer.concat([clip.subarray(0, 64), Buffer.alloc(2000, 7)]);
    const unreadable = await upload(anna, broken);
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error.message).toMatch(/kan niet worden gelezen/);
  });

  it('keeps a private group’s video from outsiders and from a ward PC, and an unposted upload from all but its owner', async () => {
    const id = (await upload(anna, clip)).body.id as string;
    expect((await bytes(bram, `/v1/videos/${id}`)).status).toBe(404);
    expect((await bytes(anna, `/v1/videos/${id}`)).status).toBe(200);
    expect((await bram.post('/v1/posts', { body: 'Niet de mijne', videoIds: [id], photoConsent: true })).status).toBe(400);

    expect((await anna.post('/v1/posts', { body: 'Alleen het team', groupId: team3b, videoIds: [id], photoConsent: true })).status).toBe(201);
    expect((await bytes(bram, `/v1/videos/${id}`)).status).toBe(404);
    expect((await bytes(bram, `/v1/videos/${id}/poster`)).status).toBe(404);
    expect((await bytes(bram, `/v1/videos/${id}`, { range: 'bytes=0-10' })).status).toBe(404);
    const device = await s.enrolDevice();
    expect((await fetchBytes(s.url, `/v1/videos/${id}/poster`, { 'x-samen-device': device.deviceToken })).status).toBe(404);
    expect((await bytes(anna, `/v1/videos/${id}/poster`)).status).toBe(200);
  });

  it('lets a planned post wait with its video and publishes it with the video at its time', async () => {
    const id = (await upload(anna, clip)).body.id as string;
    const later = new Date(clock.now().getTime() + HOUR).toISOString();
    expect((await anna.post('/v1/posts', { body: 'Straks: de tillift', videoIds: [id], publishAt: later })).status).toBe(400);
    const waiting = await anna.post<PostView>('/v1/posts', { body: 'Straks: de tillift', videoIds: [id], publishAt: later, photoConsent: true });
    expect(waiting.status).toBe(201);
    expect(waiting.body.videos?.map((v) => v.id)).toEqual([id]);
    clock.advance(HOUR + 1000);
    expect(await s.server.publishDuePosts()).toBe(1);
    const published = await bram.get<PostView>(`/v1/posts/${waiting.body.id}`);
    expect(published.body.videos?.map((v) => v.id)).toEqual([id]);
    expect((await bytes(bram, `/v1/videos/${id}/poster`)).status).toBe(200);
  });

  it('deletes a video with its post, and an upload never posted after a day', async () => {
    const posted = (await upload(anna, clip)).body.id as string;
    const post = (await anna.post<PostView>('/v1/posts', { body: 'Even laten zien', videoIds: [posted], photoConsent: true })).body;
    const stray = (await upload(anna, clip)).body.id as string;
    const rowsOf = async (id: string) => (await s.db.kysely.selectFrom('video_chunks').select('position').where('video_id', '=', id).execute()).length;
    expect(await rowsOf(stray)).toBeGreaterThan(0);

    expect((await anna.delete(`/v1/posts/${post.id}`)).status).toBe(200);
    expect((await bytes(anna, `/v1/videos/${posted}`)).status).toBe(404);
    expect(await rowsOf(posted)).toBe(0);

    clock.advance(25 * HOUR);
    await s.server.runMaintenance();
    const annaNow = await s.login('1001');
    expect((await bytes(annaNow, `/v1/videos/${stray}`)).status).toBe(404);
    expect(await rowsOf(stray)).toBe(0);
  });
});

describe('a server without ffmpeg', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite', { options: { ffmpegPath: '/nonexistent/ffmpeg' } });
  });
  afterAll(() => s?.close());

  it('starts, serves posts, and answers a video upload with 503 and a clear Dutch reason', async () => {
    const anna = await s.login('1001');
    // The start of an MP4: it passes the sniffing, so the missing ffprobe is what stops it.
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(64)]);
    const res = await anna.request('POST', '/v1/videos', { raw: mp4, contentType: 'video/mp4' });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/^Video’s kunnen op deze server niet verwerkt worden: ffmpeg ontbreekt/);
    expect((await anna.post('/v1/posts', { body: 'Gewoon tekst kan nog' })).status).toBe(201);
  });
});
