import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { migrations } from '../../../../server/src/db/migrations/index.js';
import { seedOrganisation } from '../../../../server/src/seed/index.js';
import { postFromRow } from '../../../../server/src/timeline/serialize.js';
import { openTestDatabase, testDialects } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const upTo = (name: string) => migrations.slice(0, migrations.findIndex((m) => m.name === name) + 1);

describe.each(dialects)('migration 0019_polls (%s)', (dialect) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it('leaves every existing post as it was, none of them a poll, and takes polls after it', async () => {
    const fresh = await openTestDatabase(dialect, { migrate: false });
    cleanup.push(fresh.dispose);
    const k = fresh.db.kysely;
    await migrateToLatest(fresh.db, upTo('0018_feed_numbered_at_commit'));
    const { tenantId } = await seedOrganisation(fresh.db, { seed: 11, employees: 50, slug: 'bestaand', images: false, knowledgeBase: false });
    const before = await k.selectFrom('posts').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();

    expect(await migrateToLatest(fresh.db, upTo('0019_polls'))).toEqual(['0019_polls']);
    const after = await k.selectFrom('posts').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
    expect(after).toHaveLength(before.length);
    for (const [i, row] of after.entries()) {
      expect(Number(row.poll)).toBe(0);
      expect(postFromRow(row)).toEqual(postFromRow(before[i]!));
    }
    const post = after[0]!;
    await k.insertInto('polls').values({ tenant_id: tenantId, post_id: post.id, multiple: 0, anonymous: 1, changeable: 0, show_results: 'always', closes_at: null, created_at: post.created_at }).execute();
    const poll = await k.selectFrom('polls').selectAll().executeTakeFirstOrThrow();
    expect({ voters: Number(poll.voters), closeAnnounced: Number(poll.close_announced) }).toEqual({ voters: 0, closeAnnounced: 0 });
  });
});
