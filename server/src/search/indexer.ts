import { sql, type Kysely } from 'kysely';
import { termWeights, type SearchKind } from '../../../common/src/search/ranking.js';
import type { Database } from '../db/schema.js';
import type { Indexable } from './sources.js';

/**
 * Bumped whenever the shared analysis (common/src/search) would index a text differently: an index
 * built by another version is rebuilt before it answers.
 */
export const ANALYSIS_VERSION = 1;

type Db = Kysely<Database>;
const BATCH = 500;

/** The terms of a document with their weights, sorted, as stored in `search_docs.terms`. */
export const storedTerms = (weights: Map<string, number>): string => JSON.stringify(Object.fromEntries([...weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

/**
 * Takes the organisation's index for this transaction: its state row is locked until commit, so
 * writers of one organisation's index go one at a time and document counts stay exact. Null when
 * the organisation has no index of this analysis version yet (its build will take the document in).
 */
async function lockIndex(trx: Db, tenantId: string): Promise<{ generation: number } | null> {
  const row = await trx
    .updateTable('search_state')
    .set({ generation: sql`generation + 1` })
    .where('tenant_id', '=', tenantId)
    .where('analysis_version', '=', ANALYSIS_VERSION)
    .returning('generation')
    .executeTakeFirst();
  return row ? { generation: Number(row.generation) } : null;
}

/**
 * Puts a document into the index, or brings it up to date, inside the caller's transaction: a saved
 * page is findable the moment its transaction commits. Only the terms that changed are written.
 */
export async function indexDocument(trx: Db, tenantId: string, item: Indexable): Promise<void> {
  const lock = await lockIndex(trx, tenantId);
  if (!lock) return;
  const { meta } = item;
  const weights = termWeights(item.source);
  const terms = storedTerms(weights);
  const existing = await trx
    .selectFrom('search_docs')
    .select(['doc', 'terms', 'title', 'group_id', 'at'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', meta.kind)
    .where('id', '=', meta.id)
    .executeTakeFirst();
  if (existing && existing.terms === terms && existing.title === meta.title && existing.group_id === meta.groupId && existing.at === meta.at) return;

  let doc: number;
  let before = new Map<string, number>();
  if (existing) {
    doc = Number(existing.doc);
    before = new Map(Object.entries(JSON.parse(existing.terms) as Record<string, number>));
    await trx
      .updateTable('search_docs')
      .set({ title: meta.title, group_id: meta.groupId, at: meta.at, terms })
      .where('tenant_id', '=', tenantId)
      .where('doc', '=', doc)
      .execute();
  } else {
    const state = await trx
      .updateTable('search_state')
      .set({ last_doc: sql`last_doc + 1`, doc_count: sql`doc_count + 1` })
      .where('tenant_id', '=', tenantId)
      .returning('last_doc')
      .executeTakeFirstOrThrow();
    doc = Number(state.last_doc);
    await trx
      .insertInto('search_docs')
      .values({ tenant_id: tenantId, doc, kind: meta.kind, id: meta.id, title: meta.title, group_id: meta.groupId, at: meta.at, terms })
      .execute();
  }
  const removed = [...before.keys()].filter((t) => !weights.has(t));
  const added = [...weights.keys()].filter((t) => !before.has(t));
  const reweighed = [...weights].filter(([t, w]) => before.has(t) && before.get(t) !== w);
  await deleteTerms(trx, tenantId, doc, [...removed, ...reweighed.map(([t]) => t)].map((t) => [t, before.get(t)!] as const));
  await insertTerms(trx, tenantId, doc, [...added.map((t) => [t, weights.get(t)!] as const), ...reweighed]);
  await countTerms(trx, tenantId, added, removed, lock.generation);
}

/** Takes a document out of the index (deleted, or no longer searchable), inside the caller's transaction. */
export async function removeDocument(trx: Db, tenantId: string, kind: SearchKind, id: string): Promise<void> {
  const lock = await lockIndex(trx, tenantId);
  if (!lock) return;
  const existing = await trx.selectFrom('search_docs').select(['doc', 'terms']).where('tenant_id', '=', tenantId).where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
  if (!existing) return;
  const terms = Object.entries(JSON.parse(existing.terms) as Record<string, number>);
  const doc = Number(existing.doc);
  await deleteTerms(trx, tenantId, doc, terms);
  await trx.deleteFrom('search_docs').where('tenant_id', '=', tenantId).where('doc', '=', doc).execute();
  await trx.updateTable('search_state').set({ doc_count: sql`doc_count - 1` }).where('tenant_id', '=', tenantId).execute();
  await countTerms(
    trx,
    tenantId,
    [],
    terms.map(([t]) => t),
    lock.generation,
  );
}

/** Deletes postings by their whole key (term, weight, doc), grouped by weight: each is an index lookup. */
async function deleteTerms(trx: Db, tenantId: string, doc: number, postings: (readonly [string, number])[]) {
  const byWeight = new Map<number, string[]>();
  for (const [term, weight] of postings) byWeight.set(weight, [...(byWeight.get(weight) ?? []), term]);
  for (const [weight, terms] of byWeight) {
    for (let i = 0; i < terms.length; i += BATCH) {
      await trx
        .deleteFrom('search_terms')
        .where('tenant_id', '=', tenantId)
        .where('term', 'in', terms.slice(i, i + BATCH))
        .where('weight', '=', weight)
        .where('doc', '=', doc)
        .execute();
    }
  }
}

async function insertTerms(trx: Db, tenantId: string, doc: number, rows: (readonly [string, number])[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto('search_terms')
      .values(rows.slice(i, i + BATCH).map(([term, weight]) => ({ tenant_id: tenantId, term, doc, weight })))
      .execute();
  }
}

/** Documents per term: one more for each added term, one fewer for each removed one. */
async function countTerms(trx: Db, tenantId: string, added: string[], removed: string[], generation: number) {
  for (let i = 0; i < added.length; i += BATCH) {
    await trx
      .insertInto('search_vocabulary')
      .values(added.slice(i, i + BATCH).map((term) => ({ tenant_id: tenantId, term, df: 1, generation })))
      .onConflict((oc) => oc.columns(['tenant_id', 'term']).doUpdateSet({ df: sql`search_vocabulary.df + 1`, generation }))
      .execute();
  }
  for (let i = 0; i < removed.length; i += BATCH) {
    await trx
      .updateTable('search_vocabulary')
      .set({ df: sql`df - 1`, generation })
      .where('tenant_id', '=', tenantId)
      .where('term', 'in', removed.slice(i, i + BATCH))
      .execute();
  }
}
