import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { migrations } from '../../../../server/src/db/migrations/index.js';
import { seedOrganisation } from '../../../../server/src/seed/index.js';
import { postFromRow } from '../../../../server/src/timeline/serialize.js';
import { openTestDatabase, testDialects } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const upTo = (name: string) => migrations.slice(0, migrations.findIndex((m) => m.name === name) + 1);

describe.each(dialects)('migration 0035_reactions (%s)', (dialect) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it('keeps every existing like as a reaction of kind like, with the same counts', async () => {
    const fresh = await openTestDatabase(dialect, { migrate: false });
    cleanup.push(fresh.dispose);
    const k = fresh.db.kysely;
    await migrateToLatest(fresh.db, upTo('0034_categories'));
    const { tenantId } = await seedOrganisation(fresh.db, { seed: 12, employees: 50, slug: 'bestaand', images: false });
    const likesBefore = await k.selectFrom('likes').select(['post_id', 'person_id']).where('tenant_id', '=', tenantId).orderBy('post_id').orderBy('person_id').execute();
    expect(likesBefore.length).toBeGreaterThan(0);

    expect(await migrateToLatest(fresh.db, upTo('0035_reactions'))).toEqual(['0035_reactions']);
    const likesAfter = await k.selectFrom('likes').select(['post_id', 'person_id', 'kind']).where('tenant_id', '=', tenantId).orderBy('post_id').orderBy('person_id').execute();
    expect(likesAfter).toEqual(likesBefore.map((l) => ({ ...l, kind: 'like' })));
    for (const row of await k.selectFrom('posts').selectAll().where('tenant_id', '=', tenantId).execute()) {
      const post = postFromRow(row);
      expect(post.reactions).toEqual({ like: post.likeCount, hart: 0, applaus: 0, inzichtelijk: 0, bedankt: 0 });
    }
  });
});
