import type { QueryPlan } from './query.js';
import { rankOf, termWeights, type SearchDocument, type SearchKind } from './ranking.js';
import { MemoryVocabulary } from './vocabulary.js';

/** What a result needs besides its rank: what it is, its title line, when it last changed, its group. */
export interface IndexedDoc {
  kind: SearchKind;
  id: string;
  title: string;
  /** Last change, UTC ISO-8601: the newer of two equal matches comes first. */
  at: string;
  /** The group whose members may see it (a post's group, a group itself); null for everyone. */
  groupId: string | null;
}

export interface Ranked {
  doc: IndexedDoc;
  rank: number;
}

/** Best first: rank, then newer, then kind and id, so equal ranks still come in one fixed order. */
export const resultOrder = (a: Ranked, b: Ranked): number =>
  b.rank - a.rank || (a.doc.at < b.doc.at ? 1 : a.doc.at > b.doc.at ? -1 : 0) || (a.doc.kind < b.doc.kind ? -1 : a.doc.kind > b.doc.kind ? 1 : 0) || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);

/**
 * An inverted index in memory that ranks exactly as the server's database index does (same weights,
 * same plan, same order): for the client's offline search over its cache, and for tests and
 * benchmarks that need the ranking without a database.
 */
export class MemoryIndex {
  readonly vocabulary = new MemoryVocabulary();
  private readonly docs = new Map<string, { doc: IndexedDoc; weights: Map<string, number> }>();
  private readonly postings = new Map<string, Map<string, number>>();

  get size(): number {
    return this.docs.size;
  }

  /** Adds a document or replaces what was indexed for it. */
  put(doc: IndexedDoc, source: SearchDocument): void {
    this.remove(doc.kind, doc.id);
    const key = `${doc.kind}:${doc.id}`;
    const weights = termWeights(source);
    this.docs.set(key, { doc, weights });
    for (const [term, weight] of weights) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = new Map()));
      list.set(key, weight);
      this.vocabulary.set(term, list.size);
    }
    this.vocabulary.setDocCount(this.docs.size);
  }

  remove(kind: SearchKind, id: string): void {
    const key = `${kind}:${id}`;
    const found = this.docs.get(key);
    if (!found) return;
    this.docs.delete(key);
    for (const term of found.weights.keys()) {
      const list = this.postings.get(term)!;
      list.delete(key);
      if (list.size === 0) this.postings.delete(term);
      this.vocabulary.set(term, list.size);
    }
    this.vocabulary.setDocCount(this.docs.size);
  }

  /** The best `limit` documents for a plan that `visible` lets through. */
  search(plan: QueryPlan, limit: number, visible: (doc: IndexedDoc) => boolean = () => true): Ranked[] {
    const best = new Map<string, Map<number, number>>();
    for (const { slot, term, factor } of plan.terms) {
      for (const [key, weight] of this.postings.get(term) ?? []) {
        let slots = best.get(key);
        if (!slots) best.set(key, (slots = new Map()));
        slots.set(slot, Math.max(slots.get(slot) ?? 0, weight * factor));
      }
    }
    const ranked: Ranked[] = [];
    for (const [key, slots] of best) {
      const { doc } = this.docs.get(key)!;
      if (!visible(doc)) continue;
      let score = 0;
      for (const s of slots.values()) score += s;
      ranked.push({ doc, rank: rankOf(score, slots.size) });
    }
    return ranked.sort(resultOrder).slice(0, limit);
  }
}
