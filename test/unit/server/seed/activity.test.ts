import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../server/src/db/connect.js';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { ensureDemoOrganisation, seedOrganisation } from '../../../../server/src/seed/index.js';
import { activity, sessions } from '../../../../server/src/stats/queries.js';
import { recordActivity } from '../../../../server/src/stats/record.js';

/** Wednesday 12 March 2025: the 90 days before it hold 13 Tuesdays. */
const ANCHOR = new Date('2025-03-12T00:00:00.000Z');
const scope = (tenantId: string) => ({ tenantId, from: '2024-12-12', to: '2025-03-11', previous: { from: '2024-09-13', to: '2024-12-11' } });

const dirs: string[] = [];
const dbs: Db[] = [];
async function freshDb(): Promise<Db> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samen-activity-'));
  dirs.push(dir);
  const db = openDatabase({ dataDir: dir });
  dbs.push(db);
  await migrateToLatest(db);
  return db;
}
afterAll(async () => {
  for (const db of dbs) await db.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the demo organisation\u2019s seeded activity', () => {
  let db: Db;
  let tenantId: string;
  beforeAll(async () => {
    db = await freshDb();
    ({ tenantId } = await ensureDemoOrganisation(db, { anchor: ANCHOR }));
  });

  it('peaks on Tuesday afternoon, as the seeds found, with every weekday and working hour present', async () => {
    const a = await activity(db.kysely, scope(tenantId));
    expect(a.best?.weekday).toBe(2);
    expect(a.best?.hour).toBeGreaterThanOrEqual(13);
    expect(a.best?.hour).toBeLessThanOrEqual(16);
    const weekdays = new Set(a.byWeekdayHour.filter((c) => (c.count ?? 0) > 0).map((c) => c.weekday));
    expect([...weekdays].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('has sessions of about five minutes, mostly on desktops', async () => {
    const s = await sessions(db.kysely, scope(tenantId));
    const byBucket = new Map(s.buckets.map((b) => [b.bucket, b.sessions ?? 0]));
    const total = [...byBucket.values()].reduce((x, y) => x + y, 0);
    expect(total).toBeGreaterThan(1000);
    const aroundFive = (byBucket.get('1to5m') ?? 0) + (byBucket.get('5to15m') ?? 0);
    expect(aroundFive / total).toBeGreaterThan(0.5);
  });

  it('counts a seeded like under the id the live server uses, so liking it again counts once', async () => {
    const like = await db.kysely.selectFrom('likes').select(['post_id', 'person_id', 'created_at']).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    const counted = await db.kysely.transaction().execute((trx) =>
      recordActivity(trx, tenantId, [{ id: `like:${like.post_id}:${like.person_id}`, kind: 'reaction', personId: like.person_id, at: new Date(like.created_at), deviceKind: 'workstation' }]),
    );
    expect(counted).toEqual({ accepted: 0, duplicates: 1 });
  });

  it('is the same for the same seed and anchor', async () => {
    const again = await freshDb();
    const { tenantId: t2 } = await ensureDemoOrganisation(again, { anchor: ANCHOR });
    const rows = (d: Db, t: string) => d.kysely.selectFrom('stats_hourly').select(['day', 'hour', 'location_key', 'department_key', 'count']).where('tenant_id', '=', t).orderBy('day').orderBy('hour').orderBy('location_key').orderBy('department_key').execute();
    expect(await rows(again, t2)).toEqual(await rows(db, tenantId));
  });
});

it('leaves the statistics of other seeded organisations empty, so a test\u2019s own figures are exact', async () => {
  const db = await freshDb();
  const { tenantId } = await seedOrganisation(db, { seed: 3, employees: 50, slug: 'leeg', images: false, anchor: ANCHOR });
  expect(await db.kysely.selectFrom('stats_events').select('id').where('tenant_id', '=', tenantId).execute()).toEqual([]);
});
