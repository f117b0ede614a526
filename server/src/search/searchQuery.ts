import { sql, type Kysely } from 'kysely';
import type { SearchResult } from '../../../common/src/api/routes/search.js';
import { groupDocument, pageDocument, personDocument, postDocument } from '../../../common/src/search/documents.js';
import { planQuery, type QueryPlan } from '../../../common/src/search/query.js';
import type { SearchDocument, SearchKind } from '../../../common/src/search/ranking.js';
import { makeSnippet, matchedWords } from '../../../common/src/search/snippet.js';
import type { SynonymTable } from '../../../common/src/search/synonyms.js';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { ensureIndex } from './build.js';
import { vocabularyOf } from './vocabularyCache.js';

/** Who searches: a person (her private groups count), or a device alone (what everyone sees). */
export interface Searcher {
  tenantId: string;
  personId: string | null;
}

export interface SearchAnswer {
  results: SearchResult[];
  plan: QueryPlan;
}

/**
 * One search: the index is made current, the query planned against this node's vocabulary copy, and
 * ranked in the database by one statement that is the same SQL on SQLite and PostgreSQL: for each
 * document and query slot the best weight × factor, summed, times the slots matched (rankOf), newer
 * first on a tie. Private groups the searcher is not in, and their posts, are left out.
 */
export async function search(db: Db, who: Searcher, query: string, limit: number, synonyms: SynonymTable): Promise<SearchAnswer> {
  const state = await ensureIndex(db, who.tenantId);
  const vocabulary = await vocabularyOf(db, who.tenantId, state);
  const plan = planQuery(query, vocabulary, synonyms);
  if (plan.terms.length === 0) return { results: [], plan };
  const k = db.kysely;
  const hidden = await hiddenGroups(k, who);
  const rows = await ranked(k, who.tenantId, plan, hidden, limit);
  const texts = await sourceTexts(k, who.tenantId, rows);
  const results = rows.map((r): SearchResult => {
    const source = texts.get(`${r.kind}:${r.id}`);
    const { text, highlights } = makeSnippet(source ? [source.headings.join(' · '), source.body].filter(Boolean).join(' · ') : '', plan.matches);
    return { kind: r.kind as SearchKind, id: r.id, title: r.title, titleHighlights: matchedWords(r.title, plan.matches), snippet: text, highlights };
  });
  return { results, plan };
}

/** Private groups the searcher is no member of: few, so the ranking statement can leave them out by list. */
async function hiddenGroups(k: Kysely<Database>, who: Searcher): Promise<string[]> {
  let q = k.selectFrom('groups').select('id').where('tenant_id', '=', who.tenantId).where('visibility', '=', 'private');
  if (who.personId !== null) {
    const me = who.personId;
    q = q.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('group_members')
            .select('group_members.person_id')
            .where('group_members.tenant_id', '=', who.tenantId)
            .whereRef('group_members.group_id', '=', 'groups.id')
            .where('group_members.person_id', '=', me),
        ),
      ),
    );
  }
  return (await q.execute()).map((r) => r.id);
}

interface RankedRow {
  kind: string;
  id: string;
  title: string;
}

/**
 * Postings read per query alternative: its heaviest, and of equal weight its newest. Pages weigh
 * more than posts, so they are always among them; a very common word is not read to the end.
 */
const POSTINGS_PER_TERM = 400;
/** Documents ranked before visibility is checked; all of them if that leaves too few. */
const CANDIDATES = 200;

async function ranked(k: Kysely<Database>, tenantId: string, plan: QueryPlan, hidden: string[], limit: number): Promise<RankedRow[]> {
  const first = await rankedWithin(k, tenantId, plan, hidden, limit, CANDIDATES);
  // Private groups the searcher is not in may have filled the candidates: look at all of them.
  return first.length < limit && hidden.length > 0 ? rankedWithin(k, tenantId, plan, hidden, limit, null) : first;
}

async function rankedWithin(k: Kysely<Database>, tenantId: string, plan: QueryPlan, hidden: string[], limit: number, candidates: number | null): Promise<RankedRow[]> {
  const postings = sql.join(
    plan.terms.map(
      (t) =>
        sql`select doc, cast(${t.slot} as integer) as slot, weight * cast(${t.factor} as integer) as score from (select doc, weight from search_terms where tenant_id = ${tenantId} and term = ${t.term} order by weight desc, doc desc limit ${POSTINGS_PER_TERM}) p`,
    ),
    sql` union all `,
  );
  const visible = hidden.length === 0 ? sql`true` : sql`(d.group_id is null or d.group_id not in (${sql.join(hidden)}))`;
  // `cross join` makes SQLite read the few ranked documents first and look each up by key, instead of
  // scanning the organisation's documents; PostgreSQL plans it as the inner join it is.
  const cut = candidates === null ? sql`` : sql`limit ${candidates}`;
  const result = await sql<RankedRow>`
    with found as (${postings}),
    best as (select doc, slot, max(score) as best from found group by doc, slot),
    scored as (select doc, sum(best) * count(*) as rank from best group by doc),
    top as (select doc, rank from scored order by rank desc, doc desc ${cut})
    select d.kind as kind, d.id as id, d.title as title
    from top cross join search_docs d
    where d.tenant_id = ${tenantId} and d.doc = top.doc and ${visible}
    order by top.rank desc, d.at desc, d.kind, d.id
    limit ${limit}`.execute(k);
  return result.rows;
}

/** The text each result's snippet is cut from, read from the result's own table. */
async function sourceTexts(k: Kysely<Database>, tenantId: string, rows: RankedRow[]): Promise<Map<string, SearchDocument>> {
  const ids = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.id);
  const out = new Map<string, SearchDocument>();
  const pages = ids('page');
  if (pages.length > 0) {
    for (const r of await k.selectFrom('kb_pages').select(['id', 'title', 'body']).where('tenant_id', '=', tenantId).where('id', 'in', pages).execute()) {
      out.set(`page:${r.id}`, pageDocument(r));
    }
  }
  const posts = ids('post');
  if (posts.length > 0) {
    for (const r of await k.selectFrom('posts').select(['id', 'body']).where('tenant_id', '=', tenantId).where('id', 'in', posts).execute()) out.set(`post:${r.id}`, postDocument(r));
  }
  const groups = ids('group');
  if (groups.length > 0) {
    for (const r of await k.selectFrom('groups').select(['id', 'name', 'description']).where('tenant_id', '=', tenantId).where('id', 'in', groups).execute()) {
      out.set(`group:${r.id}`, { ...groupDocument(r), headings: [] });
    }
  }
  const people = ids('person');
  if (people.length > 0) {
    const found = await k
      .selectFrom('people')
      .leftJoin('departments', (j) => j.onRef('departments.tenant_id', '=', 'people.tenant_id').onRef('departments.id', '=', 'people.department_id'))
      .leftJoin('locations', (j) => j.onRef('locations.tenant_id', '=', 'people.tenant_id').onRef('locations.id', '=', 'people.location_id'))
      .select(['people.id', 'people.name', 'people.job_title', 'departments.name as department', 'locations.name as location'])
      .where('people.tenant_id', '=', tenantId)
      .where('people.id', 'in', people)
      .execute();
    for (const r of found) out.set(`person:${r.id}`, personDocument({ name: r.name, jobTitle: r.job_title }, { department: r.department, location: r.location }));
  }
  return out;
}
