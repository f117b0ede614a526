import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { migrations } from '../../../../server/src/db/migrations/index.js';
import { seedOrganisation } from '../../../../server/src/seed/index.js';
import { postFromRow } from '../../../../server/src/timeline/serialize.js';
import { openTestDatabase, testDialects } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const upTo = (name: string) => migrations.slice(0, migrations.findIndex((m) => m.name === name) + 1);

describe.each(dialects)('migrations 0010_read_confirmations and 0011_post_views (%s)', (dialect) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it('leave every existing post as it was: not "lezen verplicht", nobody confirmed, seen by nobody', async () => {
    const fresh = await openTestDatabase(dialect, { migrate: false });
    cleanup.push(fresh.dispose);
    const k = fresh.db.kysely;
    await migrateToLatest(fresh.db, upTo('0008_groups'));
    const { tenantId } = await seedOrganisation(fresh.db, { seed: 9, employees: 50, slug: 'bestaand', images: false, knowledgeBase: false });
    const before = await k.selectFrom('posts').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();

    expect(await migrateToLatest(fresh.db, upTo('0010_read_confirmations'))).toEqual(['0010_read_confirmations']);
    const person = await k.selectFrom('people').select('id').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    // A confirmation written between the two, as a server of that version would.
    await k.insertInto('read_receipts').values({ tenant_id: tenantId, post_id: before[0]!.id, person_id: person.id, confirmed_at: null, later_count: 1, updated_at: '2030-01-01T08:00:00.000Z' }).execute();

    expect(await migrateToLatest(fresh.db, upTo('0011_post_views'))).toEqual(['0011_post_views']);
    const after = await k.selectFrom('posts').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
    expect(after).toHaveLength(before.length);
    for (const [i, row] of after.entries()) {
      expect(postFromRow(row)).toEqual({ ...postFromRow(before[i]!), readRequired: null, viewCount: 0 });
      expect(Number(row.read_confirmed_count)).toBe(0);
    }
    expect(await k.selectFrom('read_receipts').select('later_count').execute()).toEqual([{ later_count: 1 }]);
    expect(await k.selectFrom('post_views').selectAll().execute()).toEqual([]);
  });
});
