import { sql, type Kysely } from 'kysely';
import { termWeights, SEARCH_KINDS, type SearchKind } from '../../../common/src/search/ranking.js';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { latestSeq } from '../sync/feed.js';
import { ANALYSIS_VERSION, indexDocument, removeDocument, storedTerms } from './indexer.js';
import { loadIndexables } from './sources.js';

type K = Kysely<Database>;

const ROWS_PER_STATEMENT = 500;
/** Documents whose terms are sorted and written together: bounded memory, mostly ordered inserts. */
const DOCS_PER_RUN = 20_000;
const CHANGES_PER_ROUND = 2_000;

/** The feed entities the index follows; a change to any of them is indexed again from its own table. */
const FOLLOWED: Record<string, SearchKind> = { page: 'page', post: 'post', group: 'group', person: 'person' };

/**
 * Builds an organisation's whole index from its tables, inside the caller's transaction: after a seed,
 * after migration 0007 (no index yet) and when the analysis changed (ANALYSIS_VERSION). The change
 * feed's seq is read first, so whatever commits while the tables are read is caught up later.
 */
export async function buildIndex(trx: K, tenantId: string): Promise<{ docs: number; terms: number }> {
  const seq = await latestSeq(trx, tenantId);
  const state = {
    analysis_version: ANALYSIS_VERSION,
    indexed_seq: seq,
    last_doc: 0,
    doc_count: 0,
  };
  // Taking the state row first locks it: page writes of this organisation wait for the build.
  await trx
    .insertInto('search_state')
    .values({ tenant_id: tenantId, build: 1, generation: 1, ...state })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...state, build: sql`search_state.build + 1`, generation: sql`search_state.generation + 1` }))
    .execute();
  const { generation } = await trx.selectFrom('search_state').select('generation').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  await trx.deleteFrom('search_terms').where('tenant_id', '=', tenantId).execute();
  await trx.deleteFrom('search_docs').where('tenant_id', '=', tenantId).execute();
  await trx.deleteFrom('search_vocabulary').where('tenant_id', '=', tenantId).execute();

  let doc = 0;
  let termRows = 0;
  const df = new Map<string, number>();
  for (const kind of SEARCH_KINDS) {
    const items = (await loadIndexables(trx, tenantId, kind)).sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
    for (let start = 0; start < items.length; start += DOCS_PER_RUN) {
      const docs = [];
      const terms: { tenant_id: string; term: string; doc: number; weight: number }[] = [];
      for (const item of items.slice(start, start + DOCS_PER_RUN)) {
        doc += 1;
        const weights = termWeights(item.source);
        const { meta } = item;
        docs.push({ tenant_id: tenantId, doc, kind: meta.kind, id: meta.id, title: meta.title, group_id: meta.groupId, at: meta.at, terms: storedTerms(weights) });
        for (const [term, weight] of weights) {
          terms.push({ tenant_id: tenantId, term, doc, weight });
          df.set(term, (df.get(term) ?? 0) + 1);
        }
      }
      terms.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.weight - b.weight || a.doc - b.doc));
      await insertAll(trx, 'search_docs', docs);
      await insertAll(trx, 'search_terms', terms);
      termRows += terms.length;
    }
  }
  const vocabulary = [...df].sort(([a], [b]) => (a < b ? -1 : 1)).map(([term, n]) => ({ tenant_id: tenantId, term, df: n, generation: Number(generation) }));
  await insertAll(trx, 'search_vocabulary', vocabulary);
  await trx.updateTable('search_state').set({ last_doc: doc, doc_count: doc }).where('tenant_id', '=', tenantId).execute();
  return { docs: doc, terms: termRows };
}

async function insertAll<T extends 'search_docs' | 'search_terms' | 'search_vocabulary'>(trx: K, table: T, rows: readonly object[]) {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_STATEMENT) as never)
      .execute();
  }
}

/**
 * Indexes what the change feed says changed since the index last looked: posts, groups and people,
 * whose own routes know nothing of search, and pages written while a build was running. Each changed
 * thing is read again from its table; one that is gone (or a person no longer active) leaves the index.
 */
