import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * How long the browser may keep what the shell serves of the renderer. A file whose name carries its
 * content hash (Vite's `assets/index-kQ0sICyN.js`) never changes under that name, so it is kept for
 * good: the reload that wipes the screen after each person then neither fetches nor compiles the app
 * again. Everything else (the page, the bridge) is asked again each time and answered "not modified"
 * while it is the same. None of it holds anything of a person.
 */
const CONTENT_HASHED = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export const KEEP_FOR_GOOD = 'private, max-age=31536000, immutable';

export function cacheControlFor(urlPath: string): string {
  return CONTENT_HASHED.test(urlPath) ? KEEP_FOR_GOOD : 'no-cache';
}

export const versionOf = (body: string | Buffer): string => createHash('sha256').update(body).digest('base64url').slice(0, 27);
export const etagOf = (body: string | Buffer): string => `"${versionOf(body)}"`;

/**
 * The page names the bridge by its version (`samen-bridge.js?v=…`), so the bridge too is kept for good
 * and the page does not wait for it to be asked again; a shell started with another bridge names another version.
 */
export const BRIDGE_PATH = '/samen-bridge.js';

export function withVersionedBridge(page: Buffer, version: string): Buffer {
  return Buffer.from(page.toString('utf8').replace(`src=".${BRIDGE_PATH}"`, `src=".${BRIDGE_PATH}?v=${version}"`));
}

/** The browser's copy (If-None-Match) is this version: a 304 will do. */
export function unchanged(req: IncomingMessage, etag: string): boolean {
  const tags = req.headers['if-none-match'];
  return tags !== undefined && tags.split(',').some((t) => t.trim() === etag);
}
