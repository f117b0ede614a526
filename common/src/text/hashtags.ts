import { charBefore, findAll, stickyMatch } from './wordStart.js';

/**
 * Hashtags: `#` followed by letters, digits or underscores, at a word start (not inside a word, an
 * `&#…;` entity, a URL path or `##`). Stored lower-case so "#BHV" and "#bhv" are one chip; accents
 * are kept ("#café"). The one definition: the server's parser and the renderer's highlighting both
 * read a tag through `hashtagAt`, so a filter chip and a highlighted tag always agree.
 */
const NOT_BEFORE = /[\p{L}\p{N}_&/#]/u;
const BODY = /#([\p{L}\p{N}_]{1,50})/uy;

/** The hashtag that starts at `text[i]`, or null when there is none there. */
export function hashtagAt(text: string, i: number): { tag: string; text: string } | null {
  if (text[i] !== '#' || NOT_BEFORE.test(charBefore(text, i))) return null;
  const m = stickyMatch(BODY, text, i);
  // A tag of digits only is a number ("kamer #3"), not a topic.
  if (!m || /^\p{N}+$/u.test(m[1]!)) return null;
  return { tag: normaliseHashtag(m[1]!), text: m[0] };
}

export function parseHashtags(body: string): string[] {
  return [...new Set(findAll(body, '#', hashtagAt).map((found) => found.tag))];
}

export function normaliseHashtag(tag: string): string {
  return tag.replace(/^#/, '').normalize('NFC').toLocaleLowerCase('nl-NL');
}
