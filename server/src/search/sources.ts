import type { Kysely } from 'kysely';
import { groupDocument, pageDocument, personDocument, postDocument, resultTitle } from '../../../common/src/search/documents.js';
import type { SearchDocument, SearchKind } from '../../../common/src/search/ranking.js';
import type { Database } from '../db/schema.js';

/** What the index keeps of a document besides its terms. */
export interface DocMeta {
  kind: SearchKind;
  id: string;
  title: string;
  /** The group whose members may see it; null for everyone. */
  groupId: string | null;
  /** When it last changed (recency breaks ties). */
  at: string;
}

export interface Indexable {
  meta: DocMeta;
  source: SearchDocument;
}

const CHUNK = 400;

/** Loads the searchable things of one kind from their own tables: all of them, or those with these ids. */
export async function loadIndexables(k: Kysely<Database>, tenantId: string, kind: SearchKind, ids?: string[]): Promise<Indexable[]> {
  if (ids === undefined) return loadKind(k, tenantId, kind, null);
  const out: Indexable[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await loadKind(k, tenantId, kind, ids.slice(i, i + CHUNK))));
  return out;
}

async function loadKind(k: Kysely<Database>, tenantId: string, kind: SearchKind, ids: string[] | null): Promise<Indexable[]> {
  switch (kind) {
    case 'page': {
      let q = k.selectFrom('kb_pages').select(['id', 'title', 'body', 'updated_at']).where('tenant_id', '=', tenantId);
      if (ids) q = q.where('id', 'in', ids);
      return (await q.execute()).map(pageIndexable);
    }
    case 'post': {
      // A post hidden by moderation is out of the index while it is hidden. Every column is read, so
      // this also runs on a database from before moderation (a seed at an older migration).
      let q = k.selectFrom('posts').selectAll().where('tenant_id', '=', tenantId);
      if (ids) q = q.where('id', 'in', ids);
      return (await q.execute()).filter((r) => !r.hidden_at).map((r) => indexable({ kind, id: r.id, groupId: r.group_id, at: r.edited_at ?? r.created_at }, postDocument(r)));
    }
    case 'group': {
      let q = k.selectFrom('groups').select(['id', 'name', 'description', 'created_at']).where('tenant_id', '=', tenantId);
      if (ids) q = q.where('id', 'in', ids);
      return (await q.execute()).map((r) => indexable({ kind, id: r.id, groupId: r.id, at: r.created_at }, groupDocument(r)));
    }
    case 'person': {
      let q = k
        .selectFrom('people')
        .leftJoin('departments', (j) => j.onRef('departments.tenant_id', '=', 'people.tenant_id').onRef('departments.id', '=', 'people.department_id'))
        .leftJoin('locations', (j) => j.onRef('locations.tenant_id', '=', 'people.tenant_id').onRef('locations.id', '=', 'people.location_id'))
        .select(['people.id', 'people.name', 'people.job_title', 'people.updated_at', 'departments.name as department', 'locations.name as location'])
        .where('people.tenant_id', '=', tenantId)
        .where('people.active', '=', 1);
      if (ids) q = q.where('people.id', 'in', ids);
      return (await q.execute()).map((r) =>
        indexable({ kind, id: r.id, groupId: null, at: r.updated_at }, personDocument({ name: r.name, jobTitle: r.job_title }, { department: r.department, location: r.location })),
      );
    }
  }
}

const indexable = (meta: Omit<DocMeta, 'title'>, source: SearchDocument): Indexable => ({ meta: { ...meta, title: resultTitle(source) }, source });

/** A page as the index takes it, from its row: pages are indexed in the transaction that saves them. */
export const pageIndexable = (r: { id: string; title: string; body: string; updated_at: string }): Indexable =>
  indexable({ kind: 'page', id: r.id, groupId: null, at: r.updated_at }, pageDocument(r));
