import { tokenise, type Token } from './normalise.js';
import { stem } from './stem.js';
import { DUTCH_STOPWORDS } from './stopwords.js';

/** A word of a text as the index knows it: its stem, and where the word stands in the text. */
export interface Term extends Token {
  term: string;
}

/** Words that say something: no stop words, no single letters (a hyphenated whole keeps its parts' letters). */
export const isContentWord = (word: string): boolean => word.length >= 2 && !DUTCH_STOPWORDS.has(word);

/** The terms of a text in order: tokenised, folded, stop words out, stemmed. */
export function analyse(text: string): Term[] {
  return tokenise(text)
    .filter((t) => isContentWord(t.word))
    .map((t) => ({ ...t, term: stem(t.word) }));
}
