import { isContentWord } from './analyse.js';
import { tokenise } from './normalise.js';
import { stem } from './stem.js';

/** A stretch of a snippet to mark as matched, end exclusive; the renderer highlights it as text. */
export interface Highlight {
  start: number;
  end: number;
}

export interface Snippet {
  text: string;
  highlights: Highlight[];
}

const LEAD = 40;

/**
 * A piece of `text` around the first matched word, at most `max` characters plus an ellipsis on a
 * cut side, with the words whose terms are in `matches` marked by position (no markup, so nothing in
 * a text can become HTML). Without a match, the text's beginning.
 */
export function makeSnippet(text: string, matches: ReadonlySet<string>, max = 160): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim();
  const hits = matchedWords(flat, matches);
  let start = 0;
  if (hits.length > 0 && hits[0]!.end > max - LEAD) {
    const space = flat.indexOf(' ', Math.max(0, hits[0]!.start - LEAD));
    start = space !== -1 && space < hits[0]!.start ? space + 1 : hits[0]!.start;
  }
  let end = Math.min(flat.length, start + max);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + max / 2) end = space;
  }
  const lead = start > 0 ? '…' : '';
  const body = flat.slice(start, end);
  const highlights = hits
    .filter((h) => h.start >= start && h.end <= end)
    .map((h) => ({ start: h.start - start + lead.length, end: h.end - start + lead.length }));
  return { text: `${lead}${body}${end < flat.length ? '…' : ''}`, highlights };
}

/** Where the words of `text` whose terms are in `matches` stand: for a result's title as for its snippet. */
export function matchedWords(text: string, matches: ReadonlySet<string>): Highlight[] {
  // A word and its stem begin alike: only words that begin like a match are worth stemming.
  const starts = new Set([...matches].map((m) => m.slice(0, 2)));
  return tokenise(text)
    .filter((t) => isContentWord(t.word) && starts.has(t.word.slice(0, 2)) && matches.has(stem(t.word)))
    .map((t) => ({ start: t.start, end: t.end }));
}
