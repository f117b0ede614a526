/** The longest "Vraag mij over: …" line: it fits under a name on a phone-sized card. */
export const AMBASSADOR_LINE_MAX = 120;

/**
 * Her line as it is stored and shown: one line, no control or invisible formatting characters, spaces
 * collapsed. Null when nothing is left. Both sides use it, so the admin screen counts what the server
 * keeps.
 */
export function normaliseAmbassadorLine(text: string | null): string | null {
  if (text === null) return null;
  const clean = text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean === '' ? null : clean;
}
