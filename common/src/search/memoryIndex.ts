import type { QueryPlan } from './query.js';
import { rankOf, SEARCH_KINDS, termWeights, type SearchDocument, type SearchKind } from './ranking.js';
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

/** Equal ranks: newer first, then kind and id, so they still come in one fixed order. */
const tieOrder = (a: IndexedDoc, b: IndexedDoc): number =>
  (a.at < b.at ? 1 : a.at > b.at ? -1 : 0) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Best first: rank, then as `tieOrder`. */
export const resultOrder = (a: Ranked, b: Ranked): number => b.rank - a.rank || tieOrder(a.doc, b.doc);

interface Entry {
  doc: IndexedDoc;
  weights: Map<string, number>;
  /** `doc.at` as a number, for turning away older equals without comparing strings. */
  time: number;
}

/** `at` (UTC ISO-8601 as `toISOString` writes it, so its number orders as its text does) as a number; none is the oldest. */
const timeOf = (at: string): number => (at === '' ? -Infinity : Date.parse(at));

/** The `limit` best of what is offered, kept in order as it comes: no sort of every match. */
class TopList {
  readonly items: Ranked[] = [];
  constructor(private readonly limit: number) {}

  /** Whether a match would get in: most are turned away here, before anything is made for them. */
  wants(rank: number, doc: IndexedDoc): boolean {
    if (this.items.length < this.limit) return true;
    const worst = this.items[this.limit - 1];
    if (worst === undefined) return false;
    return rank !== worst.rank ? rank > worst.rank : tieOrder(doc, worst.doc) < 0;
  }

  /** Takes `r` in its place; answers what fell off the end to make room. */
  offer(r: Ranked): Ranked | undefined {
    let at = this.items.length;
    while (at > 0 && resultOrder(r, this.items[at - 1]!) < 0) at--;
    this.items.splice(at, 0, r);
    return this.items.length > this.limit ? this.items.pop() : undefined;
  }

  remove(r: Ranked): void {
    this.items.splice(this.items.indexOf(r), 1);
  }

  /** The rank below which nothing gets in any more; -Infinity while there is room. */
  floor(): number {
    if (this.limit === 0) return Infinity;
    return this.items.length < this.limit ? -Infinity : this.items[this.limit - 1]!.rank;
  }

  /** The last place, when the list is full. */
  last(): Ranked | undefined {
    return this.items.length < this.limit ? undefined : this.items[this.limit - 1];
  }
}

interface Packed {
  docs: Int32Array;
  weights: Float64Array;
}

/**
 * An inverted index in memory that ranks exactly as the server's database index does (same weights,
 * same plan, same order): for the client's offline search over its cache, and for tests and
 * benchmarks that need the ranking without a database. Documents are numbered inside, so a search
 * adds up scores in flat arrays rather than a map per matching document: a word being typed on a
 * device with 200 000 posts touches many of them at every key.
 */
