import { searchKey } from '../text/fold.js';

/**
 * The first step of the one Dutch search analysis that the server index and the client's offline
 * index share: words as people type them, without case or accents ("Cliënt" = "client"), with where
 * they stand in the original text so a snippet can mark them.
 */

export interface Token {
  /** Folded, lower case; an inflection after an apostrophe off ("foto's" → "foto", "BHV'ers" → "bhv"), other apostrophes out. */
  word: string;
  /** Where the word stands in the original text, end exclusive (UTF-16 offsets). */
  start: number;
  end: number;
  /** The whole of a hyphenated word, given after its parts. */
  joined?: true;
}

/** Compatibility forms first ("ĳ" → "ij", "ﬁ" → "fi"), then the shared accent folding. */
export const normalise = (text: string): string => searchKey(text.normalize('NFKC'));

// Letters and digits with their combining marks; an apostrophe inside a word belongs to it ("auto's").
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{M}]+)*/gu;
// What Dutch puts after an apostrophe to inflect a word: "foto's", "BHV'ers", "EVV'er", "pc'tje".
const INFLECTION = /['’](?:s|e|en|er|ers|je|jes|tje|tjes)$/i;

/**
 * The words of a text in order. A hyphenated word gives its parts and the whole ("e-mail" → "e",
 * "mail", "email"), so "email", "e-mail" and "mail" all find it.
 */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let previous: Token | null = null;
  let joined: Token | null = null;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const raw = m[0];
    const word = normalise(raw.replace(INFLECTION, '').replace(/['’]/g, ''));
    const token = { word, start, end: start + raw.length };
    const hyphenated = previous !== null && start === previous.end + 1 && text[previous.end] === '-';
    if (hyphenated) {
      joined = { word: (joined ?? previous!).word + word, start: (joined ?? previous!).start, end: token.end, joined: true };
    } else {
      if (joined) tokens.push(joined);
      joined = null;
    }
    tokens.push(token);
    previous = token;
  }
  if (joined) tokens.push(joined);
  return tokens;
}
