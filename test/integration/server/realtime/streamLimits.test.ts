import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type BuiltServer } from '../../../../server/src/app.js';
import { openDatabase, type Db } from '../../../../server/src/db/connect.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { waitFor } from '../../../fixtures/core/harness.js';
import { openEventStream } from '../../../fixtures/sseReader.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

type Stream = Awaited<ReturnType<typeof openEventStream>>;

/** Opens a stream and waits until the server has set it up (its first `seq`). */
async function openReady(url: string, token: string | null, headers: Record<string, string> = {}): Promise<Stream> {
  const stream = await openEventStream(url, token, undefined, headers);
  await stream.waitFor((e) => e.event === 'seq');
  return stream;
}

/**
 * A change made after a replacement reaches every stream after the news of that replacement (both
 * travel in order on one channel), so a stream that hears of it without having been replaced was not.
 */
async function expectStillRunning(author: TestClient, streams: Stream[]) {
  const newest = (stream: Stream) => Math.max(...stream.events.filter((e) => e.event === 'seq').map((e) => e.data.seq as number));
  const before = streams.map(newest);
  const post = await author.post('/v1/posts', { body: 'Wie kan zaterdag de late dienst overnemen?' });
  expect(post.status).toBe(201);
  for (const [i, stream] of streams.entries()) {
    await stream.waitFor((e) => e.event === 'seq' && e.data.seq > before[i]!);
    expect(stream.events.some((e) => e.event === 'stream-replaced')).toBe(false);
    expect(stream.ended).toBe(false);
  }
}

async function expectReplaced(stream: Stream) {
  await stream.waitFor((e) => e.event === 'stream-replaced', 3000);
  await stream.whenEnded;
}

describe.each(dialects)('limits on event streams (%s)', (dialect) => {
  let s: TestServer;
  let daan: TestClient;
  const opened: Stream[] = [];
  const open = async (url: string, token: string | null, headers: Record<string, string> = {}) => {
    const stream = await openReady(url, token, headers);
    opened.push(stream);
    return stream;
  };
  const rowsOf = async (personId: string) =>
    (await s.db.kysely.selectFrom('event_streams').select('id').where('person_id', '=', personId).execute()).length;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    daan = await s.login('1004');
  });
  afterAll(async () => {
    for (const stream of opened) stream.close();
    await s?.close();
  });

  it('ends the oldest of a person’s streams when she opens a fourth, and tells it why', async () => {
    const anna = await s.login('1001');
    const first = await open(s.url, anna.token);
    const others = [await open(s.url, anna.token), await open(s.url, anna.token)];
    const fourth = await open(s.url, (await s.login('1001')).token);

    await expectReplaced(first);
    expect(first.events.filter((e) => e.event === 'session-ended')).toEqual([]);
    await expectStillRunning(daan, [...others, fourth]);
    const annaId = (await anna.get('/v1/me')).body.person.id;
    expect(await rowsOf(annaId)).toBe(3);
  });

  it('ends the oldest of a ward PC’s streams when it opens a third, whoever is logged in on it', async () => {
    const device = await s.enrolDevice();
    const header = { 'x-samen-device': device.deviceToken };
    const alone = await open(s.url, null, header);
    const bramHere = await device.loginPin('1002');
    const withBram = await open(s.url, bramHere.token, header);
    const again = await open(s.url, null, header);

    await expectReplaced(alone);
    await expectStillRunning(daan, [withBram, again]);
  });

  it('gives the place of a closed stream to the next one', async () => {
    const carla = await s.login('1003');
    const carlaId = (await carla.get('/v1/me')).body.person.id;
    const [a, b, c] = [await open(s.url, carla.token), await open(s.url, carla.token), await open(s.url, carla.token)];
    c.close();
    await waitFor(async () => (await rowsOf(carlaId)) === 2, 'the closed stream to be forgotten');
    const d = await open(s.url, carla.token);

    await expectStillRunning(daan, [a, b, d]);
  });

  it('ends a stream whose place was taken even when the message about it was lost', async () => {
    const eva = await s.login('1005');
    const evaId = (await eva.get('/v1/me')).body.person.id;
    const stream = await open(s.url, eva.token);
    // As if another node had pushed it out and its message never arrived.
    await s.db.kysely.deleteFrom('event_streams').where('person_id', '=', evaId).execute();

    await expectReplaced(stream);
  });
});

