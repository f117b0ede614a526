import { statSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import type { Kysely } from 'kysely';
import type { SyncChange } from '../../common/src/api/sync.js';
import { CACHE_FILE_NAME, openCache, type Cache } from '../../main/core/cache/openCache.js';
import { createClientIndex, type ClientIndex } from '../../main/core/search/clientIndex.js';
import type { Database } from '../../server/src/db/schema.js';
import { groupFromRow, membersOnly } from '../../server/src/groups/access.js';
import { pagesFromRows, sectionFromRow } from '../../server/src/kb/serialize.js';
import { departmentFromRow, locationFromRow, personFromRow } from '../../server/src/people/serialize.js';
import { postFromRow } from '../../server/src/timeline/serialize.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const clock = { now: () => new Date() };
const BATCH = 2_000;

/**
 * A client's cache holding what a device keeps of the organisation (the shared part of the feed:
 * pages, organisation-wide posts, open groups, colleagues), filled from the server's tables with
 * the server's own serialisers, so the offline index is built from what sync would have brought.
 */
export async function fillClientCache(k: Kysely<Database>, tenantId: string, dataDir: string): Promise<{ cache: Cache; fileBytes: number }> {
  const changes: SyncChange[] = [];
  let seq = 0;
  const upsert = (entity: string, data: { id: string }) => changes.push({ seq: ++seq, entity, id: data.id, op: 'upsert', data } as SyncChange);
  const t = (table: 'locations' | 'departments' | 'people' | 'groups' | 'kb_sections' | 'kb_pages' | 'posts') =>
    k.selectFrom(table).selectAll().where('tenant_id', '=', tenantId);

  for (const r of await t('locations').execute()) upsert('location', locationFromRow(r));
  for (const r of await t('departments').execute()) upsert('department', departmentFromRow(r));
  for (const r of await t('people').execute()) upsert('person', personFromRow(r));
  for (const r of await t('groups').execute()) if (!membersOnly(r)) upsert('group', groupFromRow(r));
  for (const r of await t('kb_sections').execute()) upsert('section', sectionFromRow(r));
  for (const p of await pagesFromRows(k, tenantId, await t('kb_pages').execute())) upsert('page', p);
  for (const r of await t('posts').where('group_id', 'is', null).execute()) upsert('post', postFromRow(r));

  const cache = openCache({ dataDir, log: quiet, clock });
  for (let i = 0; i < changes.length; i += BATCH) {
    const page = changes.slice(i, i + BATCH);
    cache.write((c) => c.applier.applyPage(page, page[page.length - 1]!.seq, null));
  }
  // Everything into the file itself, so its size is what the device keeps.
  cache.write((c) => c.db.pragma('wal_checkpoint(TRUNCATE)'));
  return { cache, fileBytes: statSync(path.join(dataDir, CACHE_FILE_NAME)).size };
}

// The heap is only comparable after a full collection; tsx runs without --expose-gc.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Builds the client's offline index over the cache as its first search would, with the time and heap it took. */
export function buildClientIndex(cache: Cache): { index: ClientIndex; seconds: number; heapBytes: number } {
  collect();
  const before = process.memoryUsage().heapUsed;
  const index = createClientIndex(cache);
  const t = performance.now();
  index.warm();
  const seconds = (performance.now() - t) / 1000;
  collect();
  return { index, seconds, heapBytes: process.memoryUsage().heapUsed - before };
}
