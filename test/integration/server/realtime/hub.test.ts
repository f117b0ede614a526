import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/src/db/connect.js';
import { createRealtimeHub, type Announcement, type RealtimeHub } from '../../../../server/src/realtime/hub.js';
import type { SharedDeltas } from '../../../../server/src/realtime/sharedDeltas.js';
import { openTestDatabase } from '../../../fixtures/testServer.js';
import { postgresAvailable } from '../../../fixtures/postgres.js';

const pgReachable = await postgresAvailable();

/** Resolves once `n` values were pushed, or fails after a while saying how many came. */
function collect<T>(n: number, start: (push: (v: T) => void) => void): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const got: T[] = [];
    const timer = setTimeout(() => reject(new Error(`only ${got.length} of ${n} arrived`)), 10_000);
    start((v) => {
      got.push(v);
      if (got.length === n) {
        clearTimeout(timer);
        resolve(got);
      }
    });
  });
}

describe.runIf(pgReachable)('the realtime hub across nodes on PostgreSQL', () => {
  let db: Db;
  let dispose: () => Promise<void>;
  let nodeA: RealtimeHub;
  let nodeB: RealtimeHub;
  let raw: pg.Client;
  let notifications = 0;

  beforeAll(async () => {
    ({ db, dispose } = await openTestDatabase('postgres'));
    nodeA = createRealtimeHub(db);
    nodeB = createRealtimeHub(db);
    raw = new pg.Client({ connectionString: db.postgresUrl! });
    await raw.connect();
    raw.on('notification', () => notifications++);
    await raw.query('LISTEN samen_changes');
    // Both hubs LISTEN on their own connections: wait until B hears a message from A.
    const heard = collect<Announcement>(1, (push) => {
      const off = nodeB.subscribe('warmup', (a) => {
        off();
        push(a);
      });
    });
    const poke = setInterval(() => nodeA.announce({ tenantId: 'warmup', seq: 1, personIds: [] }), 100);
    await heard.finally(() => clearInterval(poke));
  });
  afterAll(async () => {
    await raw?.end();
    await nodeA?.close();
    await nodeB?.close();
    await dispose?.();
  });

  it('brings a burst of announcements to the other node complete and in order, in far fewer NOTIFYs', async () => {
    const before = notifications;
    const heard = collect<Announcement>(500, (push) => nodeB.subscribe('t1', push));
    for (let seq = 1; seq <= 500; seq++) nodeA.announce({ tenantId: 't1', seq, personIds: seq % 7 === 0 ? [`p${seq}`] : [], privateGroups: false });
    const got = await heard;
    expect(got.map((a) => a.seq)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(got[6]).toEqual({ tenantId: 't1', seq: 7, personIds: ['p7'], privateGroups: false });
    // The raw listener hears every NOTIFY the hubs sent (also the warm-up ones that may still trail).
    await new Promise((r) => setTimeout(r, 200));
    expect(notifications - before).toBeLessThan(100);
  });

  it('ends a stream before telling it of any later change', async () => {
    const heard = await collect<string>(3, (push) => {
      nodeB.subscribe('t2', (a) => push(`seq ${a.seq}`));
      nodeB.watchStream('stream-1', () => push('end'));
      nodeA.announce({ tenantId: 't2', seq: 5, personIds: [] });
      nodeA.endStreams('t2', ['stream-1']);
      nodeA.announce({ tenantId: 't2', seq: 6, personIds: [] });
    });
    expect(heard).toEqual(['seq 5', 'end', 'seq 6']);
  });

  it('tells streams to look it up when more people are concerned than a NOTIFY can carry', async () => {
    const personIds = Array.from({ length: 150 }, (_, i) => `person-${i}`);
    const [a] = await collect<Announcement>(1, (push) => {
      nodeB.subscribe('t3', push);
      nodeA.announce({ tenantId: 't3', seq: 9, personIds });
    });
    expect(a!.personIds).toEqual(['*']);
  });
});

describe('the realtime hub on SQLite (one node)', () => {
  it('tells this node\u2019s streams at once, in the order of the writes', async () => {
    const { db, dispose } = await openTestDatabase('sqlite');
    const hub = createRealtimeHub(db);
    const heard: number[] = [];
    hub.subscribe('t', (a) => heard.push(a.seq));
    hub.announce({ tenantId: 't', seq: 1, personIds: [] });
    hub.announce({ tenantId: 'other', seq: 2, personIds: [] });
    hub.announce({ tenantId: 't', seq: 3, personIds: [] });
    expect(heard).toEqual([1, 3]);
    await hub.close();
    await dispose();
  });

  it('lets other work run while a change reaches thousands of streams, and keeps each stream in order', async () => {
    const { db, dispose } = await openTestDatabase('sqlite');
    const hub = createRealtimeHub(db);
    const heard: number[][] = Array.from({ length: 3000 }, () => []);
    heard.forEach((seqs, i) => {
      hub.subscribe('t', (a) => seqs.push(a.seq));
      if (i === 1500) hub.watchStream('stream-1500', () => seqs.push(-1));
    });
    // A database answer arriving meanwhile: it must not wait until all 3 000 have heard.
    let toldWhenOtherWorkRan = -1;
    hub.announce({ tenantId: 't', seq: 1, personIds: [] });
    setImmediate(() => (toldWhenOtherWorkRan = heard.filter((seqs) => seqs.length > 0).length));
    hub.endStreams('t', ['stream-1500']);
    hub.announce({ tenantId: 't', seq: 2, personIds: [] });
    await new Promise((r) => setTimeout(r, 200));
    expect(toldWhenOtherWorkRan).toBeGreaterThan(0);
    expect(toldWhenOtherWorkRan).toBeLessThan(3000);
    expect(heard.every((seqs, i) => JSON.stringify(seqs) === (i === 1500 ? '[1,-1,2]' : '[1,2]'))).toBe(true);
    await hub.close();
    await dispose();
  });

  it('lets a pull wait until the announcements before it have reached every stream, but not for later ones', async () => {
    const { db, dispose } = await openTestDatabase('sqlite');
    const hub = createRealtimeHub(db);
    const heard: number[][] = Array.from({ length: 3000 }, () => []);
    for (const seqs of heard) hub.subscribe('t', (a) => seqs.push(a.seq));
    await hub.delivered();
    hub.announce({ tenantId: 't', seq: 1, personIds: [] });
    const pull = hub.delivered().then(() => heard.map((seqs) => seqs.join(',')));
    hub.announce({ tenantId: 't', seq: 2, personIds: [] });
    const whenPulled = await pull;
    expect(whenPulled.every((seqs) => seqs.startsWith('1'))).toBe(true);
    // The second announcement was still on its way to most streams when the pull went ahead.
    expect(whenPulled.filter((seqs) => seqs === '1,2').length).toBeLessThan(3000);
    await hub.delivered();
    expect(heard.every((seqs) => seqs.join(',') === '1,2')).toBe(true);
    await hub.close();
    await dispose();
  });

  it('keeps an announcement in its place while its shared changes are read, and a pull waits for it', async () => {
    const { db, dispose } = await openTestDatabase('sqlite');
    let release = () => {};
    const slow: SharedDeltas = {
      opened: () => undefined,
      forAnnouncement: (_tenantId, seq) =>
        seq === 1
          ? new Promise((resolve) => (release = () => resolve({ since: 0, next: 1, changesJson: '[]' })))
          : Promise.resolve(null),
    };
    const hub = createRealtimeHub(db, () => undefined, slow);
    const heard: string[] = [];
    hub.subscribe('t', (a) => heard.push(`${a.seq}${a.shared ? ` since ${a.shared.since}` : ''}`));
    hub.watchStream('s', () => heard.push('end'));
    hub.announce({ tenantId: 't', seq: 1, personIds: [] });
    hub.endStreams('t', ['s']);
    hub.announce({ tenantId: 't', seq: 2, personIds: [] });
    let pulled = false;
    const pull = hub.delivered().then(() => (pulled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toEqual([]);
    expect(pulled).toBe(false);
    release();
    await pull;
    expect(heard).toEqual(['1 since 0', 'end', '2']);
    await hub.close();
    await dispose();
  });
});
