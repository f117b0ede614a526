import { searchKey } from './fold.js';
import { charBefore, findAll, stickyMatch } from './wordStart.js';

/**
 * Mentions refer to a person's handle (`@anna.devries`), which the composer inserts from its
 * suggestions. Handles are lower-case ASCII so a reader can type them on any keyboard. Not inside a
 * word or an e-mail address. The one definition, shared by the server's parser and the renderer.
 */
const NOT_BEFORE = /[\p{L}\p{N}_.@]/u;
const BODY = /@([a-z0-9][a-z0-9._-]{1,39})/y;

/** The mention that starts at `text[i]`, or null. "@anna.devries." at a sentence end: the dot belongs to the sentence. */
export function mentionAt(text: string, i: number): { handle: string; text: string } | null {
  if (text[i] !== '@' || NOT_BEFORE.test(charBefore(text, i))) return null;
  const m = stickyMatch(BODY, text, i);
  if (!m) return null;
  const handle = m[1]!.replace(/[._-]+$/, '');
  return { handle, text: `@${handle}` };
}

export function parseMentionHandles(body: string): string[] {
  return [...new Set(findAll(body, '@', mentionAt).map((found) => found.handle))];
}

/** Makes a handle from a display name: "Anna de Vries" → "anna.devries". */
export function handleFromName(name: string): string {
  const ascii = searchKey(name)
    .replace(/[^a-z0-9 ]/g, '')
    .trim();
  const [first = 'collega', ...rest] = ascii.split(/\s+/);
  const last = rest.join('');
  return last ? `${first}.${last}` : first;
}
