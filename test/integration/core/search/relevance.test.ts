import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../../../main/core/cache/openCache.js';
import { createClientIndex } from '../../../../main/core/search/clientIndex.js';
import { openDatabase, type Db } from '../../../../server/src/db/connect.js';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { seedOrganisation } from '../../../../server/src/seed/index.js';
import { tempDirs } from '../../../fixtures/core/harness.js';
import { fillClientCache } from '../../../fixtures/search/clientCacheFromServer.js';
import { formatReport, RELEVANCE_CASES, RELEVANCE_FLOORS, runRelevanceSuite } from '../../../fixtures/search/dutchRelevance.js';

const tempDir = tempDirs();

/**
 * The relevance suite against the client's own offline search (the cache a device fills from the
 * shared feed, and the index its search box asks), over the demo organisation the server is
 * measured on: what a nurse finds with the server out of reach.
 */
describe('Dutch relevance of the client’s offline search', () => {
  let db: Db;
  let cache: Cache;

  beforeAll(async () => {
    db = openDatabase({ dataDir: tempDir() });
    await migrateToLatest(db);
    const { tenantId } = await seedOrganisation(db, { seed: 1, employees: 50, slug: 'demo', images: false });
    ({ cache } = await fillClientCache(db.kysely, tenantId, tempDir()));
  });
  afterAll(async () => {
    cache?.close();
    await db?.close();
  });

  it(`finds the expected page for ${RELEVANCE_CASES.length} Dutch queries as well as the server does`, async () => {
    const index = createClientIndex(cache);
    const report = await runRelevanceSuite(async (q) => index.search(q));
    console.log(formatReport('client, offline', report));
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(80);
    expect(report.recallAt1).toBeGreaterThanOrEqual(RELEVANCE_FLOORS.recallAt1);
    expect(report.recallAt3).toBeGreaterThanOrEqual(RELEVANCE_FLOORS.recallAt3);
    expect(report.mrr).toBeGreaterThanOrEqual(RELEVANCE_FLOORS.mrr);
  });
});
