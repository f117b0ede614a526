import { analyse } from './analyse.js';

/**
 * How the one Dutch search weighs a match. The server's index and the client's offline index both
 * store, per document and term, the weight below, and rank with rankOf(); all integers, so the two
 * databases and the client agree to the last place.
 */

export const SEARCH_KINDS = ['page', 'group', 'person', 'post'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A page of the knowledge base beats a group, a group a colleague, a colleague a post. */
export const KIND_BOOST: Readonly<Record<SearchKind, number>> = { page: 4, group: 3, person: 2, post: 1 };

/**
 * A term in the title counts most, the more so the shorter the title (8 when it is the whole title,
 * down to 5); in a heading less; in the body by how often it occurs (up to 3).
 */
export const FIELD_WEIGHT = { heading: 3, bodyMax: 3 } as const;

/** The weight of a title term by the number of terms in the title: one 8, two 6, three or more 5. */
export const titleWeight = (titleTerms: number): number => (titleTerms <= 1 ? 8 : titleTerms === 2 ? 6 : 5);

/** What a document is made of for search: each field analysed on its own. */
export interface SearchDocument {
  kind: SearchKind;
  title: string;
  headings: readonly string[];
  body: string;
}

/** Each term of a document with its weight: the sum of its fields' weights, times the kind's boost. */
export function termWeights(doc: SearchDocument): Map<string, number> {
  const title = new Set(analyse(doc.title).map((t) => t.term));
  const headings = new Set(doc.headings.flatMap((h) => analyse(h).map((t) => t.term)));
  const body = new Map<string, number>();
  for (const t of analyse(doc.body)) body.set(t.term, (body.get(t.term) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const term of new Set([...title, ...headings, ...body.keys()])) {
    const w = (title.has(term) ? titleWeight(title.size) : 0) + (headings.has(term) ? FIELD_WEIGHT.heading : 0) + Math.min(body.get(term) ?? 0, FIELD_WEIGHT.bodyMax);
    weights.set(term, w * KIND_BOOST[doc.kind]);
  }
  return weights;
}

/**
 * How well a query word's alternative matches it, in percent: the word itself (its stem), two query
 * words that together are one indexed word, a part of a compound, a synonym, a compound ending in the
 * word, a completion of the word being typed, a typo's correction.
 */
export const MATCH_QUALITY = { exact: 100, joined: 90, part: 80, synonym: 70, head: 65, prefix: 60, typo: 60 } as const;

/**
 * A document's rank: the sum over query words of its best match (weight × factor), times how many
 * query words it matches, so a document with all the words comes before one with a few, unless the
 * few are in its title.
 */
export const rankOf = (score: number, matched: number): number => score * matched;
