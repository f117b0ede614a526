import type { Group, Page, Post } from '../../../common/src/api/entities.js';
import { groupDocument, pageDocument, personDocument, postDocument, resultTitle } from '../../../common/src/search/documents.js';
import type { IndexedDoc } from '../../../common/src/search/memoryIndex.js';
import type { SearchDocument } from '../../../common/src/search/ranking.js';
import type { PersonWithPlace } from '../cache/searchQueries.js';

/**
 * The cache's entities as the search indexes them: the same documents (common/src/search/documents)
 * and the same dates the server's index uses, so the offline ranking is the server's.
 */
export interface Indexable {
  doc: IndexedDoc;
  source: SearchDocument;
}

const indexable = (doc: Omit<IndexedDoc, 'title'>, source: SearchDocument): Indexable => ({ doc: { ...doc, title: resultTitle(source) }, source });

export const pageIndexable = (p: Page): Indexable => indexable({ kind: 'page', id: p.id, at: p.updatedAt, groupId: null }, pageDocument(p));
export const postIndexable = (p: Post): Indexable => indexable({ kind: 'post', id: p.id, at: p.editedAt ?? p.createdAt, groupId: p.groupId }, postDocument(p));
export const groupIndexable = (g: Group): Indexable => indexable({ kind: 'group', id: g.id, at: g.createdAt, groupId: g.id }, groupDocument(g));
/** The cache has no change time for a person; equal matches among colleagues then go by id. */
export const personIndexable = ({ person, department, location }: PersonWithPlace): Indexable =>
  indexable({ kind: 'person', id: person.id, at: '', groupId: null }, personDocument(person, { department, location }));

/** The text a result's snippet is cut from, as the server cuts it. */
export const snippetSource = (source: SearchDocument): string => [source.headings.join(' · '), source.body].filter(Boolean).join(' · ');
