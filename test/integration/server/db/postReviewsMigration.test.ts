import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { migrations } from '../../../../server/src/db/migrations/index.js';
import { groupFromRow } from '../../../../server/src/groups/access.js';
import { organisationFromRow } from '../../../../server/src/people/serialize.js';
import { seedOrganisation } from '../../../../server/src/seed/index.js';
import { openTestDatabase, testDialects } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const upTo = (name: string) => migrations.slice(0, migrations.findIndex((m) => m.name === name) + 1);

describe.each(dialects)('migration 0040_post_reviews (%s)', (dialect) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it('asks no approval of existing organisations and groups, which read exactly as before', async () => {
    const fresh = await openTestDatabase(dialect, { migrate: false });
    cleanup.push(fresh.dispose);
    const k = fresh.db.kysely;
    await migrateToLatest(fresh.db, upTo('0039_photo_consent'));
    const { tenantId } = await seedOrganisation(fresh.db, { seed: 12, employees: 50, slug: 'bestaand', images: false });
    const orgBefore = organisationFromRow(await k.selectFrom('organisations').selectAll().where('tenant_id', '=', tenantId).executeTakeFirstOrThrow());
    const groupsBefore = (await k.selectFrom('groups').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute()).map(groupFromRow);
    expect(groupsBefore.length).toBeGreaterThan(0);

    expect(await migrateToLatest(fresh.db, upTo('0040_post_reviews'))).toEqual(['0040_post_reviews']);
    expect(organisationFromRow(await k.selectFrom('organisations').selectAll().where('tenant_id', '=', tenantId).executeTakeFirstOrThrow())).toEqual(orgBefore);
    expect((await k.selectFrom('groups').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute()).map(groupFromRow)).toEqual(groupsBefore);
    expect(await k.selectFrom('post_reviews').selectAll().execute()).toEqual([]);
  });
});