describe.each(dialects)('which streams count towards the limits (%s)', (dialect) => {
  let s: TestServer;
  const opened: Stream[] = [];
  const open = async (token: string | null) => {
    const stream = await openReady(s.url, token);
    opened.push(stream);
    return stream;
  };
  const idOf = async (c: TestClient) => (await c.get('/v1/me')).body.person.id as string;
  const tenMinutesAgo = () => new Date(Date.now() - 10 * 60_000).toISOString();
  /** Streams held by another node, written as that node would have written them. */
  const elsewhere = async (nodeId: string, personId: string, n: number, nodeSeenAt: string, at = tenMinutesAgo()) => {
    const tenantId = s.tenants.demo!;
    await s.db.kysely
      .insertInto('event_streams')
      .values(Array.from({ length: n }, (_, i) => ({ tenant_id: tenantId, id: `${nodeId}-${i}`, person_id: personId, device_id: null, node_id: nodeId, opened_at: at, seen_at: at })))
      .execute();
    await s.db.kysely.insertInto('stream_nodes').values({ tenant_id: tenantId, node_id: nodeId, seen_at: nodeSeenAt }).execute();
  };
  const rowIds = async (personId: string) =>
    (await s.db.kysely.selectFrom('event_streams').select('id').where('person_id', '=', personId).orderBy('id').execute()).map((r) => r.id);

  beforeAll(async () => {
    s = await startTestServer(dialect);
  });
  afterAll(async () => {
    for (const stream of opened) stream.close();
    await s?.close();
  });

  it('no longer counts the streams of a node that stopped beating ten minutes ago', async () => {
    const anna = await s.login('1001');
    const annaId = await idOf(anna);
    await elsewhere('crashed-node', annaId, 3, tenMinutesAgo());

    const mine = [await open(anna.token), await open(anna.token), await open(anna.token)];

    await expectStillRunning(await s.login('1004'), mine);
  });

  it('counts streams opened long ago on a node that is still beating, and ends the oldest of them', async () => {
    const carla = await s.login('1003');
    const carlaId = await idOf(carla);
    await elsewhere('live-node', carlaId, 2, new Date().toISOString());

    const first = await open(carla.token);
    expect(await rowIds(carlaId)).toContain('live-node-0');
    const second = await open(carla.token);

    // The hub tells the live node to end live-node-0; here its row is gone and Carla's own two run on.
    await waitFor(async () => !(await rowIds(carlaId)).includes('live-node-0'), 'the oldest stream to be removed');
    expect(await rowIds(carlaId)).toContain('live-node-1');
    await expectStillRunning(await s.login('1004'), [first, second]);
  });

  it('keeps counting its own streams past their first heartbeats without rewriting their rows', async () => {
    const bram = await s.login('1002');
    const bramId = await idOf(bram);
    const [oldest, ...rest] = [await open(bram.token), await open(bram.token), await open(bram.token)];
    const before = await s.db.kysely.selectFrom('event_streams').select(['id', 'seen_at']).where('person_id', '=', bramId).orderBy('id').execute();
    // Three heartbeats of a second each: past this, a stream counts only because its node beats.
    await new Promise((r) => setTimeout(r, 3500));
    const after = await s.db.kysely.selectFrom('event_streams').select(['id', 'seen_at']).where('person_id', '=', bramId).orderBy('id').execute();
    expect(after).toEqual(before);

    const fourth = await open(bram.token);

    await expectReplaced(oldest!);
    await expectStillRunning(await s.login('1004'), [...rest, fourth]);
  });

  it('forgets the streams of a node gone for an hour, and keeps those of a beating node however long they are open', async () => {
    const evaId = await idOf(await s.login('1005'));
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await elsewhere('gone-node', evaId, 1, twoHoursAgo, twoHoursAgo);
    await elsewhere('beating-node', evaId, 1, new Date().toISOString(), twoHoursAgo);

    await s.server.ctx.streams.purgeStale();

    expect(await rowIds(evaId)).toEqual(['beating-node-0']);
    const nodes = await s.db.kysely.selectFrom('stream_nodes').select('node_id').execute();
    expect(nodes.map((n) => n.node_id)).not.toContain('gone-node');
    expect(nodes.map((n) => n.node_id)).toContain('beating-node');
  });
});

describe.runIf(dialects.includes('postgres'))('limits on event streams over two server nodes (postgres)', () => {
  let s: TestServer;
  let second: { server: BuiltServer; db: Db; url: string };
  const opened: Stream[] = [];

  beforeAll(async () => {
    s = await startTestServer('postgres');
    const db = openDatabase({ url: s.db.postgresUrl! });
    const server = await buildServer({ db, options: { heartbeatSeconds: 1 } });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    second = { server, db, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
  });
  afterAll(async () => {
    for (const stream of opened) stream.close();
    await second?.server.close();
    await second?.db.close();
    await s?.close();
  });

  it('counts a person’s streams on both nodes and ends the oldest on whichever node holds it', async () => {
    const anna = await s.login('1001');
    const open = async (url: string) => {
      const stream = await openReady(url, anna.token);
      opened.push(stream);
      return stream;
    };
    const onA1 = await open(s.url);
    const onB1 = await open(second.url);
    const onA2 = await open(s.url);

    const onB2 = await open(second.url);
    await expectReplaced(onA1);
    const onA3 = await open(s.url);
    await expectReplaced(onB1);

    await expectStillRunning(await s.login('1004'), [onA2, onB2, onA3]);
  });
});
