import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSamenCore, type SamenCore } from '../../main/core/api.js';
import { buildServer } from '../../server/src/app.js';
import { openDatabase, type Db } from '../../server/src/db/connect.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { seedOrganisation } from '../../server/src/seed/index.js';
import { TestClient } from '../../test/fixtures/apiClient.js';
import { DEMO_PASSWORDS } from '../../test/fixtures/testServer.js';
import { line, ms, summarise } from '../stats.js';

const EMPLOYEES = 20_000;
const GROUPS = 30;
const PAGE = 20;
const WARM_UP = 30;
const SERVER_RUNS = 300;
const CACHE_RUNS = 1_000;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The home timeline's first page for a person in 30 groups of a 20 000-employee organisation, from the
 * client's cache (what the screen asks) and from the server (GET /v1/posts), against the same for a
 * person in no group, measured in the same run on the same data. The home page of someone in groups
 * reads more: her groups' posts, the choices on each membership, her private groups in memory.
 *
 *   npm run bench -- groups
 */
export async function main(): Promise<void> {
  console.log(`\nGroups: home timeline, first page of ${PAGE}, ${EMPLOYEES} employees`);
  const dir = mkdtempSync(path.join(tmpdir(), 'samen-groups-bench-'));
  const db = openDatabase({ dataDir: path.join(dir, 'server') });
  try {
    await migrateToLatest(db);
    const t0 = performance.now();
    const seeded = await seedOrganisation(db, { seed: 5, employees: EMPLOYEES, slug: 'groups-bench', images: false, knowledgeBase: false });
    line('seed (SQLite, no pictures, no knowledge base)', `${((performance.now() - t0) / 1000).toFixed(1)} s, ${seeded.posts} posts`);
    const server = await buildServer({ db, options: { heartbeatSeconds: 5 } });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const inGroups = await arrange(db, url);
      line('Anna is a member of', `${inGroups} groups; Bram of none`);
      const anna = await new TestClient(url).login('1001', DEMO_PASSWORDS['1001']!);
      const bram = await new TestClient(url).login('1002', DEMO_PASSWORDS['1002']!);
      const fromServer = async (who: TestClient) =>
        timeAsync(SERVER_RUNS, async () => {
          const answer = await who.get(`/v1/posts?limit=${PAGE}`);
          if (answer.status !== 200) throw new Error(`GET /v1/posts: ${answer.status}`);
        });
      const serverBaseline = await fromServer(bram);
      const serverGroups = await fromServer(anna);
      line('server, in no group (baseline): p50 / p95', `${ms(serverBaseline.p50)} / ${ms(serverBaseline.p95)}`);
      line(`server, in ${inGroups} groups: p50 / p95`, `${ms(serverGroups.p50)} / ${ms(serverGroups.p95)}`);

      const core = createSamenCore({ serverUrl: url, dataDir: path.join(dir, 'client'), mode: 'workstation', log: quiet, imageUrl: (id, size) => `samen-image://${id}?size=${size}` });
      core.start();
      try {
        const fromCache = async (employeeNumber: string) => {
          const t = performance.now();
          await loggedInAndSynced(core, employeeNumber);
          const syncSeconds = (performance.now() - t) / 1000;
          const figures = await timeAsync(CACHE_RUNS, async () => {
            const page = await core.invoke('timeline.list', { limit: PAGE });
            if (!page.ok || page.value.items.length !== PAGE) throw new Error(`timeline.list: ${JSON.stringify(page).slice(0, 200)}`);
          });
          await core.invoke('session.logout', {});
          return { ...figures, syncSeconds };
        };
        const cacheBaseline = await fromCache('1002');
        const cacheGroups = await fromCache('1001');
        line('client cache, in no group (baseline): p50 / p95', `${ms(cacheBaseline.p50)} / ${ms(cacheBaseline.p95)} (first sync ${cacheBaseline.syncSeconds.toFixed(1)} s)`);
        line(`client cache, in ${inGroups} groups: p50 / p95`, `${ms(cacheGroups.p50)} / ${ms(cacheGroups.p95)} (her sync ${cacheGroups.syncSeconds.toFixed(1)} s)`);
      } finally {
        await core.stop();
      }
    } finally {
      await server.app.close();
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Anna in 30 groups (the seeded groups with posts first, then department and location groups), added
 * by the organisation's admin as the client would see it happen; Bram in none (taken out underneath,
 * which his first sync reads as he is now).
 */
async function arrange(db: Db, url: string): Promise<number> {
  const k = db.kysely;
  const person = async (n: string) => (await k.selectFrom('people').select('id').where('employee_number', '=', n).executeTakeFirstOrThrow()).id;
  const [annaId, bramId] = [await person('1001'), await person('1002')];
  await k.deleteFrom('group_members').where('person_id', '=', bramId).execute();
  const groups = await k.selectFrom('groups').select(['id', 'managed_by']).where('archived_at', 'is', null).orderBy('managed_by', 'desc').orderBy('id').execute();
  const mine = new Set((await k.selectFrom('group_members').select('group_id').where('person_id', '=', annaId).execute()).map((m) => m.group_id));
  const daan = await new TestClient(url).login('1004', DEMO_PASSWORDS['1004']!);
  for (const g of groups) {
    if (mine.size >= GROUPS) break;
    if (mine.has(g.id)) continue;
    const added = await daan.put(`/v1/groups/${g.id}/members/${annaId}`, { role: 'member' });
    if (added.status === 200) mine.add(g.id);
  }
  // Informal groups count only with "toon in mijn tijdlijn": she turns it on, so every group is in her home timeline.
  const anna = await new TestClient(url).login('1001', DEMO_PASSWORDS['1001']!);
  for (const id of mine) await anna.patch(`/v1/groups/${id}/membership`, { showInTimeline: true });
  return mine.size;
}

async function loggedInAndSynced(core: SamenCore, employeeNumber: string): Promise<void> {
  const login = await core.invoke('session.loginPassword', { employeeNumber, password: DEMO_PASSWORDS[employeeNumber]! });
  if (!login.ok) throw new Error(`login ${employeeNumber}: ${login.error.message}`);
  for (;;) {
    const synced = await core.invoke('sync.now', {});
    if (synced.ok && synced.value.state === 'online' && synced.value.lastSyncedAt !== null) return;
  }
}

async function timeAsync(runs: number, run: () => Promise<void>) {
  for (let i = 0; i < WARM_UP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return summarise(samples);
}
