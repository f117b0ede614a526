import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { DEMO_PINS, startTestServer, testClock, testDialects, type DeviceClient, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('delivery grants for queued writes (%s)', (dialect) => {
  let s: TestServer;
  const clock = testClock();
  let ward: DeviceClient;
  let other: DeviceClient;
  let anna: DeviceClient & { grant: string };
  let bram: TestClient;
  let annaId: string;
  let bramsPost: string;

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now });
    [ward, other] = [await s.enrolDevice(), await s.enrolDevice()];
    anna = await ward.loginPin('1001');
    annaId = (await anna.get('/v1/me')).body.person.id;
    bram = await s.login('1002');
    bramsPost = (await bram.post('/v1/posts', { body: 'Wie heeft er zin in een wandeling na de dienst?' })).body.id;
  });
  afterAll(() => s?.close());

  const grantOn = (device: DeviceClient) => device.with(anna.grant);

  it('gives a password login on a workstation no grant', async () => {
    const res = await s.client().post('/v1/auth/password', { employeeNumber: '1003', password: 'welkom-carla' });
    expect(res.status).toBe(200);
    expect(res.body.deliveryGrant).toBeNull();
  });

  it('delivers posts, comments, likes, image uploads and deletes as Anna, with the device token', async () => {
    const g = grantOn(ward);
    const post = await g.post('/v1/posts', { body: 'Geschreven toen het netwerk weg was' });
    expect(post.status).toBe(201);
    expect(post.body.authorId).toBe(annaId);
    const comment = await g.post(`/v1/posts/${bramsPost}/comments`, { body: 'Ik ga mee!' });
    expect(comment.status).toBe(201);
    expect(comment.body.authorId).toBe(annaId);
    expect((await g.put(`/v1/posts/${bramsPost}/like`)).body).toEqual({ likeCount: 1, likedByMe: true });
    expect((await g.delete(`/v1/posts/${bramsPost}/like`)).body).toEqual({ likeCount: 0, likedByMe: false });
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#c00' } }).png().toBuffer();
    expect((await g.request('POST', '/v1/images', { raw: png, contentType: 'image/png' })).status).toBe(201);
    expect((await g.delete(`/v1/posts/${post.body.id}`)).status).toBe(200);
  });

  it('reads nothing: every GET route, the event stream, logout and non-grantable writes answer forbidden', async () => {
    const g = grantOn(ward);
    const answers = [
      await g.get('/v1/posts'),
      await g.get(`/v1/posts/${bramsPost}`),
      await g.get('/v1/me'),
      await g.get('/v1/sync?since=0'),
      await g.get('/v1/people'),
      await g.get('/v1/groups'),
      await g.patch(`/v1/posts/${bramsPost}`, { pinned: true }),
      await g.post('/v1/groups', { name: 'Via een grant', kind: 'informal', visibility: 'open' }),
      await g.post('/v1/auth/logout'),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    const events = await fetch(`${s.url}/v1/events`, { headers: { authorization: `Bearer ${anna.grant}`, 'x-samen-device': ward.deviceToken } });
    expect(events.status).toBe(403);
    await events.body?.cancel();
  });

  it('lets an editor’s grant deliver only her own writes: no deleting other people’s posts, no pinning', async () => {
    const carla = await ward.loginPin('1003');
    const g = ward.with(carla.grant);
    const bramsOther = (await bram.post('/v1/posts', { body: 'Niet van Carla, en dat blijft zo' })).body.id;

    const othersPost = await g.delete(`/v1/posts/${bramsOther}`);
    expect(othersPost.status).toBe(403);
    expect(othersPost.body.error.code).toBe('forbidden');
    const pinned = await g.post('/v1/posts', { body: 'Vastgezet met een grant', pinned: true });
    expect(pinned.status).toBe(403);
    expect(pinned.body.error.code).toBe('forbidden');
    expect((await bram.get(`/v1/posts/${bramsOther}`)).status).toBe(200);

    const own = await g.post('/v1/posts', { body: 'Carla’s eigen bericht, afgeleverd met haar grant' });
    expect(own.status).toBe(201);
    expect(own.body.pinned).toBe(false);
    expect((await g.post(`/v1/posts/${bramsOther}/comments`, { body: 'Carla reageert' })).status).toBe(201);
    expect((await g.put(`/v1/posts/${bramsOther}/like`)).status).toBe(200);
    expect((await g.delete(`/v1/posts/${own.body.id}`)).status).toBe(200);
    // Her own session, on the same PC, still moderates as an editor.
    expect((await carla.delete(`/v1/posts/${bramsOther}`)).status).toBe(200);
  });

  it('works only with the device it was issued on', async () => {
    const elsewhere = await grantOn(other).post('/v1/posts', { body: 'Van een andere PC' });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body.error.code).toBe('device_mismatch');
    const bare = await s.client(anna.grant).post('/v1/posts', { body: 'Zonder apparaat' });
    expect(bare.body.error.code).toBe('device_mismatch');
  });

  it('stays valid after Anna is locked out, so her queued writes still go out as her', async () => {
    const session = await ward.loginPin('1001');
    expect((await session.post('/v1/auth/logout', { reason: 'idle' })).status).toBe(200);
    expect((await session.get('/v1/me')).body.error.code).toBe('unauthenticated');
    // Bram taps in on the same PC; Anna's queued post still goes out with her grant.
    await ward.loginPin('1002');
    const queued = await ward.with(session.grant).post('/v1/posts', { body: 'In de wachtrij gezet voor de vergrendeling' });
    expect(queued.status).toBe(201);
    expect(queued.body.authorId).toBe(annaId);
  });

  it('counts a write retried with the grant as the same write (the Idempotency-Key belongs to the person)', async () => {
    const key = 'outbox-item-42';
    const first = await anna.post('/v1/posts', { body: 'Eén keer, ook bij opnieuw versturen' }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const retried = await grantOn(ward).post('/v1/posts', { body: 'Eén keer, ook bij opnieuw versturen' }, { 'idempotency-key': key });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body.id).toBe(first.body.id);
  });

  it('expires after 24 hours', async () => {
    const fresh = await ward.loginPin('1005', DEMO_PINS['1005']);
    clock.advance(23 * 3_600_000);
    try {
      expect((await fresh.with(fresh.grant).put(`/v1/posts/${bramsPost}/like`)).status).toBe(200);
      clock.advance(1.1 * 3_600_000);
      const late = await fresh.with(fresh.grant).delete(`/v1/posts/${bramsPost}/like`);
      expect(late.status).toBe(401);
      expect(late.body.error.code).toBe('token_expired');
    } finally {
      clock.advance(-24.1 * 3_600_000);
    }
  });
});
