import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type KyselyPlugin } from 'kysely';
import type { Principal } from '../../server/src/auth/principal.js';
import { openDatabase, type Db } from '../../server/src/db/connect.js';
import { notify } from '../../server/src/db/pgNotify.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { createRealtimeHub, type RealtimeHub } from '../../server/src/realtime/hub.js';
import { seedOrganisation } from '../../server/src/seed/index.js';
import { foldAllQueuedActivity } from '../../server/src/stats/record.js';
import type { FeedContext } from '../../server/src/sync/feed.js';
import { setLike } from '../../server/src/timeline/likeRoutes.js';
import { createScratchDatabase, postgresAvailable } from '../../test/fixtures/postgres.js';
import { line, ms, summarise } from '../stats.js';
import { diskFlushLatency, flushDirectory, sampleWalWaits, type WaitShares } from './walWaits.js';

/**
 * Write throughput on PostgreSQL, and what telling the other nodes costs: closed-loop writers like
 * and unlike posts through the server's own write path (the change feed, the per-tenant seq lock) for
 * a few seconds per way of announcing, while a second hub listens as another node would:
 * - none: announcements stay in the process (the baseline: what one node alone pays);
 * - notify per write: one `pg_notify` after every commit (each takes PostgreSQL's global notify lock);
 * - hub: the server's hub as it is (`realtime/hub.ts`).
 * The statistics events the likes queue are folded every second meanwhile, as each node does.
 * Rounds alternate the ways so drift on a shared machine hits each alike.
 *
 * Closed-loop writers show the most the machine takes, and latencies that are mostly their own queue.
 * So the latency target is measured as well at a fixed offered rate (open loop, `WRITE_BENCH_RATE`,
 * 1 000 a second by default): writes start on a schedule whether or not earlier ones are done, and
 * each one's latency counts from when it was due, so a stall is not hidden by writes that never started.
 */
const WRITERS = Number(process.env.WRITE_BENCH_WRITERS ?? 32);
const SECONDS = Number(process.env.WRITE_BENCH_SECONDS ?? 6);
const ROUNDS = 2;
const RATE = Number(process.env.WRITE_BENCH_RATE ?? 1000);

type Way = 'none' | 'notify per write' | 'hub';
/** Closed: WRITERS writers, each starting its next write when the last is done. Open: `rate` writes a second on a schedule. */
type Load = { kind: 'closed' } | { kind: 'open'; rate: number };

