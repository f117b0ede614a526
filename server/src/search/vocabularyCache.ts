import { MemoryVocabulary } from '../../../common/src/search/vocabulary.js';
import type { Db } from '../db/connect.js';
import type { IndexState } from './build.js';

interface Copy {
  build: number;
  generation: number;
  vocabulary: MemoryVocabulary;
}

const copies = new WeakMap<Db, Map<string, Copy>>();

/**
 * This server node's copy of an organisation's vocabulary, for completing, correcting and splitting
 * query words without a database round trip per candidate. It is brought up to date from the rows
 * whose generation is newer than the copy's (a whole new build is loaded whole), so every node sees
 * every committed term before it plans a query.
 */
export async function vocabularyOf(db: Db, tenantId: string, state: IndexState): Promise<MemoryVocabulary> {
  let perDb = copies.get(db);
  if (!perDb) copies.set(db, (perDb = new Map()));
  let copy = perDb.get(tenantId);
  if (!copy || copy.build !== state.build) {
    const rows = await db.kysely.selectFrom('search_vocabulary').select(['term', 'df']).where('tenant_id', '=', tenantId).execute();
    copy = { build: state.build, generation: state.generation, vocabulary: new MemoryVocabulary(rows.map((r) => [r.term, r.df] as [string, number])) };
    perDb.set(tenantId, copy);
  } else if (state.generation > copy.generation) {
    const rows = await db.kysely
      .selectFrom('search_vocabulary')
      .select(['term', 'df'])
      .where('tenant_id', '=', tenantId)
      .where('generation', '>', copy.generation)
      .execute();
    for (const r of rows) copy.vocabulary.set(r.term, r.df);
    copy.generation = state.generation;
  }
  copy.vocabulary.setDocCount(state.docCount);
  return copy.vocabulary;
}