export class MemoryIndex {
  readonly vocabulary = new MemoryVocabulary();
  private readonly entries: (Entry | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly postings = new Map<string, Map<number, number>>();
  /** A term's postings as flat arrays, made at its first search and dropped when the term changes. */
  private readonly packed = new Map<string, Packed>();
  /** The same per kind, heaviest first, for one-word searches; made and dropped alike. */
  private readonly impact = new Map<string, Record<SearchKind, Packed>>();
  // Scratch space for one search, grown with the index and left zeroed after each search.
  private total = new Float64Array(0);
  private matched = new Uint16Array(0);
  private slotBest = new Float64Array(0);
  private slotSeen = new Uint32Array(0);
  private pass = 0;

  get size(): number {
    return this.slotOf.size;
  }

  /** Adds a document or replaces what was indexed for it. */
  put(doc: IndexedDoc, source: SearchDocument): void {
    this.remove(doc.kind, doc.id);
    const key = `${doc.kind}:${doc.id}`;
    const weights = termWeights(source);
    const n = this.freeSlots.pop() ?? this.entries.length;
    this.entries[n] = { doc, weights, time: timeOf(doc.at) };
    this.slotOf.set(key, n);
    for (const [term, weight] of weights) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = new Map()));
      list.set(n, weight);
      this.packed.delete(term);
      this.impact.delete(term);
      this.vocabulary.set(term, list.size);
    }
    this.vocabulary.setDocCount(this.size);
  }

  remove(kind: SearchKind, id: string): void {
    const key = `${kind}:${id}`;
    const n = this.slotOf.get(key);
    if (n === undefined) return;
    const { weights } = this.entries[n]!;
    this.slotOf.delete(key);
    this.entries[n] = undefined;
    this.freeSlots.push(n);
    for (const term of weights.keys()) {
      const list = this.postings.get(term)!;
      list.delete(n);
      this.packed.delete(term);
      this.impact.delete(term);
      if (list.size === 0) this.postings.delete(term);
      this.vocabulary.set(term, list.size);
    }
    this.vocabulary.setDocCount(this.size);
  }

  /** The best `limit` documents for a plan that `visible` lets through. */
  search(plan: QueryPlan, limit: number, visible: (doc: IndexedDoc) => boolean = () => true): Ranked[] {
    const top = new TopList(limit);
    this.rank(plan, (rank, doc) => {
      if (top.wants(rank, doc) && visible(doc)) top.offer({ doc, rank });
    });
    return top.items;
  }

  /**
   * The best of each kind, each kind with its own limit: exactly what ranking every match gives (a
   * test compares them), without ranking every match. The query word whose terms have the most
   * postings (the word being typed, completed to the most frequent terms) is the expensive one; on a
   * device with 200 000 posts its lists hold hundreds of thousands of entries. So the other words are
   * ranked in full, as `rank` does, and each document they found gets the big word's weight by
   * lookup. A document none of them found matches the big word alone: its rank is its best weight ×
   * factor there, so each of the big word's lists of a kind, heaviest first, is read only until its
   * entries rank below that kind's last place.
   */
  searchEachKind(plan: QueryPlan, limits: Readonly<Record<SearchKind, number>>): Record<SearchKind, Ranked[]> {
    this.grow();
    const tops = { page: new TopList(limits.page), post: new TopList(limits.post), group: new TopList(limits.group), person: new TopList(limits.person) };
    const bySlot = termsBySlot(plan);
    let big: QueryPlan['terms'] = [];
    let bigSize = -1;
    for (const terms of bySlot.values()) {
      const size = terms.reduce((n, t) => n + (this.postings.get(t.term)?.size ?? 0), 0);
      if (size > bigSize) [big, bigSize] = [terms, size];
    }
    const bigLists = big.map(({ term, factor }) => ({ weights: this.postings.get(term), factor }));

    const touched: number[] = [];
    for (const terms of bySlot.values()) if (terms !== big) this.addSlot(terms, touched);
    for (const n of touched) {
      let best = 0;
      for (const { weights, factor } of bigLists) best = Math.max(best, (weights?.get(n) ?? 0) * factor);
      const matched = this.matched[n]! + (best > 0 ? 1 : 0);
      const doc = this.entries[n]!.doc;
      const rank = rankOf(this.total[n]! + best, matched);
      const top = tops[doc.kind];
      if (top.wants(rank, doc)) top.offer({ doc, rank });
    }

    for (const kind of SEARCH_KINDS) {
      const top = tops[kind];
      // A document under several of the word's terms counts with its best: one place, taken over by a better offer.
      const placed = new Map<IndexedDoc, Ranked>();
      // Most of a long list ties with the last place on rank and is older: turned away by number.
      let last: Ranked | undefined;
      let lastTime = -Infinity;
      let lastMinute = 0;
      for (const { term, factor } of big) {
        const { docs, weights } = this.impactOf(term)[kind];
        for (let i = 0; i < docs.length; i++) {
          const rank = rankOf(weights[i]! * factor, 1);
          const floor = top.floor();
          if (rank < floor) break;
          const n = docs[i]!;
          if (this.matched[n] !== 0) continue;
          const entry = this.entries[n]!;
          if (rank === floor) {
            if (top.last() !== last) {
              last = top.last();
              lastTime = last ? timeOf(last.doc.at) : -Infinity;
              lastMinute = minuteOf(lastTime);
            }
            if (entry.time < lastTime) {
              // Within a weight the list runs newest first by the minute: the rest of it is older still.
              if (minuteOf(entry.time) < lastMinute) break;
              continue;
            }
          }
          const doc = entry.doc;
          if (!top.wants(rank, doc)) continue;
          const before = placed.get(doc);
          if (before) {
            if (before.rank >= rank) continue;
            top.remove(before);
          }
          const r = { doc, rank };
          placed.set(doc, r);
          const dropped = top.offer(r);
          if (dropped) placed.delete(dropped.doc);
        }
      }
    }
    for (const n of touched) {
      this.total[n] = 0;
      this.matched[n] = 0;
    }
    return { page: tops.page.items, post: tops.post.items, group: tops.group.items, person: tops.person.items };
  }

  /**
   * Calls `found` with every document the plan matches and its rank: per query word (slot) the
   * best of its terms' weight × factor, summed over the words, then rankOf with how many matched.
   */
  private rank(plan: QueryPlan, found: (rank: number, doc: IndexedDoc) => void): void {
    this.grow();
    const touched: number[] = [];
    for (const terms of termsBySlot(plan).values()) this.addSlot(terms, touched);
    for (const n of touched) {
      found(rankOf(this.total[n]!, this.matched[n]!), this.entries[n]!.doc);
      this.total[n] = 0;
      this.matched[n] = 0;
    }
  }

  /** Adds one query word's best match per document to `total` and `matched`; documents seen first go to `touched`. */
  private addSlot(terms: QueryPlan['terms'], touched: number[]): void {
    const pass = this.nextPass();
    const inSlot: number[] = [];
    for (const { term, factor } of terms) {
      const { docs, weights } = this.packedOf(term);
      for (let i = 0; i < docs.length; i++) {
        const n = docs[i]!;
        const value = weights[i]! * factor;
        if (this.slotSeen[n] !== pass) {
          this.slotSeen[n] = pass;
          this.slotBest[n] = value;
          inSlot.push(n);
        } else if (value > this.slotBest[n]!) this.slotBest[n] = value;
      }
    }
    for (const n of inSlot) {
      if (this.matched[n] === 0) touched.push(n);
      this.total[n] = this.total[n]! + this.slotBest[n]!;
      this.matched[n] = this.matched[n]! + 1;
    }
  }

  private impactOf(term: string): Record<SearchKind, Packed> {
    let lists = this.impact.get(term);
    if (!lists) {
      const { docs, weights } = this.packedOf(term);
      const byKind: Record<SearchKind, number[]> = { page: [], group: [], person: [], post: [] };
      for (let i = 0; i < docs.length; i++) byKind[this.entries[docs[i]!]!.doc.kind].push(i);
      lists = {} as Record<SearchKind, Packed>;
      const minutes = (i: number) => minuteOf(this.entries[docs[i]!]!.time);
      for (const kind of SEARCH_KINDS) lists[kind] = heaviestFirst(newestFirst(byKind[kind], minutes), docs, weights);
      if (docs.length > 0) this.impact.set(term, lists);
    }
    return lists;
  }

  private packedOf(term: string): Packed {
    let p = this.packed.get(term);
    if (!p) {
      const list = this.postings.get(term);
      p = { docs: Int32Array.from(list?.keys() ?? []), weights: Float64Array.from(list?.values() ?? []) };
      if (list) this.packed.set(term, p);
    }
    return p;
  }

  private grow(): void {
    const needed = this.entries.length;
    if (this.total.length >= needed) return;
    const size = Math.max(1024, needed * 2);
    this.total = new Float64Array(size);
    this.matched = new Uint16Array(size);
    this.slotBest = new Float64Array(size);
    this.slotSeen = new Uint32Array(size);
    this.pass = 0;
  }

  private nextPass(): number {
    if (this.pass === 0xffffffff) {
      this.slotSeen.fill(0);
      this.pass = 0;
    }
    return ++this.pass;
  }
}

