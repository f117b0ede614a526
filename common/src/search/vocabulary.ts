import { withinOneEdit } from './editDistance.js';

/**
 * The terms an index holds, with how many documents hold each: what query planning looks up to
 * complete a word being typed, to correct a typo and to split a compound. The server keeps one per
 * organisation in memory; the client's offline index will keep one of its own.
 */
export interface Vocabulary {
  /** Documents holding the term; 0 when no document does. */
  df(term: string): number;
  /** Documents in the index. */
  docCount(): number;
  /** Terms starting with `prefix`, most frequent first. */
  withPrefix(prefix: string, limit: number): string[];
  /** Terms ending with `suffix` (compounds whose last part it is), most frequent first. */
  withSuffix(suffix: string, limit: number): string[];
  /** Terms one edit away (a letter more, less, other, or two swapped; the first letter kept), most frequent first. */
  nearby(word: string, limit: number): string[];
}

const byFrequency = (v: Vocabulary) => (a: string, b: string) => v.df(b) - v.df(a) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * A vocabulary kept in memory: a sorted list for prefixes, and buckets by first letter and length for
 * typos, so a lookup touches a few hundred terms, not all of them. Changes arrive term by term.
 */
export class MemoryVocabulary implements Vocabulary {
  private readonly counts = new Map<string, number>();
  private sorted: string[] = [];
  /** Every term spelt backwards, sorted: a suffix is then a prefix. */
  private reversed: string[] = [];
  /** New terms not yet in the sorted lists: a bulk build sorts once, at the first lookup. */
  private unsorted: string[] = [];
  private readonly buckets = new Map<string, Set<string>>();
  private documents = 0;

  constructor(entries: Iterable<[term: string, df: number]> = [], docCount = 0) {
    for (const [term, df] of entries) if (df > 0) this.counts.set(term, df);
    this.sorted = [...this.counts.keys()].sort();
    this.reversed = this.sorted.map(backwards).sort();
    for (const term of this.sorted) this.bucket(term).add(term);
    this.documents = docCount;
  }

  df = (term: string): number => this.counts.get(term) ?? 0;
  docCount = (): number => this.documents;
  get size(): number {
    return this.counts.size;
  }

  setDocCount(n: number): void {
    this.documents = n;
  }

  /** Sets a term's document count; 0 removes it. */
  set(term: string, df: number): void {
    const had = this.counts.has(term);
    if (df > 0) {
      this.counts.set(term, df);
      if (!had) {
        this.unsorted.push(term);
        this.bucket(term).add(term);
      }
    } else if (had) {
      this.settle();
      this.counts.delete(term);
      this.sorted.splice(lowerBound(this.sorted, term), 1);
      this.reversed.splice(lowerBound(this.reversed, backwards(term)), 1);
      this.bucket(term).delete(term);
    }
  }

  withPrefix(prefix: string, limit: number): string[] {
    this.settle();
    return mostFrequent(startingWith(this.sorted, prefix), byFrequency(this), limit);
  }

  withSuffix(suffix: string, limit: number): string[] {
    this.settle();
    return mostFrequent(startingWith(this.reversed, backwards(suffix)).map(backwards), byFrequency(this), limit);
  }

  nearby(word: string, limit: number): string[] {
    const found: string[] = [];
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      for (const term of this.buckets.get(`${word[0]}:${length}`) ?? []) if (term !== word && withinOneEdit(word, term)) found.push(term);
    }
    return mostFrequent(found, byFrequency(this), limit);
  }

  /** Puts the new terms in the sorted lists: one by one when they are few, else all sorted again. */
  private settle(): void {
    const added = this.unsorted;
    if (added.length === 0) return;
    this.unsorted = [];
    if (added.length < 64) {
      for (const term of added) {
        this.sorted.splice(lowerBound(this.sorted, term), 0, term);
        this.reversed.splice(lowerBound(this.reversed, backwards(term)), 0, backwards(term));
      }
      return;
    }
    this.sorted = this.sorted.concat(added).sort();
    this.reversed = this.reversed.concat(added.map(backwards)).sort();
  }

  private bucket(term: string): Set<string> {
    const key = `${term[0]}:${term.length}`;
    let set = this.buckets.get(key);
    if (!set) this.buckets.set(key, (set = new Set()));
    return set;
  }
}

const backwards = (s: string) => [...s].reverse().join('');

/** The first `limit` of `items` in `order`, without sorting them all (a one-letter prefix matches thousands). */
function mostFrequent(items: readonly string[], order: (a: string, b: string) => number, limit: number): string[] {
  const best: string[] = [];
  if (limit <= 0) return best;
  for (const item of items) {
    if (best.length === limit && order(item, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && order(item, best[at - 1]!) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > limit) best.pop();
  }
  return best;
}

/** Where `term` is or would be in a sorted list. */
function lowerBound(sorted: readonly string[], term: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function startingWith(sorted: readonly string[], prefix: string): string[] {
  const found: string[] = [];
  for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
  return found;
}
