import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../server/src/db/connect.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { BEST_TIME_DAYS, bestPostingSlot } from '../../server/src/scheduling/bestTime.js';
import { addDays, amsterdamSlot, eachDay, isoWeekday } from '../../server/src/stats/calendar.js';
import { createScratchDatabase, postgresAvailable } from '../../test/fixtures/postgres.js';
import { line, ms, summarise } from '../stats.js';

const EMPLOYEES = 20_000;
const RUNS = 30;
const WARM_UP = 3;
const TENANT = 'besttime-bench';

/**
 * The composer's tip, "the busiest two hours of the week", over 90 days of a 20 000-person
 * organisation's hourly head counts (`stats_org_people`, the rollup it reads), on SQLite and, where
 * reachable, PostgreSQL. Baselines in the same run: reading the same rows and nothing else, and
 * summing the counts per place (`stats_people`), as the tip did before the organisation-wide rollup.
 *
 *   npm run bench -- besttime [--teams N]
 *
 * `--teams` is how many (location, department) pairs the people are spread over (default 400, 50
 * people each): each pair has a row per day and active hour, so the rows grow with it.
 */
export async function main(): Promise<void> {
  const teamsArg = process.argv.indexOf('--teams');
  const teams = teamsArg > 0 ? Number(process.argv[teamsArg + 1]) : 400;
  if (!Number.isInteger(teams) || teams < 1) throw new Error('--teams must be a whole number of at least 1');
  console.log(`\nBest time to post: ${BEST_TIME_DAYS} days of ${EMPLOYEES} people in ${teams} teams`);
  const dir = mkdtempSync(path.join(tmpdir(), 'samen-besttime-bench-'));
  try {
    const sqlite = openDatabase({ dataDir: dir });
    try {
      await measure('SQLite', sqlite, teams);
    } finally {
      await sqlite.close();
    }
    if (await postgresAvailable()) {
      const scratch = await createScratchDatabase();
      const pg = openDatabase({ url: scratch.url });
      try {
        await measure('PostgreSQL', pg, teams);
      } finally {
        await pg.close();
        await scratch.drop();
      }
    } else {
      line('PostgreSQL', 'not reachable: skipped');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(name: string, db: Db, teams: number): Promise<void> {
  await migrateToLatest(db);
  const now = new Date();
  const t0 = performance.now();
  const rows = await fill(db, teams, now);
  line(`${name}: rows written`, `${rows} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const today = amsterdamSlot(now).day;
  const from = addDays(today, -BEST_TIME_DAYS);
  const to = addDays(today, -1);
  const hours = sql.join(Array.from({ length: 24 }, (_, h) => `hour:${h}`));
  const readOnly = await time(async () => {
    await sql`select count(*) from stats_org_people where tenant_id = ${TENANT} and scope in (${hours}) and day >= ${from} and day <= ${to}`.execute(db.kysely);
  });
  const perPlace = await time(async () => {
    await sql`select day, scope, sum(people) from stats_people where tenant_id = ${TENANT} and scope in (${hours}) and day >= ${from} and day <= ${to} group by day, scope`.execute(db.kysely);
  });
  let slot = null as Awaited<ReturnType<typeof bestPostingSlot>>;
  const suggestion = await time(async () => {
    slot = await bestPostingSlot(db.kysely, TENANT, now);
  });
  line(`${name}: reading the rows (baseline) p50 / p95`, `${ms(readOnly.p50)} / ${ms(readOnly.p95)}`);
  line(`${name}: summing per place instead p50 / p95`, `${ms(perPlace.p50)} / ${ms(perPlace.p95)}`);
  line(`${name}: best-time suggestion p50 / p95`, `${ms(suggestion.p50)} / ${ms(suggestion.p95)}`);
  line(`${name}: suggested`, slot ? `weekday ${slot.weekday}, ${slot.fromHour}-${slot.toHour} h` : 'nothing');
}

async function time(work: () => Promise<void>) {
  for (let i = 0; i < WARM_UP; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await work();
    samples.push(performance.now() - t);
  }
  return summarise(samples);
}

/** Share of a team active in an hour: office hours on weekdays, most on Tuesday afternoon, a little at night. */
function share(weekday: number, hour: number): number {
  const base = hour >= 7 && hour < 18 ? 0.25 : hour >= 18 && hour < 23 ? 0.08 : 0.02;
  const weekend = weekday >= 6 ? 0.4 : 1;
  const tuesdayAfternoon = weekday === 2 && (hour === 14 || hour === 15) ? 1.6 : 1;
  return base * weekend * tuesdayAfternoon;
}

async function fill(db: Db, teams: number, now: Date): Promise<number> {
  const perTeam = Math.round(EMPLOYEES / teams);
  const today = amsterdamSlot(now).day;
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const batch: { tenant_id: string; scope: string; day: string; location_key: string; department_key: string; people: number }[] = [];
  let written = 0;
  const flush = async () => {
    for (let i = 0; i < batch.length; i += 1_000) await db.kysely.insertInto('stats_people').values(batch.slice(i, i + 1_000)).execute();
    // The fold keeps the organisation's own row beside the places' rows.
    const org = new Map<string, { tenant_id: string; scope: string; day: string; people: number }>();
    for (const r of batch) {
      const key = `${r.day} ${r.scope}`;
      org.set(key, { tenant_id: r.tenant_id, scope: r.scope, day: r.day, people: (org.get(key)?.people ?? 0) + r.people });
    }
    await db.kysely.insertInto('stats_org_people').values([...org.values()]).execute();
    written += batch.length + org.size;
    batch.length = 0;
  };
  for (const day of eachDay(addDays(today, -BEST_TIME_DAYS), addDays(today, -1))) {
    const weekday = isoWeekday(day);
    for (let hour = 0; hour < 24; hour++) {
      for (let team = 0; team < teams; team++) {
        const people = Math.round(perTeam * share(weekday, hour) * (0.7 + 0.6 * random()));
        if (people > 0) batch.push({ tenant_id: TENANT, scope: `hour:${hour}`, day, location_key: `loc-${team % 25}`, department_key: `dep-${team}`, people });
      }
    }
    await flush();
  }
  return written;
}