function termsBySlot(plan: QueryPlan): Map<number, QueryPlan['terms']> {
  const bySlot = new Map<number, QueryPlan['terms']>();
  for (const t of plan.terms) {
    const list = bySlot.get(t.slot);
    if (list) list.push(t);
    else bySlot.set(t.slot, [t]);
  }
  return bySlot;
}

/** A time as whole minutes since 1970, within what `newestFirst` can pack; none (-Infinity) is 0. */
const MINUTE_LIMIT = 2 ** 28;
const minuteOf = (time: number): number => Math.min(MINUTE_LIMIT - 1, Math.max(0, Math.floor(time / 60_000)));

/** Room for positions in a packed sort key: minute × POSITIONS + position stays an exact double. */
const POSITIONS = 2 ** 24;

/**
 * Positions `at` newest first by the minute. Each becomes one number, the minute counted down times
 * POSITIONS plus the position, so a typed array's own numeric sort orders them (no comparator call per
 * pair on a list of 100 000). Equal minutes keep no particular order: readers compare those exactly.
 */
function newestFirst(at: number[], minute: (i: number) => number): number[] {
  if (at.length < 2 || at.length >= POSITIONS) return at;
  const keys = new Float64Array(at.length);
  for (let j = 0; j < at.length; j++) keys[j] = (MINUTE_LIMIT - 1 - minute(at[j]!)) * POSITIONS + j;
  keys.sort();
  return Array.from(keys, (key) => at[key % POSITIONS]!);
}

/**
 * The postings at positions `at` of a term's flat arrays, heaviest first, in `at`'s order within a
 * weight. Weights are small integers (see ranking.ts), so a counting sort: a term that 100 000 posts
 * hold is ordered in one pass, not in a comparison sort at the key.
 */
function heaviestFirst(at: readonly number[], docs: Int32Array, weights: Float64Array): Packed {
  let max = 0;
  for (const i of at) max = Math.max(max, weights[i]!);
  const starts = new Int32Array(max + 2);
  for (const i of at) starts[max - weights[i]! + 1]!++;
  for (let w = 1; w < starts.length; w++) starts[w]! += starts[w - 1]!;
  const packed: Packed = { docs: new Int32Array(at.length), weights: new Float64Array(at.length) };
  for (const i of at) {
    const to = starts[max - weights[i]!]!++;
    packed.docs[to] = docs[i]!;
    packed.weights[to] = weights[i]!;
  }
  return packed;
}
