/**
 * Where the next page of a newest-first list starts: everything strictly older than the item at
 * (`at`, `id`). The one cursor format of the API (posts, audit log) and of the client's own lists,
 * opaque to whoever receives it.
 */
export interface ListPosition {
  /** UTC ISO-8601, as stored. */
  at: string;
  id: string;
}

const toBase64Url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (s: string) => atob(s.replace(/-/g, '+').replace(/_/g, '/'));

export const encodeCursor = (p: ListPosition): string => toBase64Url(`${p.at}|${p.id}`);

/** The position, or null for anything that is not a cursor of ours. */
export function decodeCursor(cursor: string): ListPosition | null {
  let text: string;
  try {
    text = fromBase64Url(cursor);
  } catch {
    return null;
  }
  const [at, id, ...rest] = text.split('|');
  if (!at || !id || rest.length > 0 || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { at, id };
}

/** Newest first: later `at`, then larger id. */
export const newerFirst = (a: ListPosition, b: ListPosition): number => (a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1);
