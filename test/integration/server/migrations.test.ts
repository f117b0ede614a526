import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/src/db/connect.js';
import { migrateToLatest } from '../../../server/src/db/migrate.js';
import { migrations } from '../../../server/src/db/migrations/index.js';
import { seedOrganisation } from '../../../server/src/seed/index.js';
import { openTestDatabase, testDialects } from '../../fixtures/testServer.js';

const dialects = await testDialects();

async function counts(db: Db) {
  const k = db.kysely;
  const n = async (table: 'people' | 'posts' | 'comments' | 'likes' | 'changes') =>
    Number((await k.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { people: await n('people'), posts: await n('posts'), comments: await n('comments'), likes: await n('likes'), changes: await n('changes') };
}

describe.each(dialects)('server migrations (%s)', (dialect) => {
  let dispose: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await dispose?.();
    dispose = null;
  });

  it('runs forward only, once, and keeps an organisation’s data through every later migration', async () => {
    const opened = await openTestDatabase(dialect);
    dispose = opened.dispose;
    // openTestDatabase migrated to the latest; a second run must find nothing to do.
    expect(await migrateToLatest(opened.db)).toEqual([]);
    await seedOrganisation(opened.db, { seed: 3, employees: 50, slug: 'migratie', images: false });
    const before = await counts(opened.db);
    expect(before.posts).toBeGreaterThan(0);
    expect(await migrateToLatest(opened.db)).toEqual([]);
    expect(await counts(opened.db)).toEqual(before);
  });

  it.each(migrations.map((m, i) => [m.name, i] as const))('%s applies to a database holding data of the version before it', async (_name, index) => {
    const fresh = await openTestDatabase(dialect, { migrate: false });
    dispose = fresh.dispose;
    await migrateToLatest(fresh.db, migrations.slice(0, index));
    if (index > 0) await seedOrganisation(fresh.db, { seed: 4, employees: 50, slug: 'oud', images: false });
    const before = index > 0 ? await counts(fresh.db) : null;
    expect(await migrateToLatest(fresh.db, migrations.slice(0, index + 1))).toEqual([migrations[index]!.name]);
    if (before) expect(await counts(fresh.db)).toEqual(before);
  });
});
