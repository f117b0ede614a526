import { decodeCursor, encodeCursor, newerFirst as newerFirstAt } from '../../../common/src/api/cursor.js';
import type { PostPosition } from '../cache/postQueries.js';

/** The API's list cursor (common/src/api/cursor.ts) over a post's place in the timeline. */
export const encodePostCursor = (p: PostPosition): string => encodeCursor({ at: p.createdAt, id: p.id });

export function decodePostCursor(cursor: string): PostPosition | null {
  const p = decodeCursor(cursor);
  return p ? { createdAt: p.at, id: p.id } : null;
}

/** Newest first: later createdAt, then larger id. */
export const newerFirst = (a: PostPosition, b: PostPosition): number => newerFirstAt({ at: a.createdAt, id: a.id }, { at: b.createdAt, id: b.id });

export const isBefore = (p: PostPosition, cursor: PostPosition | null): boolean => cursor === null || newerFirst(p, cursor) > 0;
