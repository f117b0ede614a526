import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildServer } from '../../server/src/app.js';
import { openDatabase, type Db } from '../../server/src/db/connect.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { seedOrganisation } from '../../server/src/seed/index.js';
import { TestClient } from '../../test/fixtures/apiClient.js';
import { createScratchDatabase, postgresAvailable } from '../../test/fixtures/postgres.js';
import { line, mb, ms, summarise } from '../stats.js';

/**
 * Server figures: seeding speed and size, sync throughput from seq 0 for a 20 000-employee
 * organisation on both databases, the posts list under 50 concurrent clients, and badge taps on an
 * enrolled ward PC (3 000 employees). The baseline in the same run is /health (no database work beyond
 * `select 1`) under the same load.
 */
export async function main(): Promise<void> {
  console.log('\nServer');
  const pg = await postgresAvailable();
  for (const employees of [3000, 20000]) {
    const { db, size, dispose } = await sqliteDb();
    const started = performance.now();
    const seeded = await seedOrganisation(db, { seed: 7, employees, slug: `bench${employees}`, images: false });
    const seconds = (performance.now() - started) / 1000;
    line(`seed ${employees} employees (SQLite)`, `${seconds.toFixed(1)} s, ${mb(size())}, ${seeded.posts} posts, ${seeded.lastSeq} changes`);
    if (employees === 3000) await badgeTaps('SQLite', db);
    if (employees === 20000) {
      await syncThroughput('SQLite', db);
      await listUnderLoad(db);
    }
    await dispose();
    if (pg) {
      const scratch = await createScratchDatabase();
      const pdb = openDatabase({ url: scratch.url });
      await migrateToLatest(pdb);
      const t0 = performance.now();
      await seedOrganisation(pdb, { seed: 7, employees, slug: `bench${employees}`, images: false });
      const pgSeconds = (performance.now() - t0) / 1000;
      const pgSize = await sql<{ size: string }>`select pg_database_size(current_database())::text as size`.execute(pdb.kysely);
      line(`seed ${employees} employees (PostgreSQL)`, `${pgSeconds.toFixed(1)} s, ${mb(Number(pgSize.rows[0]!.size))}`);
      if (employees === 3000) await badgeTaps('PostgreSQL', pdb);
      if (employees === 20000) await syncThroughput('PostgreSQL', pdb);
      await pdb.close();
      await scratch.drop();
    }
  }
  if (!pg) console.log('  (PostgreSQL not reachable: its figures are skipped)');
}

async function sqliteDb() {
  const dir = mkdtempSync(path.join(tmpdir(), 'samen-bench-'));
  const db = openDatabase({ dataDir: dir });
  await migrateToLatest(db);
  return {
    db,
    size: () => readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0),
    dispose: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withServer<T>(db: Db, work: (url: string) => Promise<T>): Promise<T> {
  const server = await buildServer({ db });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    return await work(url);
  } finally {
    await server.close();
  }
}

async function syncThroughput(label: string, db: Db) {
  await withServer(db, async (url) => {
    const anna = await new TestClient(url).login('1001', 'welkom-anna');
    let since = 0;
    let entities = 0;
    const started = performance.now();
    for (;;) {
      const res = await anna.get(`/v1/sync?since=${since}&limit=5000`);
      entities += res.body.changes.length;
      since = res.body.next;
      if (!res.body.hasMore) break;
    }
    const seconds = (performance.now() - started) / 1000;
    line(`sync from 0, 20 000 employees (${label})`, `${entities} entities in ${seconds.toFixed(1)} s = ${Math.round(entities / seconds)} entities/s`);
  });
}

async function listUnderLoad(db: Db) {
  await withServer(db, async (url) => {
    const anna = await new TestClient(url).login('1001', 'welkom-anna');
    const load = async (path: string) => {
      const samples: number[] = [];
      const deadline = performance.now() + 4000;
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          while (performance.now() < deadline) {
            const t = performance.now();
            const res = await anna.get(path);
            if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
            samples.push(performance.now() - t);
          }
        }),
      );
      return summarise(samples);
    };
    const baseline = await load('/health');
    const posts = await load('/v1/posts?limit=20');
    line('/health, 50 concurrent clients (baseline)', `p50 ${ms(baseline.p50)}, p95 ${ms(baseline.p95)} (${baseline.n} requests)`);
    line('posts first page, 50 concurrent clients (SQLite)', `p50 ${ms(posts.p50)}, p95 ${ms(posts.p95)} (${posts.n} requests)`);
    line('posts first page p95 / baseline p95', `${(posts.p95 / baseline.p95).toFixed(1)}x`);
  });
}

/**
 * POST /v1/auth/badge on the server alone (the tap-to-timeline figure, reader to painted timeline, is
 * the client's benchmark): 50 taps in a row by Anna on an enrolled ward PC, with the PIN (one scrypt per
 * tap) and without it (the PIN was entered earlier that day), against 50 GET /health as the baseline.
 */
async function badgeTaps(label: string, db: Db) {
  await withServer(db, async (url) => {
    const daan = await new TestClient(url).login('1004', 'welkom-daan');
    const code = await daan.post('/v1/admin/enrolment-codes', { name: 'Bench ward PC', mode: 'shared' });
    const enrolled = await new TestClient(url).post('/v1/devices/enrol', { code: code.body.code });
    if (enrolled.status !== 201) throw new Error(`enrol: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
    const device = { 'x-samen-device': enrolled.body.deviceToken as string };
    const client = new TestClient(url);
    const timed = async (n: number, call: () => Promise<{ status: number; body: unknown }>) => {
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        const res = await call();
        if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
        samples.push(performance.now() - t);
      }
      return summarise(samples);
    };
    await timed(5, () => client.get('/health')); // warm up
    const baseline = await timed(50, () => client.get('/health'));
    const withPin = await timed(50, () => client.post('/v1/auth/badge', { badgeId: '04A1B2C3D4', pin: '1234' }, device));
    const withoutPin = await timed(50, () => client.post('/v1/auth/badge', { badgeId: '04A1B2C3D4' }, device));
    line(`/health, 50 in a row (baseline, ${label})`, `p50 ${ms(baseline.p50)}, p95 ${ms(baseline.p95)}`);
    line(`POST /v1/auth/badge, no PIN, 3 000 (${label})`, `p50 ${ms(withoutPin.p50)}, p95 ${ms(withoutPin.p95)} (${(withoutPin.p95 / baseline.p95).toFixed(1)}x baseline p95)`);
    line(`POST /v1/auth/badge + PIN, 3 000 (${label})`, `p50 ${ms(withPin.p50)}, p95 ${ms(withPin.p95)} (${(withPin.p95 / baseline.p95).toFixed(1)}x baseline p95)`);
  });
}