export async function main(): Promise<void> {
  console.log('\nWrite throughput (PostgreSQL)');
  if (!(await postgresAvailable())) {
    console.log('  (PostgreSQL not reachable: skipped)');
    return;
  }
  const scratch = await createScratchDatabase();
  const db = openDatabase({ url: scratch.url });
  try {
    await migrateToLatest(db);
    const seeded = await seedOrganisation(db, { seed: 11, employees: 3000, slug: 'writes', images: false });
    const people = await db.kysely.selectFrom('people').select('id').where('tenant_id', '=', seeded.tenantId).limit(2000).execute();
    const posts = await db.kysely.selectFrom('posts').select('id').where('tenant_id', '=', seeded.tenantId).where('group_id', 'is', null).limit(500).execute();
    line('closed-loop writers, pool, seconds per round', `${WRITERS}, 10 connections, ${SECONDS} s × ${ROUNDS} rounds`);
    const where = await flushDirectory(scratch.url);
    const disk = diskFlushLatency(where.dir);
    line(
      'the disk, 8 kB write + fdatasync, idle',
      `p50 ${ms(disk.p50)}, p99 ${ms(disk.p99)}, max ${ms(disk.max)} (${where.besideData ? `beside PostgreSQL's data, in ${where.dir}` : `in ${where.dir}: PostgreSQL's data directory is not on this machine or not writable`})`,
    );

    const results = new Map<
      string,
      { writes: number; seconds: number; latencies: number[]; committed: number[]; heard: number; slow: number; waits: { overall: WaitShares; duringSlow: WaitShares }[] }
    >();
    const open = `hub, ${RATE} writes/s offered`;
    for (let round = 0; round < ROUNDS; round++) {
      for (const [label, way, load] of [
        ['none', 'none', { kind: 'closed' }],
        ['notify per write', 'notify per write', { kind: 'closed' }],
        ['hub', 'hub', { kind: 'closed' }],
        [open, 'hub', { kind: 'open', rate: RATE }],
      ] as const) {
        const r = await measure(db, way, load, seeded.tenantId, people.map((p) => p.id), posts.map((p) => p.id));
        const acc = results.get(label) ?? { writes: 0, seconds: 0, latencies: [], committed: [], heard: 0, slow: 0, waits: [] };
        acc.slow += r.slow;
        if (r.waits) acc.waits.push(r.waits);
        acc.writes += r.writes;
        acc.seconds += r.seconds;
        acc.latencies.push(...r.latencies);
        acc.committed.push(...r.committed);
        acc.heard += r.heard;
        results.set(label, acc);
      }
    }
    const base = results.get('none')!;
    const baseRate = base.writes / base.seconds;
    for (const [label, r] of results) {
      const s = summarise(r.latencies);
      const rate = r.writes / r.seconds;
      const heard = label === 'none' ? '' : `, other node heard ${r.heard}`;
      const versus = label === open ? 'started on schedule' : `${(rate / baseRate).toFixed(2)}× none`;
      const c = summarise(r.committed);
      line(label, `${rate.toFixed(0)} writes/s (${versus}), p50 ${ms(s.p50)}, p99 ${ms(s.p99)}${heard}`);
      line('  of which until committed', `p50 ${ms(c.p50)}, p99 ${ms(c.p99)}`);
      if (label === open) {
        const pct = (share: number) => (Number.isNaN(share) ? '-' : `${(share * 100).toFixed(0)}%`);
        line(`  writes over ${SLOW_MS} ms`, `${r.slow} of ${r.writes}`);
        const perRound = (what: (w: WaitShares) => string) => r.waits.map((q) => `${what(q.overall)} overall, ${what(q.duringSlow)} while a slow write ran`).join('; ');
        line(`  ≥${WAL_QUEUE} sessions queued on the log flush`, `per round ${perRound((w) => pct(w.queued))}`);
        line('  CPU the VM\'s host took for others', `per round ${perRound((w) => pct(w.steal))}`);
        line('  the bench\'s own event loop late by at most', `per round ${perRound((w) => (Number.isNaN(w.maxLateMs) ? '-' : ms(w.maxLateMs)))}`);
      }
    }
  } finally {
    await db.close();
    await scratch.drop();
  }
}

/** A write slower than this misses the target; the open-loop round says what each such write waited on. */
const SLOW_MS = 50;
/** Sessions waiting on the log flush at once that mean it is slow, not just busy. */
const WAL_QUEUE = 3;

