import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .withExif({ IFD0: { Copyright: 'Ward 3B camera 1234', Artist: 'Anna' } })
    .jpeg()
    .toBuffer();

describe.each(dialects)('image upload and serving (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    [anna, bram] = await Promise.all([s.login('1001'), s.login('1002')]);
  });
  afterAll(() => s?.close());

  const upload = (client: TestClient, raw: Buffer, contentType = 'image/jpeg') =>
    client.request('POST', '/v1/images', { raw, contentType });

  it('accepts a photo, strips its metadata, makes a thumbnail and attaches it to a post', async () => {
    const res = await upload(anna, await photo(3000, 2000));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ width: 2560, height: 1707, mime: 'image/jpeg' });
    const full = await fetch(`${s.url}/v1/images/${res.body.id}`, { headers: { authorization: `Bearer ${anna.token}` } });
    expect(full.headers.get('cache-control')).toContain('immutable');
    const meta = await sharp(Buffer.from(await full.arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();
    const thumb = await fetch(`${s.url}/v1/images/${res.body.id}?size=thumb`, { headers: { authorization: `Bearer ${anna.token}` } });
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(480);

    const post = await anna.post('/v1/posts', { body: 'Ons nieuwe teamlokaal! #verbouwing', imageIds: [res.body.id], photoConsent: true });
    expect(post.status).toBe(201);
    expect(post.body.images).toEqual([{ id: res.body.id, width: 2560, height: 1707 }]);
  });

  it('answers a repeat fetch with 304 when the client has it already', async () => {
    const res = await upload(anna, await photo(200, 100));
    const first = await fetch(`${s.url}/v1/images/${res.body.id}?size=thumb`, { headers: { authorization: `Bearer ${anna.token}` } });
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${s.url}/v1/images/${res.body.id}?size=thumb`, { headers: { authorization: `Bearer ${anna.token}`, 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('judges by content, not by the declared type: a text file called image/png is refused', async () => {
    const res = await upload(anna, Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    const res2 = await upload(anna, broken);
    expect(res2.status).toBe(422);
    expect(res2.body.error.code).toBe('invalid_image');
  });

  it('refuses a 50 MB image with too_large', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const res = await upload(anna, big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too_large');
    expect((await s.client().get('/health')).status).toBe(200);
  });

  it('does not let anyone attach someone else’s upload', async () => {
    const mine = await upload(anna, await photo(300, 300));
    const res = await bram.post('/v1/posts', { body: 'Kijk eens', imageIds: [mine.body.id], photoConsent: true });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('body.imageIds');
  });

  it('lets a ward PC without a session show public photos, but not a private group’s', async () => {
    const device = await s.enrolDevice();
    const team3b = (await anna.get('/v1/groups')).body.items.find((g: { name: string }) => g.name === 'Team 3B').id;
    const open = await upload(anna, await photo(300, 300));
    await anna.post('/v1/posts', { body: 'Voor iedereen', imageIds: [open.body.id], photoConsent: true });
    const hidden = await upload(anna, await photo(300, 300));
    await anna.post('/v1/posts', { body: 'Alleen het team', groupId: team3b, imageIds: [hidden.body.id], photoConsent: true });
    expect((await device.get(`/v1/images/${open.body.id}?size=thumb`)).status).toBe(200);
    expect((await device.get(`/v1/images/${hidden.body.id}?size=thumb`)).status).toBe(404);
    expect((await s.client().get(`/v1/images/${open.body.id}`)).status).toBe(401);
  });

  it('hides a private group’s photos from outsiders', async () => {
    const groups = await anna.get('/v1/groups');
    const team3b = groups.body.items.find((g: { name: string }) => g.name === 'Team 3B').id;
    const img = await upload(anna, await photo(300, 300));
    await anna.post('/v1/posts', { body: 'Alleen voor het team', groupId: team3b, imageIds: [img.body.id], photoConsent: true });
    const res = await fetch(`${s.url}/v1/images/${img.body.id}`, { headers: { authorization: `Bearer ${bram.token}` } });
    expect(res.status).toBe(404);
  });
});
