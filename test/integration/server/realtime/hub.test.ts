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
      const off = nodeB.subscribe('warmup', ([a]) => {
        off();
        push(a!);
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
    const heard = collect<Announcement>(500, (push) => nodeB.subscribe('t1', (announced) => announced.forEach((a) => push(a))));
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
      nodeB.subscribe('t2', (announced) => announced.forEach((a) => push(`seq ${a.seq}`)));
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
      nodeB.subscribe('t3', (announced) => announced.forEach((a) => push(a)));
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
    hub.subscribe('t', (announced) => heard.push(...announced.map((a) => a.seq)));
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
      hub.subscribe('t', (announced) => seqs.push(...announced.map((a) => a.seq)));
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

  it('gives streams not yet told of a change the ones queued behind it in one go, and every stream each change once, in order', async () => {
    const { db, dispose } = await openTestDatabase('sqlite');
    const hub = createRealtimeHub(db);
    const calls: number[][][] = Array.from({ length: 3000 }, () => []);
    calls.forEach((mine, i) => {
      hub.subscribe('t', (announced) => mine.push(announced.map((a) => a.seq)));
      if (i === 2000) hub.watchStream('stream-2000', () => mine.push([-1]));
    });
    hub.announce({ tenantId: 't', seq: 1, personIds: [] });
    hub.announce({ tenantId: 't', seq: 2, personIds: [] });
    hub.announce({ tenantId: 't', seq: 3, personIds: [] });
    // A stream that opens while they are on their way hears only what comes after it.
    const late: number[][] = [];
    hub.subscribe('t', (announced) => late.push(announced.map((a) => a.seq)));
    hub.endStreams('t', ['stream-2000']);
    hub.announce({ tenantId: 't', seq: 4, personIds: [] });
    await hub.delivered();
    const heard = calls.map((mine) => mine.flat());
    expect(heard.every((seqs, i) => seqs.join(',') === (i === 2000 ? '1,2,3,-1,4' : '1,2,3,4'))).toBe(true);
    expect(late.flat()).toEqual([4]);
    // The first slice had seq 1 alone; the streams after it had 1, 2 and 3 in one call.
    expect(calls[0]).toEqual([[1], [2], [3], [4]]);
    expect(calls[2999]).toEqual([[1, 2, 3], [4]]);
    await hub.close();
    await dispose();
  });

  it('lets a pull wait until the announcements before it have reached every stream, but not for later ones', async () => {
    const { db, dispose } = await openTestDatabase('sqlite');
    const hub = createRealtimeHub(db);
    // Two organisations' streams: a later change of the other one cannot travel with the first.
    const heard = { t: Array.from({ length: 3000 }, () => [] as number[]), u: Array.from({ length: 3000 }, () => [] as number[]) };
    for (const [tenantId, streams] of Object.entries(heard)) for (const seqs of streams) hub.subscribe(tenantId, (announced) => seqs.push(...announced.map((a) => a.seq)));
    await hub.delivered();
    hub.announce({ tenantId: 't', seq: 1, personIds: [] });
    const pull = hub.delivered().then(() => ({ t: heard.t.filter((seqs) => seqs.length > 0).length, u: heard.u.filter((seqs) => seqs.length > 0).length }));
    hub.announce({ tenantId: 'u', seq: 1, personIds: [] });
    const whenPulled = await pull;
    expect(whenPulled.t).toBe(3000);
    // The later announcement was still on its way to most of its streams when the pull went ahead.
    expect(whenPulled.u).toBeLessThan(3000);
    await hub.delivered();
    expect([...heard.t, ...heard.u].every((seqs) => seqs.join(',') === '1')).toBe(true);
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
    hub.subscribe('t', (announced) => heard.push(...announced.map((a) => `${a.seq}${a.shared ? ` since ${a.shared.since}` : ''}`)));
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
