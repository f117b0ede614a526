/**
 * The character (a whole code point) just before `i`, or '' at the start: what decides whether a
 * `#` or `@` at `i` starts a tag or sits inside a word, an address or a URL.
 */
export function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (i >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1]!;
}

/** Sticky patterns match at one position without copying the rest of the text. */
export function stickyMatch(pattern: RegExp, text: string, i: number): RegExpExecArray | null {
  pattern.lastIndex = i;
  return pattern.exec(text);
}

/** Every match of `at` in `text`, trying each position where `marker` stands. */
export function findAll<T>(text: string, marker: string, at: (text: string, i: number) => T | null): T[] {
  const found: T[] = [];
  for (let i = text.indexOf(marker); i !== -1; i = text.indexOf(marker, i + 1)) {
    const match = at(text, i);
    if (match !== null) found.push(match);
  }
  return found;
}
