import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { migrations } from '../../../../server/src/db/migrations/index.js';
import { personFromRow } from '../../../../server/src/people/serialize.js';
import { seedOrganisation } from '../../../../server/src/seed/index.js';
import { openTestDatabase, testDialects } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const upTo = (name: string) => migrations.slice(0, migrations.findIndex((m) => m.name === name) + 1);

describe.each(dialects)('migration 0043_ambassadors (%s)', (dialect) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it('makes nobody an ambassador and shows the tour to nobody already there, who read exactly as before', async () => {
    const fresh = await openTestDatabase(dialect, { migrate: false });
    cleanup.push(fresh.dispose);
    const k = fresh.db.kysely;
    await migrateToLatest(fresh.db, upTo('0042_videos'));
    const { tenantId } = await seedOrganisation(fresh.db, { seed: 12, employees: 50, slug: 'bestaand', images: false, knowledgeBase: false });
    const before = (await k.selectFrom('people').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute()).map(personFromRow);

    expect(await migrateToLatest(fresh.db, upTo('0043_ambassadors'))).toEqual(['0043_ambassadors']);
    const rows = await k.selectFrom('people').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
    expect(rows.map(personFromRow)).toEqual(before);
    expect(rows.every((r) => r.tour_completed_at !== null && r.tour_requested_at === null)).toBe(true);
  });
});
