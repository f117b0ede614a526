/**
 * Hashtags: `#` followed by letters, digits or underscores, at a word start. Stored lower-case so
 * "#BHV" and "#bhv" are one chip; accents are kept ("#café").
 */
const HASHTAG = /(^|[^\p{L}\p{N}_&/#])#([\p{L}\p{N}_]{1,50})/gu;

export function parseHashtags(body: string): string[] {
  const tags = new Set<string>();
  for (const match of body.matchAll(HASHTAG)) {
    const tag = match[2]!;
    // A tag of digits only is a number ("#3" as in "kamer #3"), not a topic.
    if (/^\p{N}+$/u.test(tag)) continue;
    tags.add(normaliseHashtag(tag));
  }
  return [...tags];
}

export function normaliseHashtag(tag: string): string {
  return tag.replace(/^#/, '').normalize('NFC').toLocaleLowerCase('nl-NL');
}
