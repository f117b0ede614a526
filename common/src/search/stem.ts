// The package ships no types; the reference brings its declaration into every TypeScript project
// that compiles this file (server, client, renderer, tests), not only the common one.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./snowballStemmers.d.ts" />
import { newStemmer } from 'snowball-stemmers';

const snowball = newStemmer('dutch');

/**
 * Plurals and forms the Snowball stemmer leaves apart from their singular, written as their singular
 * first: "declaraties" (-ies: Snowball keeps it), "categorieën" (folded "categorieen"), "betaaldata".
 */
const ENDINGS: readonly [from: string, to: string][] = [
  ['ieen', 'ie'],
  ['ies', 'ie'],
  ['data', 'datum'],
  ['uren', 'uur'],
];

/** Snowball keeps a doubled consonant it exposes ("salarissen" → "salariss"); the singular has one. */
const DOUBLED_END = /([b-df-hj-np-tv-z])\1$/;

/**
 * The stem of one folded word: singular and plural, and the forms of a verb, meet in one term
 * ("roosters" → "rooster", "declaraties" → "declaratie", "salarissen" → "salaris", "melden" → "meld").
 * Words of three letters or fewer are their own stem.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const known = memo.get(word);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_MAX) memo.clear();
  const found = stemOnce(word);
  memo.set(word, found);
  return found;
}

/**
 * Stems already made: a text repeats its words and a corpus its vocabulary, and Snowball is the
 * slowest step of indexing and of marking snippets. Cleared when full, so it stays bounded.
 */
const memo = new Map<string, string>();
const MEMO_MAX = 50_000;

function stemOnce(word: string): string {
  let w = word;
  for (const [from, to] of ENDINGS) {
    if (w.endsWith(from)) {
      w = w.slice(0, -from.length) + to;
      break;
    }
  }
  const stemmed = snowball.stem(w);
  return stemmed.length > 3 && DOUBLED_END.test(stemmed) ? stemmed.slice(0, -1) : stemmed;
}
