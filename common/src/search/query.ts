import { isContentWord } from './analyse.js';
import { tokenise } from './normalise.js';
import { MATCH_QUALITY } from './ranking.js';
import { stem } from './stem.js';
import type { SynonymTable } from './synonyms.js';
import type { Vocabulary } from './vocabulary.js';

/** One way a query word can be found in a document, with how good a match that is (MATCH_QUALITY). */
export interface Alternative {
  term: string;
  quality: number;
}

/**
 * One query word, or one part of a compound query word: a document matches it when it holds any of
 * its alternatives, and counts its best one.
 */
export interface QuerySlot {
  word: string;
  alternatives: Alternative[];
}

/** What the index looks up: a term, the slot it counts for, and its factor (quality × rarity). */
export interface WeightedTerm {
  slot: number;
  term: string;
  factor: number;
}

export interface QueryPlan {
  slots: QuerySlot[];
  terms: WeightedTerm[];
  /** Every term that counts as a match, for marking them in a snippet. */
  matches: ReadonlySet<string>;
}

/** Longest query that is planned; the rest is ignored (a search box, not a document). */
export const QUERY_WORDS_MAX = 8;
const COMPLETIONS = 8;
const CORRECTIONS = 3;
const TYPO_MIN_LENGTH = 5;
const COMPOUND_MIN_LENGTH = 6;
const PART_MIN_LENGTH = 3;
const JOIN_WORDS_MAX = 4;
const HEAD_MIN_LENGTH = 4;
const COMPOUNDS = 8;

/**
 * Turns what someone typed into what to look up. Stop words go ("hoe meld ik me ziek" → meld, ziek);
 * each word is stemmed; the word still being typed (no space after it) is completed from the
 * vocabulary; a word of five letters or more that no document holds is corrected by one edit; synonyms
 * are added, and compounds that end in the word; a compound is split into parts the vocabulary knows ("vakantiedagen" → vakantie + dagen,
 * each part a slot of its own that the whole word also fills); two words that together are an
 * indexed word count as that word too: best when they stand in that order ("ziek melden" →
 * ziekmelden), a little less in the other ("hoe meld ik me ziek").
 */
export function planQuery(query: string, vocab: Vocabulary, synonyms: SynonymTable): QueryPlan {
  const tokens = tokenise(query).filter((t) => !t.joined);
  const typing = !/\s$/.test(query);
  const words = tokens
    .map((t, i) => ({ word: t.word, position: i, last: typing && i === tokens.length - 1 }))
    .filter((w) => isContentWord(w.word))
    .slice(0, QUERY_WORDS_MAX);

  const slots: QuerySlot[] = [];
  const slotsOfWord: number[][] = [];
  for (const w of words) {
    const alternatives = new Map<string, number>();
    const add = (term: string, quality: number) => {
      if ((alternatives.get(term) ?? 0) < quality) alternatives.set(term, quality);
    };
    const own = stem(w.word);
    add(own, MATCH_QUALITY.exact);
    const completions = w.last ? vocab.withPrefix(w.word, COMPLETIONS) : [];
    const top = Math.max(1, ...completions.map((t) => vocab.df(t)));
    // The more documents hold a completion, the likelier it is the word being typed.
    for (const t of completions) add(t, MATCH_QUALITY.prefix - 10 + Math.round((10 * vocab.df(t)) / top));
    if (vocab.df(own) === 0 && w.word.length >= TYPO_MIN_LENGTH && completions.length === 0) {
      for (const t of corrections(w.word, own, vocab)) add(t, MATCH_QUALITY.typo);
    }
    for (const t of synonyms.get(own) ?? []) add(t, MATCH_QUALITY.synonym);
    // Dutch compounds end in what they are: "verlof" also finds "ouderschapsverlof", a little lower.
    if (own.length >= HEAD_MIN_LENGTH) {
      for (const t of vocab.withSuffix(own, COMPOUNDS)) if (t.length - own.length >= PART_MIN_LENGTH) add(t, MATCH_QUALITY.head);
    }
    const base = [...alternatives].map(([term, quality]) => ({ term, quality }));
    const parts = w.word.length >= COMPOUND_MIN_LENGTH ? splitCompound(w.word, vocab) : null;
    const mine: number[] = [];
    for (const part of parts ?? [null]) {
      mine.push(slots.length);
      slots.push({ word: w.word, alternatives: part === null ? base : [...base.filter((a) => a.term !== part), { term: part, quality: MATCH_QUALITY.part }] });
    }
    slotsOfWord.push(mine);
  }

  // Any two words of a short query may be one compound, in either order: "hoe meld ik me ziek" → ziekmelden.
  for (let i = 0; i < words.length && words.length <= JOIN_WORDS_MAX; i++) {
    for (let j = 0; j < words.length; j++) {
      if (i === j) continue;
      const joined = stem(words[i]!.word + words[j]!.word);
      if (vocab.df(joined) === 0) continue;
      const quality = words[j]!.position === words[i]!.position + 1 ? MATCH_QUALITY.joined : MATCH_QUALITY.part;
      for (const s of [...slotsOfWord[i]!, ...slotsOfWord[j]!]) {
        const slot = slots[s]!;
        const known = slot.alternatives.find((a) => a.term === joined);
        if (!known) slot.alternatives.push({ term: joined, quality });
        else known.quality = Math.max(known.quality, quality);
      }
    }
  }

  const terms = slots.flatMap((slot, i) => {
    const idf = rarity(vocab, slot);
    return slot.alternatives.map((a) => ({ slot: i, term: a.term, factor: Math.max(1, Math.round(a.quality * idf)) }));
  });
  return { slots, terms, matches: new Set(terms.map((t) => t.term)) };
}