async function measure(db: Db, way: Way, load: Load, tenantId: string, people: string[], posts: string[]) {
  const listenerDb = openDatabase({ url: db.postgresUrl! });
  const otherNode = createRealtimeHub(listenerDb);
  let heard = 0;
  const unsubscribe = otherNode.subscribe(tenantId, (announced) => (heard += announced.length));
  // Let the other node's LISTEN connection settle before counting.
  await sql`select 1`.execute(listenerDb.kysely);
  await new Promise((r) => setTimeout(r, 300));

  const realtime = hubFor(db, way);
  const ctx: FeedContext = { db, k: db.kysely.withPlugin(lastAnswerClock), now: () => new Date(), realtime };
  // Each writer gives a like where she has none and takes hers back where she has one, as people do:
  // the seed's likes and those left by earlier rounds are known, so no write is a like she already gave.
  const existing = await db.kysely.selectFrom('likes').select(['person_id', 'post_id']).where('tenant_id', '=', tenantId).execute();
  const liked = new Set(existing.map((l) => `${l.person_id}/${l.post_id}`));
  const latencies: number[] = [];
  /** Open loop: when each slow write was due and when it was done, to set beside what PostgreSQL waited on. */
  const slowWrites: { from: number; to: number }[] = [];
  const walWaits = load.kind === 'open' ? sampleWalWaits(db.postgresUrl!) : null;
  /** Until the write's statement answered (committed), before the numbering that puts it in the feed. */
  const committed: number[] = [];
  let writes = 0;
  let measuring = false;
  let stop = false;
  /** The n-th write, its latency counted from when it was due; counted when it started while measuring. */
  const likeOrTakeBack = async (n: number, due: number) => {
    const personId = people[(n * 7919) % people.length]!;
    const postId = posts[(n * 104729) % posts.length]!;
    const key = `${personId}/${postId}`;
    const like = !liked.has(key);
    if (like) liked.add(key);
    else liked.delete(key);
    const p: Principal = { kind: 'person', tenantId, personId, roles: ['employee'], tokenHash: 'bench', deviceId: null, deviceKind: 'workstation', via: 'session' };
    const counted = measuring;
    const answered = { at: 0 };
    await writeClock.run(answered, () => setLike(ctx, p, postId, like));
    if (counted) {
      const done = performance.now();
      if (done - due > SLOW_MS) slowWrites.push({ from: due, to: done });
      latencies.push(done - due);
      committed.push(answered.at - due);
      writes++;
    }
  };
  const writer = async (w: number) => {
    for (let n = w + WRITERS; !stop; n += WRITERS) await likeOrTakeBack(n, performance.now());
  };
  /** Starts the writes due by now every millisecond or so, however many are still running. */
  const schedule = async (rate: number) => {
    const inFlight = new Set<Promise<void>>();
    const start = performance.now();
    let issued = 0;
    while (!stop) {
      const due = Math.floor(((performance.now() - start) * rate) / 1000);
      for (; issued < due; issued++) {
        const running = likeOrTakeBack(issued, start + (issued * 1000) / rate).finally(() => inFlight.delete(running));
        inFlight.add(running);
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(inFlight);
  };
  // The statistics each like queues are folded as a node's job does, so their cost is in the figure.
  let folding = Promise.resolve();
  const folder = setInterval(() => {
    folding = folding.then(async () => void (await foldAllQueuedActivity(db)));
  }, 1000);
  const running = load.kind === 'open' ? [schedule(load.rate)] : Array.from({ length: WRITERS }, (_, w) => writer(w));
  await new Promise((r) => setTimeout(r, 1000));
  measuring = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  measuring = false;
  const seconds = (performance.now() - t0) / 1000;
  stop = true;
  await Promise.all(running);
  clearInterval(folder);
  await folding;
  await walWaits?.stop();
  const waits = walWaits?.shares(WAL_QUEUE, slowWrites) ?? null;
  // Announcements still in flight reach the other node shortly after the last commit.
  await new Promise((r) => setTimeout(r, 500));
  unsubscribe();
  await realtime.close();
  await otherNode.close();
  await listenerDb.close();
  return { writes, seconds, latencies, committed, heard, slow: slowWrites.length, waits };
}

/** The write under way, and when its last statement on the request pool answered. */
const writeClock = new AsyncLocalStorage<{ at: number }>();
/** Marks each answer on the request pool; the numbering after the commit runs on a pool of its own. */
const lastAnswerClock: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    const write = writeClock.getStore();
    if (write) write.at = performance.now();
    return args.result;
  },
};

function hubFor(db: Db, way: Way): RealtimeHub {
  if (way === 'hub') return createRealtimeHub(db);
  const local = createRealtimeHub({ ...db, postgresUrl: null });
  if (way === 'none') return local;
  return {
    ...local,
    announce(a) {
      void notify(db.kysely, 'samen_changes', JSON.stringify(a));
    },
  };
}
