import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { openEventStream, type SseEvent } from '../../../fixtures/sseReader.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';
import { createSharedDeltas, DELTA_MAX_BYTES } from '../../../../server/src/realtime/sharedDeltas.js';

const dialects = await testDialects();

describe.each(dialects)('shared changes carried by announcements (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    [anna, bram] = await Promise.all([s.login('1001'), s.login('1002')]);
  });
  afterAll(() => s?.close());

  const seqAfter = (stream: Awaited<ReturnType<typeof openEventStream>>, seq: number) =>
    stream.waitFor((e) => e.event === 'seq' && e.data.seq > seq, 3000);

  it('carries exactly the page a pull of the shared part would get, from where the stream started', async () => {
    const stream = await openEventStream(s.url, bram.token!);
    const opened = await stream.waitFor((e) => e.event === 'seq');
    const post = await anna.post<{ id: string }>('/v1/posts', { body: 'De lift in gebouw B doet het weer.' });
    const first = await seqAfter(stream, opened.data.seq);
    expect(first.data.shared).toBeDefined();
    expect(first.data.shared.since).toBe(opened.data.seq);
    expect(first.data.shared.changes.map((c: { id: string }) => c.id)).toContain(post.body.id);
    const pulled = await bram.get(`/v1/sync?since=${opened.data.seq}&scope=shared`);
    expect(first.data.shared.changes).toEqual(pulled.body.changes);
    expect(first.data.shared.next).toBe(pulled.body.next);

    // The next one goes on where this one ended, so a client that took it can take the next.
    expect((await anna.put(`/v1/posts/${post.body.id}/like`, {})).status).toBe(200);
    const second = await seqAfter(stream, first.data.seq);
    expect(second.data.shared.since).toBe(first.data.shared.next);
    expect(second.data.shared.changes).toEqual((await bram.get(`/v1/sync?since=${first.data.shared.next}&scope=shared`)).body.changes);
    stream.close();
  });

  it('carries nothing personal: a like’s own record stays in the person’s part', async () => {
    const stream = await openEventStream(s.url, bram.token!);
    await stream.waitFor((e) => e.event === 'seq');
    const post = await anna.post<{ id: string }>('/v1/posts', { body: 'Wie wil dienst ruilen op zaterdag?' });
    const posted = await stream.waitFor((e) => e.event === 'seq' && e.data.shared?.changes.some((c: { id: string }) => c.id === post.body.id), 3000);
    expect((await anna.put(`/v1/posts/${post.body.id}/like`, {})).status).toBe(200);
    const liked = await seqAfter(stream, posted.data.seq);
    const entities = liked.data.shared.changes.map((c: { entity: string }) => c.entity);
    expect(entities).toContain('post');
    expect(entities).not.toContain('like');
    stream.close();
  });

  it('sends none to a client that predates them, which pulls instead', async () => {
    const stream = await openEventStream(s.url, bram.token!, undefined, {}, null);
    const opened = await stream.waitFor((e) => e.event === 'seq');
    await anna.post('/v1/posts', { body: 'Oude versie, nieuwe post.' });
    const next = await seqAfter(stream, opened.data.seq);
    expect(next.data).toEqual({ seq: next.data.seq, personal: false });
    stream.close();
  });

  it('sends the same bytes to every stream, a device’s as a person’s', async () => {
    const device = await s.enrolDevice({ mode: 'kiosk' });
    const kiosk = await openEventStream(s.url, null, undefined, { 'x-samen-device': device.deviceToken });
    const person = await openEventStream(s.url, bram.token!);
    const a = await kiosk.waitFor((e) => e.event === 'seq');
    await person.waitFor((e) => e.event === 'seq');
    await anna.post('/v1/posts', { body: 'Pauzeruimte is weer open.' });
    const fromKiosk: SseEvent = await seqAfter(kiosk, a.data.seq);
    const fromPerson: SseEvent = await person.waitFor((e) => e.event === 'seq' && e.data.seq === fromKiosk.data.seq, 3000);
    expect(fromKiosk.data.shared).toBeDefined();
    expect(fromPerson.data).toEqual(fromKiosk.data);
    kiosk.close();
    person.close();
  });

  it('leaves a write too big to carry to the pulls, and carries the next one from its seq', async () => {
    const tenantId = s.tenants.demo!;
    const latest = async () => Number((await s.db.kysely.selectFrom('tenant_seq').select('last_seq').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).last_seq);
    const deltas = createSharedDeltas({ k: s.db.kysely, now: () => new Date() });
    const start = await latest();
    deltas.opened(tenantId, start);
    // Long posts, together more than the bytes a delta carries.
    const long = `Storingsverslag. ${'Alles nagelopen, niets gevonden. '.repeat(290)}`;
    for (let i = 0; i * long.length <= DELTA_MAX_BYTES; i++) expect((await [anna, bram][i % 2]!.post('/v1/posts', { body: long })).status).toBe(201);
    const big = await latest();
    expect(await deltas.forAnnouncement(tenantId, big)).toBeNull();

    const post = await bram.post<{ id: string }>('/v1/posts', { body: 'Storing verholpen.' });
    expect(post.status).toBe(201);
    const small = await deltas.forAnnouncement(tenantId, await latest());
    expect(small).toMatchObject({ since: big });
    expect((JSON.parse(small!.changesJson) as { id: string }[]).map((c) => c.id)).toEqual([post.body.id]);
  });

  it('lets announcements that arrive during a computation share the next one', async () => {
    const tenantId = s.tenants.demo!;
    const deltas = createSharedDeltas({ k: s.db.kysely, now: () => new Date() });
    const seqs: number[] = [];
    const before = Number((await s.db.kysely.selectFrom('tenant_seq').select('last_seq').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).last_seq);
    deltas.opened(tenantId, before);
    for (const body of ['Eén', 'Twee', 'Drie']) {
      expect((await bram.post('/v1/posts', { body })).status).toBe(201);
      seqs.push(Number((await s.db.kysely.selectFrom('tenant_seq').select('last_seq').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).last_seq));
    }
    const first = deltas.forAnnouncement(tenantId, seqs[0]!);
    // Once the first computation has begun, the others wait for the next and share it.
    await new Promise((resolve) => setImmediate(resolve));
    const [second, third] = seqs.slice(1).map((seq) => deltas.forAnnouncement(tenantId, seq));
    expect(second).toBe(third);
    const [a, b] = await Promise.all([first, second]);
    // The first read every change committed by then, so the ones after it had nothing left to carry.
    expect(a).toMatchObject({ since: before, next: seqs[2] });
    expect(JSON.parse(a!.changesJson)).toHaveLength(3);
    expect(b).toBeNull();
  });
});