/**
 * How much a slot tells documents apart: ln(1 + N / df), with df of the word itself when documents
 * hold it, else of its most common alternative (a typo is as telling as its correction).
 */
function rarity(vocab: Vocabulary, slot: QuerySlot): number {
  const own = vocab.df(slot.alternatives[0]!.term);
  const df = own > 0 ? own : Math.max(1, ...slot.alternatives.map((a) => vocab.df(a.term)));
  return Math.log(1 + Math.max(1, vocab.docCount()) / df);
}

/**
 * Terms one typo away from a word: first those one edit from its stem or from the word itself; if
 * there are none, the stems of every one-edit variant of the word that the vocabulary holds, so an
 * inflected word is corrected too ("antistollng" → antistolling, stem "antistol").
 */
function corrections(word: string, own: string, vocab: Vocabulary): string[] {
  const near = new Set([...vocab.nearby(own, CORRECTIONS), ...vocab.nearby(word, CORRECTIONS)]);
  if (near.size > 0) return [...near];
  const found = new Set<string>();
  for (const variant of oneEdit(word)) {
    const t = stem(variant);
    if (vocab.df(t) > 0) found.add(t);
  }
  return [...found].sort((a, b) => vocab.df(b) - vocab.df(a) || (a < b ? -1 : 1)).slice(0, CORRECTIONS);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every word one edit away: a letter removed, two swapped, one replaced or one added (not before the first). */
function oneEdit(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i <= word.length; i++) {
    if (i < word.length) out.add(word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (const c of LETTERS) {
      if (i < word.length) out.add(word.slice(0, i) + c + word.slice(i + 1));
      out.add(word.slice(0, i) + c + word.slice(i));
    }
  }
  return out;
}

/**
 * The parts of a compound that the vocabulary holds, longest first part first, at most three parts,
 * each at least three letters, with the Dutch linking "s" between parts allowed ("arbeidsongeval").
 * Null when the word cannot be split into known parts.
 */
export function splitCompound(word: string, vocab: Vocabulary, depth = 1): string[] | null {
  for (let i = word.length - PART_MIN_LENGTH; i >= PART_MIN_LENGTH; i--) {
    const left = word.slice(0, i);
    if (!isContentWord(left)) continue;
    const head = stem(left);
    if (vocab.df(head) === 0) continue;
    const rests = word[i] === 's' && left[left.length - 1] !== 's' ? [word.slice(i), word.slice(i + 1)] : [word.slice(i)];
    for (const rest of rests) {
      if (rest.length < PART_MIN_LENGTH || !isContentWord(rest)) continue;
      const tail = stem(rest);
      if (vocab.df(tail) > 0) return [head, tail];
      const more = depth < 2 ? splitCompound(rest, vocab, depth + 1) : null;
      if (more) return [head, ...more];
    }
  }
  return null;
}
