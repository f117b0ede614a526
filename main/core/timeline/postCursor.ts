import type { PostPosition } from '../cache/postQueries.js';

/** Opaque to the renderer: where the next page of a newest-first list starts. */
export const encodePostCursor = (p: PostPosition): string => Buffer.from(JSON.stringify([p.createdAt, p.id])).toString('base64url');

export function decodePostCursor(cursor: string): PostPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // fall through: not one of ours
  }
  return null;
}

/** Newest first: later createdAt, then larger id. */
export const newerFirst = (a: PostPosition, b: PostPosition): number =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.createdAt < b.createdAt ? 1 : -1;

export const isBefore = (p: PostPosition, cursor: PostPosition | null): boolean => cursor === null || newerFirst(p, cursor) > 0;
