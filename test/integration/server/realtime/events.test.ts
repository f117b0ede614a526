import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { openEventStream } from '../../../fixtures/sseReader.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

/**
 * An event stream read as the bytes on the wire, asked for over HTTP/1.0 (so without chunks, as an
 * old proxy would), once its first seq event has come.
 */
async function rawStream(url: string, token: string) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let raw = '';
  socket.setEncoding('utf8');
  socket.on('data', (d: string) => (raw += d));
  socket.write(`GET /v1/events HTTP/1.0\r\nHost: ${hostname}\r\nAccept: text/event-stream\r\nAuthorization: Bearer ${token}\r\n\r\n`);
  const until = async (test: () => boolean) => {
    for (let i = 0; i < 100 && !test(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(test()).toBe(true);
  };
  await until(() => raw.includes('event: seq'));
  return { text: () => raw, until, close: () => socket.destroy() };
}

describe.each(dialects)('realtime events /v1/events (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    [anna, bram] = await Promise.all([s.login('1001'), s.login('1002')]);
  });
  afterAll(() => s?.close());

  it('tells a second connection about a new post within a second', async () => {
    const stream = await openEventStream(s.url, bram.token!);
    const initial = await stream.waitFor((e) => e.event === 'seq');
    const started = Date.now();
    const post = await anna.post('/v1/posts', { body: 'Wie heeft de sleutel van de medicijnkar?' });
    const announced = await stream.waitFor((e) => e.event === 'seq' && e.data.seq > initial.data.seq, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    const page = await bram.get(`/v1/sync?since=${initial.data.seq}`);
    expect(page.body.changes.map((c: { id: string }) => c.id)).toContain(post.body.id);
    expect(announced.id).toBe(String(announced.data.seq));
    stream.close();
  });

  it('tells a stream of a burst of writes in seq order, each seq once, up to the last', async () => {
    const stream = await openEventStream(s.url, bram.token!);
    const initial = await stream.waitFor((e) => e.event === 'seq');
    const posts = await Promise.all(Array.from({ length: 20 }, (_, i) => anna.post('/v1/posts', { body: `Dienstwissel ${i + 1}: wie neemt het over?` })));
    const last = Math.max(...(await bram.get(`/v1/sync?since=${initial.data.seq}&scope=shared`)).body.changes.map((c: { seq: number }) => c.seq));
    await stream.waitFor((e) => e.event === 'seq' && e.data.seq >= last, 5000);
    const seqs = stream.events.filter((e) => e.event === 'seq').map((e) => e.data.seq as number);
    expect(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]!)).toBe(true);
    expect(posts.every((p) => p.status === 201)).toBe(true);
    stream.close();
  });

  it('frames events for a client or proxy speaking HTTP/1.0 without chunks, as it reads them', async () => {
    const stream = await rawStream(s.url, bram.token!);
    await anna.post('/v1/posts', { body: 'Koffie staat klaar in de teamkamer.' });
    await stream.until(() => stream.text().split('event: seq').length > 2);
    stream.close();
    const [head, body] = stream.text().split('\r\n\r\n');
    expect(head).not.toMatch(/transfer-encoding: chunked/i);
    // Nothing but events: no chunk sizes between them.
    expect(body).toMatch(/^retry: 3000\n\n(event: seq\nid: \d+\ndata: \{[^\n]*\}\n\n)+$/);
  });

  it('beats only on a stream that carried nothing since its last beat, so it is never silent for two', async () => {
    const stream = await rawStream(s.url, bram.token!);
    const post = await anna.post<{ id: string }>('/v1/posts', { body: 'Overdracht van vanochtend staat klaar.' });
    // The test server beats every second: a like or unlike every 200 ms leaves no beat without an event.
    for (let i = 0; i < 15; i++) {
      const res = i % 2 === 0 ? await anna.put(`/v1/posts/${post.body.id}/like`) : await anna.delete(`/v1/posts/${post.body.id}/like`);
      expect(res.status).toBeLessThan(300);
      await new Promise((r) => setTimeout(r, 200));
    }
    const busy = stream.text();
    await new Promise((r) => setTimeout(r, 2500));
    stream.close();
    expect(busy.split('event: seq').length).toBeGreaterThan(10);
    expect(busy).not.toContain(': ping');
    expect(stream.text().slice(busy.length)).toContain(': ping');
  });

  it('sends a mention only to the person mentioned', async () => {
    const bramStream = await openEventStream(s.url, bram.token!);
    const carla = await s.login('1003');
    const carlaStream = await openEventStream(s.url, carla.token!);
    await bramStream.waitFor((e) => e.event === 'seq');
    await carlaStream.waitFor((e) => e.event === 'seq');
    const post = await anna.post('/v1/posts', { body: 'Dank je @bram.jansen voor het invallen!' });
    const n = await bramStream.waitFor((e) => e.event === 'notification');
    expect(n.data.notification).toMatchObject({ kind: 'mention', postId: post.body.id });
    await carlaStream.waitFor((e) => e.event === 'seq' && e.data.seq >= n.data.seq);
    expect(carlaStream.events.some((e) => e.event === 'notification')).toBe(false);
    bramStream.close();
    carlaStream.close();
  });

  it('marks a seq personal only when the change may be in the person’s own part of the feed', async () => {
    const stream = await openEventStream(s.url, bram.token!);
    const opened = await stream.waitFor((e) => e.event === 'seq');
    expect(opened.data.personal).toBe(true);
    const plain = await anna.post('/v1/posts', { body: 'De lift in vleugel B doet het weer.' });
    const told = await stream.waitFor((e) => e.event === 'seq' && e.data.seq > opened.data.seq);
    expect(told.data.personal).toBe(false);
    await bram.put(`/v1/posts/${plain.body.id}/like`);
    const liked = await stream.waitFor((e) => e.event === 'seq' && e.data.seq > told.data.seq);
    expect(liked.data.personal).toBe(true);
    stream.close();
  });

  it('loses nothing across a reconnect with Last-Event-ID', async () => {
    const first = await openEventStream(s.url, bram.token!);
    const last = await first.waitFor((e) => e.event === 'seq');
    first.close();
    const missed1 = await anna.post('/v1/posts', { body: '@bram.jansen kun je morgen de vroege dienst doen?' });
    const missed2 = await anna.post('/v1/posts', { body: 'Nog een vraag voor @bram.jansen over de overdracht' });
    const resumed = await openEventStream(s.url, bram.token!, last.id!);
    const latest = await resumed.waitFor((e) => e.event === 'seq');
    const notes = resumed.events.filter((e) => e.event === 'notification').map((e) => e.data.notification.postId);
    expect(notes).toEqual([missed1.body.id, missed2.body.id]);
    expect(latest.data.seq).toBeGreaterThan(Number(last.id));
    resumed.close();
  });

  it('sends heartbeats and ends the stream when the session is revoked', async () => {
    const eva = await s.login('1005');
    const stream = await openEventStream(s.url, eva.token!);
    await stream.waitFor((e) => e.event === 'seq');
    await eva.post('/v1/auth/logout');
    await stream.waitFor((e) => e.event === 'session-ended', 3000);
    await stream.whenEnded;
    expect(stream.ended).toBe(true);
  });

  it('tells a group admin of a request to join, in seq order among her mentions', async () => {
    const daan = await s.login('1004');
    const made = await daan.post<{ id: string }>('/v1/groups', { name: 'Werkgroep Tillen', description: '', kind: 'work', visibility: 'closed' });
    const stream = await openEventStream(s.url, daan.token!);
    await stream.waitFor((e) => e.event === 'seq');
    await anna.post('/v1/posts', { body: 'Vraag voor @daan.bakker over het rooster' });
    expect((await bram.post(`/v1/groups/${made.body.id}/requests`)).status).toBe(201);
    const last = await anna.post<{ id: string }>('/v1/posts', { body: 'Nog een vraag voor @daan.bakker' });
    await stream.waitFor((e) => e.event === 'notification' && e.data.notification.postId === last.body.id);
    const told = stream.events.filter((e) => e.event === 'notification');
    expect(told.map((e) => e.data.notification.kind)).toEqual(['mention', 'join_request', 'mention']);
    expect(told[1]!.data.notification).toMatchObject({ groupId: made.body.id, postId: null });
    expect(told.map((e) => Number(e.id))).toEqual([...told.map((e) => Number(e.id))].sort((a, b) => a - b));
    stream.close();
  });

  it('tells a client of an older protocol only the kinds it can read, and does not stall on the others', async () => {
    const carla = await s.login('1003');
    const made = await carla.post<{ id: string }>('/v1/groups', { name: 'Werkgroep Hygiëne', description: '', kind: 'work', visibility: 'closed' });
    const old = await openEventStream(s.url, carla.token!, undefined, {}, null);
    const now = await openEventStream(s.url, carla.token!);
    await old.waitFor((e) => e.event === 'seq');
    await now.waitFor((e) => e.event === 'seq');
    expect((await bram.post(`/v1/groups/${made.body.id}/requests`)).status).toBe(201);
    const mention = await anna.post<{ id: string }>('/v1/posts', { body: 'Dank @carla.smit voor de training' });

    await now.waitFor((e) => e.event === 'notification' && e.data.notification.kind === 'mention');
    await old.waitFor((e) => e.event === 'notification' && e.data.notification.postId === mention.body.id);
    expect(now.events.filter((e) => e.event === 'notification').map((e) => e.data.notification.kind)).toEqual(['join_request', 'mention']);
    expect(old.events.filter((e) => e.event === 'notification').map((e) => e.data.notification.kind)).toEqual(['mention']);
    old.close();
    now.close();
  });

  it('refuses a stream without a valid token', async () => {
    const res = await fetch(`${s.url}/v1/events`);
    expect(res.status).toBe(401);
  });
});