export async function catchUp(k: K, tenantId: string): Promise<void> {
  for (;;) {
    const more = await k.transaction().execute(async (trx) => {
      const locked = await trx
        .updateTable('search_state')
        .set({ indexed_seq: sql`indexed_seq` })
        .where('tenant_id', '=', tenantId)
        .where('analysis_version', '=', ANALYSIS_VERSION)
        .returning('indexed_seq')
        .executeTakeFirst();
      if (!locked) return false;
      const since = Number(locked.indexed_seq);
      // Every seq up to the latest has committed (seqs are taken under a lock held until commit).
      const latest = await latestSeq(trx, tenantId);
      const rows = await trx
        .selectFrom('changes')
        .select(['seq', 'entity', 'entity_id'])
        .where('tenant_id', '=', tenantId)
        .where('seq', '>', since)
        .where('seq', '<=', latest)
        .where('entity', 'in', Object.keys(FOLLOWED))
        .orderBy('seq')
        .limit(CHANGES_PER_ROUND)
        .execute();
      const changed = new Map<SearchKind, Set<string>>();
      for (const r of rows) {
        const kind = FOLLOWED[r.entity]!;
        if (!changed.has(kind)) changed.set(kind, new Set());
        changed.get(kind)!.add(r.entity_id);
      }
      for (const [kind, ids] of changed) await reindex(trx, tenantId, kind, [...ids]);
      const full = rows.length === CHANGES_PER_ROUND;
      const upTo = full ? Number(rows[rows.length - 1]!.seq) : latest;
      await trx.updateTable('search_state').set({ indexed_seq: upTo }).where('tenant_id', '=', tenantId).execute();
      return full;
    });
    if (!more) return;
  }
}

/** Indexes these things again from their tables, taking out the ones that are gone. */
async function reindex(trx: K, tenantId: string, kind: SearchKind, ids: string[]): Promise<void> {
  const found = await loadIndexables(trx, tenantId, kind, ids);
  for (const item of found) await indexDocument(trx, tenantId, item);
  const present = new Set(found.map((f) => f.meta.id));
  for (const id of ids) {
    if (present.has(id)) continue;
    await removeDocument(trx, tenantId, kind, id);
    // A group that is gone takes its posts with it.
    if (kind === 'group') {
      const posts = await trx.selectFrom('search_docs').select('id').where('tenant_id', '=', tenantId).where('kind', '=', 'post').where('group_id', '=', id).execute();
      for (const p of posts) await removeDocument(trx, tenantId, 'post', p.id);
    }
  }
}

export interface IndexState {
  build: number;
  generation: number;
  docCount: number;
}

const running = new WeakMap<Db, Map<string, Promise<void>>>();

/** One build or catch-up per organisation at a time in this process; callers wait for the one running. */
function once(db: Db, tenantId: string, work: () => Promise<void>): Promise<void> {
  let map = running.get(db);
  if (!map) running.set(db, (map = new Map()));
  const busy = map.get(tenantId);
  if (busy) return busy;
  const started = work().finally(() => map.delete(tenantId));
  map.set(tenantId, started);
  return started;
}

/**
 * Makes the organisation's index current before it answers: built if missing or made by another
 * analysis version, caught up with the change feed if behind. Returns what a vocabulary copy needs.
 */
export async function ensureIndex(db: Db, tenantId: string): Promise<IndexState> {
  for (let attempt = 0; ; attempt++) {
    const row = await db.kysely
      .selectFrom('tenant_seq')
      .leftJoin('search_state', 'search_state.tenant_id', 'tenant_seq.tenant_id')
      .select(['tenant_seq.last_seq', 'search_state.analysis_version', 'search_state.indexed_seq', 'search_state.build', 'search_state.generation', 'search_state.doc_count'])
      .where('tenant_seq.tenant_id', '=', tenantId)
      .executeTakeFirst();
    if (!row) return { build: 0, generation: 0, docCount: 0 };
    const built = row.analysis_version === ANALYSIS_VERSION;
    const current = built && Number(row.indexed_seq) >= Number(row.last_seq);
    if (current || attempt > 0) return { build: Number(row.build ?? 0), generation: Number(row.generation ?? 0), docCount: Number(row.doc_count ?? 0) };
    await once(db, tenantId, () => (built ? catchUp(db.kysely, tenantId) : db.kysely.transaction().execute(async (trx) => void (await buildIndex(trx, tenantId)))));
  }
}

/** Organisations whose index is missing or from another analysis version: built when the server starts. */
async function staleIndexes(k: K): Promise<string[]> {
  const rows = await k
    .selectFrom('organisations')
    .leftJoin('search_state', 'search_state.tenant_id', 'organisations.tenant_id')
    .select(['organisations.tenant_id', 'search_state.analysis_version'])
    .execute();
  return rows.filter((r) => r.analysis_version !== ANALYSIS_VERSION).map((r) => r.tenant_id);
}

/**
 * Builds, one organisation after another, every index that is missing or from another analysis
 * version: after migration 0007 and after an analysis change, before anyone searches.
 */
export async function buildStaleIndexes(db: Db): Promise<void> {
  for (const tenantId of await staleIndexes(db.kysely)) await ensureIndex(db, tenantId);
}
