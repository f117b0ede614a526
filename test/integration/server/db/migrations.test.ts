import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION_SETTINGS } from '../../../../common/src/api/entities.js';
import type { Db } from '../../../../server/src/db/connect.js';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { migrations } from '../../../../server/src/db/migrations/index.js';
import { organisationFromRow } from '../../../../server/src/people/serialize.js';
import { seedOrganisation } from '../../../../server/src/seed/index.js';
import { openTestDatabase, testDialects } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
/** The seed writes the knowledge base and the search index only into a database that has their tables. */
const SEARCH_INDEX = migrations.findIndex((m) => m.name === '0007_search');
/** …and people's mail addresses only into one that has 0013's. */
const MAILINGS = migrations.findIndex((m) => m.name === '0013_mailings');
const GROUPS = migrations.findIndex((m) => m.name === '0008_groups');
const KIOSK_PLAYLISTS = migrations.findIndex((m) => m.name === '0032_kiosk_playlists');

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

  /**
   * One database climbs the versions one migration at a time. Before each step an organisation is
   * seeded with what that version holds, so every migration meets the data of every version before
   * it, as a server that was upgraded release by release does; its counts must come through intact.
   * The knowledge base (with its search index, the slow part of a seed) is seeded once, at the first
   * version that has its tables; it stays in the database for every later step.
   */
  describe('step by step', () => {
    let climbing: Awaited<ReturnType<typeof openTestDatabase>> | null = null;
    afterAll(() => climbing?.dispose());

    it.each(migrations.map((m, i) => [m.name, i] as const))('%s applies to a database holding data of the versions before it', async (_name, index) => {
      climbing ??= await openTestDatabase(dialect, { migrate: false });
      const db = climbing.db;
      if (index > 0) await seedOrganisation(db, { seed: 4 + index, employees: 50, slug: `versie-${index}`, images: false, knowledgeBase: index === SEARCH_INDEX + 1, mailAddresses: index > MAILINGS, groupExtras: index > GROUPS, kioskPlaylist: index > KIOSK_PLAYLISTS });
      const before = index > 0 ? await counts(db) : null;
      expect(await migrateToLatest(db, migrations.slice(0, index + 1))).toEqual([migrations[index]!.name]);
      if (before) expect(await counts(db)).toEqual(before);
    });
  });

  it('0002_devices gives organisations already there the default settings and their sessions the kind "session"', async () => {
    const fresh = await openTestDatabase(dialect, { migrate: false });
    dispose = fresh.dispose;
    const index = migrations.findIndex((m) => m.name === '0002_devices');
    await migrateToLatest(fresh.db, migrations.slice(0, index));
    const { tenantId } = await seedOrganisation(fresh.db, { seed: 5, employees: 50, slug: 'bestaand', images: false, knowledgeBase: false });
    const person = await fresh.db.kysely.selectFrom('people').select('id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirstOrThrow();
    await fresh.db.kysely
      .insertInto('sessions')
      .values({ tenant_id: tenantId, token_hash: 'h', person_id: person.id, device_id: null, created_at: '2030-01-01T00:00:00.000Z', expires_at: '2030-01-02T00:00:00.000Z', revoked_at: null })
      .execute();
    await migrateToLatest(fresh.db, migrations.slice(0, index + 1));
    const org = await fresh.db.kysely.selectFrom('organisations').selectAll().where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    // What 0002 stored agrees with today's defaults; settings added later come from the defaults.
    expect(DEFAULT_ORGANISATION_SETTINGS).toMatchObject(JSON.parse(org.settings));
    expect(organisationFromRow(org).settings).toEqual(DEFAULT_ORGANISATION_SETTINGS);
    expect((await fresh.db.kysely.selectFrom('sessions').select('kind').executeTakeFirstOrThrow()).kind).toBe('session');
    const pins = await fresh.db.kysely.selectFrom('people').select('last_pin_at').where('tenant_id', '=', tenantId).execute();
    expect(pins.every((p) => p.last_pin_at === null)).toBe(true);
    expect(await fresh.db.kysely.selectFrom('devices').selectAll().execute()).toEqual([]);
  });
});
