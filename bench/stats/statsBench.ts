import { mkdtempSync, rmSync } from 'node:fs';
import { sql } from 'kysely';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uuidv7 } from '../../common/src/ids.js';
import { buildServer } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/db/connect.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { seedOrganisation } from '../../server/src/seed/index.js';
import { foldAllQueuedActivity } from '../../server/src/stats/record.js';
import { createScratchDatabase, postgresAvailable } from '../../test/fixtures/postgres.js';
import { mintSessions } from '../load/loadBench.js';
import { line, ms, summarise } from '../stats.js';
import { mintSession } from '../sessions.js';

/**
 * Statistics, on SQLite and PostgreSQL:
 *  - ingest: client batches through POST /v1/stats/events from many colleagues at once, as fast as the
 *    server takes them (target: 1 000 events/s);
 *  - dashboard: each report the dashboard asks for, over the last 90 days of an organisation of
 *    STATS_BENCH_PEOPLE colleagues (default 20 000) whose 90 days of activity the demo seed drew,
 *    for everyone and for one department (target: p95 under 200 ms).
 * `STATS_BENCH_PEOPLE=500 STATS_BENCH_EVENTS=2000 npm run bench -- stats` runs it small.
 */
const PEOPLE = Number(process.env.STATS_BENCH_PEOPLE ?? 20_000);
const EVENTS = Number(process.env.STATS_BENCH_EVENTS ?? 20_000);
const ROUNDS = Number(process.env.STATS_BENCH_ROUNDS ?? 20);
const CLIENTS = 50;
const CONCURRENT = 8;
/** A client's flush every few minutes holds a few dozen events. */
const PER_BATCH = 25;
const REPORTS = ['activity', 'people', 'sessions', 'devices', 'posts', 'groups', 'search', 'read-confirmations'] as const;

export async function main(): Promise<void> {
  console.log(`\nStatistics: ingest and dashboard over 90 days of ${PEOPLE} colleagues`);
  await bench('SQLite', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'samen-stats-bench-'));
    return { db: openDatabase({ dataDir: dir, fileName: 'bench.sqlite' }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  });
  if (await postgresAvailable()) {
    await bench('PostgreSQL', async () => {
      const scratch = await createScratchDatabase();
      return { db: openDatabase({ url: scratch.url }), drop: scratch.drop };
    });
  } else {
    console.log('  PostgreSQL not reachable: skipped');
  }
}

async function bench(name: string, open: () => Promise<{ db: ReturnType<typeof openDatabase>; drop: () => Promise<void> }>): Promise<void> {
  const { db, drop } = await open();
  try {
    await migrateToLatest(db);
    const t0 = performance.now();
    const seeded = await seedOrganisation(db, { seed: 15, employees: PEOPLE, slug: 'statistiek', images: false, knowledgeBase: false, activity: true });
    const seedSeconds = (performance.now() - t0) / 1000;
    // Production PostgreSQL analyses tables freshly filled by autovacuum; a machine running it with
    // autovacuum off (as test machines do) would plan the reports on empty-table estimates.
    if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
    const events = Number((await db.kysely.selectFrom('stats_events').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    line(`${name}: seed with 90 days of activity`, `${seeded.people} people, ${events} events in ${seedSeconds.toFixed(1)} s (${Math.round(events / seedSeconds)} events/s in bulk)`);

    const built = await buildServer({ db });
    try {
      await built.app.listen({ port: 0, host: '127.0.0.1' });
      const address = built.app.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      await ingest(name, url, db, seeded.tenantId);
      await dashboard(name, url, db, seeded.tenantId);
    } finally {
      await built.close();
    }
  } finally {
    await db.close();
    await drop();
  }
}

async function ingest(name: string, url: string, db: ReturnType<typeof openDatabase>, tenantId: string): Promise<void> {
  const tokens = await mintSessions(db, tenantId, CLIENTS);
  const posts = (await db.kysely.selectFrom('posts').select('id').where('tenant_id', '=', tenantId).limit(200).execute()).map((p) => p.id);
  const batches = Math.ceil(EVENTS / PER_BATCH);
  const now = Date.now();
  const batch = (n: number) =>
    Array.from({ length: PER_BATCH }, (_, i) => {
      const at = new Date(now - ((n * PER_BATCH + i) % 600) * 60_000).toISOString();
      return i % 3 === 0 ? { id: uuidv7(), kind: 'session', at, seconds: 30 + ((n + i) % 900) } : { id: uuidv7(), kind: 'post_view', at, subjectId: posts[(n + i) % posts.length] };
    });
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      while (next < batches) {
        const n = next++;
        const started = performance.now();
        const res = await fetch(`${url}/v1/stats/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[n % tokens.length]}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events: batch(n) }),
        });
        await res.arrayBuffer();
        if (res.status !== 202) failed++;
        latencies.push(performance.now() - started);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const s = summarise(latencies);
  line(`${name}: ingest ${batches} batches of ${PER_BATCH}`, `${Math.round((batches * PER_BATCH) / seconds)} events/s (target 1 000), batch p50 ${ms(s.p50)}, p95 ${ms(s.p95)}${failed ? `, ${failed} refused` : ''}`);
  // The route only queues: the figures count an event once the fold job has added it to the rollups.
  const drained = performance.now();
  await foldAllQueuedActivity(db);
  const counted = (performance.now() - t0) / 1000;
  line(`${name}: counted in the rollups`, `${((performance.now() - drained) / 1000).toFixed(1)} s after the last batch; ${Math.round((batches * PER_BATCH) / counted)} events/s from the first batch to all counted`);
}

async function dashboard(name: string, url: string, db: ReturnType<typeof openDatabase>, tenantId: string): Promise<void> {
  const editor = await db.kysely.selectFrom('people').select(['id', 'department_id']).where('tenant_id', '=', tenantId).where('roles', 'like', '%editor%').executeTakeFirstOrThrow();
  const token = await mintSession(db, tenantId, editor.id);
  const now = new Date();
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - 89 * 86_400_000).toISOString().slice(0, 10);
  for (const [scope, extra] of [
    ['everyone', ''],
    ['one department', `&departmentId=${editor.department_id}`],
  ] as const) {
    const all: number[] = [];
    const worst: string[] = [];
    for (const report of REPORTS) {
      const samples: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const started = performance.now();
        const res = await fetch(`${url}/v1/stats/${report}?from=${from}&to=${to}${extra}`, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${report}: ${res.status}`);
        samples.push(performance.now() - started);
      }
      all.push(...samples);
      worst.push(`${report} ${ms(summarise(samples).p95)}`);
    }
    const s = summarise(all);
    line(`${name}: dashboard, 90 days, ${scope}`, `p50 ${ms(s.p50)}, p95 ${ms(s.p95)} (target < 200 ms)`);
    line('  p95 per report', worst.join(', '));
  }
}
