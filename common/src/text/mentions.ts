/**
 * Mentions refer to a person's handle (`@anna.devries`), which the composer inserts from its
 * suggestions. Handles are lower-case ASCII so a reader can type them on any keyboard.
 */
const MENTION = /(^|[^\p{L}\p{N}_.@])@([a-z0-9][a-z0-9._-]{1,39})/gu;

export function parseMentionHandles(body: string): string[] {
  const handles = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    handles.add(match[2]!.replace(/[._-]+$/, ''));
  }
  return [...handles];
}

/** Makes a handle from a display name: "Anna de Vries" → "anna.devries". */
export function handleFromName(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, '')
    .trim();
  const [first = 'collega', ...rest] = ascii.split(/\s+/);
  const last = rest.join('');
  return last ? `${first}.${last}` : first;
}
