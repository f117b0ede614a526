import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * One Dutch search over pages, posts, groups and people, the same on SQLite and PostgreSQL: a plain
 * inverted index of terms made by the shared analysis (common/src/search), not either database's own
 * text search. Also the organisation's synonyms and the search statistics, which keep no person.
 *
 * The index starts empty: the server builds each organisation's index when it finds it missing or
 * made by another version of the analysis.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const s = db.schema;
  // SQLite: a table keyed by its primary key alone stores each row once, in key order.
  const compact = ctx.binaryType === 'blob' ? sql`without rowid` : sql``;

  // Per organisation: which analysis built the index and how often it was built, how far the change
  // feed has been indexed, a counter for document numbers and one for vocabulary changes.
  await s
    .createTable('search_state')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey())
    .addColumn('analysis_version', 'integer', (c) => c.notNull())
    .addColumn('build', 'integer', (c) => c.notNull())
    .addColumn('indexed_seq', 'bigint', (c) => c.notNull())
    .addColumn('last_doc', 'bigint', (c) => c.notNull())
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .addColumn('doc_count', 'integer', (c) => c.notNull())
    .execute();

  // A searchable thing: what it is, its title line, its group (for who may see it), when it changed,
  // and its terms (so they can be taken out again by key).
  await s
    .createTable('search_docs')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('doc', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_docs_pk', ['tenant_id', 'doc'])
    .addUniqueConstraint('search_docs_entity_uq', ['tenant_id', 'kind', 'id'])
    .modifyEnd(compact)
    .execute();

  // Postings in the order a query reads them: per term, heaviest first and then newest (higher doc
  // numbers), so the best few hundred of a common term are one short index range.
  await s
    .createTable('search_terms')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('doc', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_terms_pk', ['tenant_id', 'term', 'weight', 'doc'])
    .modifyEnd(compact)
    .execute();

  // Each term with the number of documents holding it; `generation` says when it last changed, so a
  // server node refreshes its copy in memory with only what changed.
  await s
    .createTable('search_vocabulary')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('df', 'integer', (c) => c.notNull())
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_vocabulary_pk', ['tenant_id', 'term'])
    .modifyEnd(compact)
    .execute();
  await s.createIndex('search_vocabulary_generation_idx').on('search_vocabulary').columns(['tenant_id', 'generation']).execute();

  // Synonyms as editors set them; no row: the default list.
  await s
    .createTable('search_synonyms')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey())
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Searches without who searched: the words, what they became, how many results, when (to the
  // minute) and on what kind of device.
  await s
    .createTable('search_log')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('normalised', 'text', (c) => c.notNull())
    .addColumn('result_count', 'integer', (c) => c.notNull())
    .addColumn('device_kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_log_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('search_log_at_idx').on('search_log').columns(['tenant_id', 'at']).execute();

  await s
    .createTable('search_clicks')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('search_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_clicks_pk', ['tenant_id', 'search_id', 'kind', 'target_id'])
    .execute();
}
