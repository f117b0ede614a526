import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../../common/src/ids.js';
import { TestClient } from '../../../fixtures/apiClient.js';
import { nginxAvailable, startLoadBalancer, type LoadBalancer } from '../../../fixtures/loadBalancer.js';
import { databaseFromTemplate } from '../../../fixtures/databaseTemplates.js';
import { databaseUrl, dropScratchDatabase, postgresAvailable, scratchDatabaseName } from '../../../fixtures/postgres.js';
import { startServerNode, type ServerNode } from '../../../fixtures/serverNodes.js';
import { openEventStream, type SseEvent } from '../../../fixtures/sseReader.js';
import { DEMO_PASSWORDS } from '../../../fixtures/testServer.js';

const ready = (await postgresAvailable()) && nginxAvailable();

/**
 * Two server nodes on one PostgreSQL behind nginx, as production runs them: a write on one node
 * reaches streams on the other, and when a node dies its clients reconnect through the balancer
 * with Last-Event-ID and miss nothing.
 */
describe.runIf(ready)('two server nodes behind a load balancer (PostgreSQL, nginx)', () => {
  let drop: () => Promise<void>;
  let a: ServerNode;
  let b: ServerNode;
  let lb: LoadBalancer;

  beforeAll(async () => {
    // The demo organisation comes from the suites' template: seeding it through a node takes half a minute.
    const name = scratchDatabaseName();
    await (await databaseFromTemplate('postgres', [{ slug: 'demo', seed: 1 }], name)).close();
    drop = () => dropScratchDatabase(name);
    a = await startServerNode({ databaseUrl: databaseUrl(name) });
    b = await startServerNode({ databaseUrl: databaseUrl(name) });
    lb = await startLoadBalancer([a.url, b.url]);
  }, 180_000);
  afterAll(async () => {
    await lb?.stop();
    await Promise.all([a?.stop(), b?.stop()]);
    await drop?.();
  });

  it('announces a post written on node A to a stream held by node B', async () => {
    const anna = await new TestClient(a.url).login('1001', DEMO_PASSWORDS['1001']!);
    const bram = await new TestClient(b.url).login('1002', DEMO_PASSWORDS['1002']!);
    const onB = await openEventStream(b.url, bram.token!);
    const first = await onB.waitFor((e) => e.event === 'seq');
    const bramHandle = (await bram.get('/v1/me')).body.person.handle as string;
    const post = await anna.post('/v1/posts', { body: `Overdracht om drie uur, @${bramHandle} neem jij de sleutels mee?` });
    expect(post.status).toBe(201);
    const note = await onB.waitFor((e) => e.event === 'notification', 5000);
    expect(note.data.notification).toMatchObject({ kind: 'mention', postId: post.body.id });
    await onB.waitFor((e) => e.event === 'seq' && e.data.seq > first.data.seq, 5000);
    onB.close();
  });

  it('loses no event and no change when the node holding a stream is killed under load', async () => {
    const numbers = ['1001', '1002', '1003', '1005'];
    const people = await Promise.all(numbers.map((n) => new TestClient(lb.url).login(n, DEMO_PASSWORDS[n]!)));
    const me = await Promise.all(people.map(async (c) => (await c.get('/v1/me')).body.person as { id: string; handle: string }));

    // Two streams per person through the balancer, so least_conn puts some on each node.
    const clients = people.flatMap((c, i) => [0, 1].map(() => reconnectingStream(lb.url, c.token!, me[i]!.id)));
    await Promise.all(clients.map((c) => c.opened));

    // A writer mentions everyone in turn, as the outbox does: a client-made id, and an Idempotency-Key
    // kept across retries. A write caught in the killed node either committed or rolled back; its key
    // stays claimed until abandoned, so the writer asks for the post before it sends it again.
    const writer = people[3]!;
    const written: { id: string; mentioned: string }[] = [];
    let writing = true;
    const writes = (async () => {
      for (let i = 0; writing; i++) {
        const target = me[i % 3]!;
        const id = uuidv7();
        let key = randomUUID();
        for (;;) {
          const res = await writer.post('/v1/posts', { id, body: `Ronde ${i}: @${target.handle} wil jij de dubbelcheck doen?` }, { 'idempotency-key': key }).catch(() => null);
          const committed = res?.status === 201 || (res?.status === 409 && (await writer.get(`/v1/posts/${id}`)).status === 200);
          if (res?.status === 409 && !committed) key = randomUUID();
          if (committed) {
            written.push({ id, mentioned: target.id });
            break;
          }
        }
      }
    })();

    await until(() => written.length >= 10);
    await a.kill();
    const killedAt = written.length;
    await until(() => clients.some((c) => c.reconnects > 0) && written.length >= killedAt + 15);
    writing = false;
    await writes;

    // Everything written reaches every stream of the person it mentions, exactly once, in order.
    const lastSeq = Math.max(...clients.map((c) => c.lastSeq()));
    await Promise.all(clients.map((c) => c.waitForSeq(lastSeq)));
    for (const c of clients) {
      const expected = written.filter((w) => w.mentioned === c.personId).map((w) => w.id);
      await until(() => c.notified().length >= expected.length);
      expect(c.notified()).toEqual(expected);
    }
    expect(clients.filter((c) => c.reconnects > 0).length).toBeGreaterThan(0);
    const ids = written.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of clients) c.close();
  }, 120_000);
});

/** A client as the desktop app behaves: when its stream ends it reopens it through the balancer with Last-Event-ID. */
function reconnectingStream(url: string, token: string, personId: string) {
  const streams: Awaited<ReturnType<typeof openEventStream>>[] = [];
  let closed = false;
  let markOpened = () => {};
  const opened = new Promise<void>((resolve) => (markOpened = resolve));
  const events = (): SseEvent[] => streams.flatMap((s) => s.events);
  const seqs = () => events().flatMap((e) => (e.event === 'seq' ? [e.data.seq as number] : []));
  void (async () => {
    while (!closed) {
      const lastId = events().findLast((e) => e.id !== null)?.id ?? undefined;
      const stream = await openEventStream(url, token, lastId).catch(() => null);
      if (!stream) continue;
      streams.push(stream);
      markOpened();
      await stream.whenEnded;
    }
  })();
  return {
    personId,
    opened,
    get reconnects() {
      return streams.length - 1;
    },
    notified: () => events().flatMap((e) => (e.event === 'notification' ? [e.data.notification.postId as string] : [])),
    lastSeq: () => Math.max(0, ...seqs()),
    waitForSeq: (seq: number) => until(() => Math.max(0, ...seqs()) >= seq),
    close() {
      closed = true;
      streams.at(-1)?.close();
    },
  };
}

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within the time limit: ${condition.toString()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
