import { pageText, plainText } from '../text/markdown.js';
import type { SearchDocument } from './ranking.js';

/**
 * The documents the search indexes, made from the entities as the API and the change feed carry
 * them, so the server and the client's cache index the same text the same way.
 */

/** A page without the text of its links to other pages: "Meer lezen: Prikaccident" is not about pricks. */
export const pageDocument = (page: { title: string; body: string }): SearchDocument => {
  const { headings, body } = pageText(page.body, { pageLinks: false });
  return { kind: 'page', title: page.title, headings, body };
};

/** A post has no title: its first words stand in for one in results, but it is weighed as body only. */
export const postDocument = (post: { body: string }): SearchDocument => ({ kind: 'post', title: '', headings: [], body: plainText(post.body) });

export const groupDocument = (group: { name: string; description: string }): SearchDocument => ({
  kind: 'group',
  title: group.name,
  headings: [],
  body: group.description,
});

/** A colleague is found by name, and by job, department and location. */
export const personDocument = (person: { name: string; jobTitle: string }, place: { department: string | null; location: string | null }): SearchDocument => ({
  kind: 'person',
  title: person.name,
  headings: [],
  body: [person.jobTitle, place.department, place.location].filter(Boolean).join(' · '),
});

/** The line a result shows as its title: the document's title, or a post's first words. */
export function resultTitle(doc: SearchDocument, max = 80): string {
  if (doc.title) return doc.title;
  const text = doc.body.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}
