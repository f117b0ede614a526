import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/apiError.js';

/** The only names served: electron-builder's `latest*.yml`, installers and blockmaps; no folders, no dot files. */
const FEED_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

const missing = () => notFound('Dit updatebestand is er niet.');

/** The file in `dir` named `name`, only if it is a plain file that really lies in that folder (no link out of it). */
async function feedFile(dir: string, name: string): Promise<{ file: string; size: number } | null> {
  if (!FEED_FILE.test(name) || name.includes('..')) return null;
  try {
    const [root, file] = await Promise.all([realpath(dir), realpath(path.join(dir, name))]);
    if (path.dirname(file) !== root) return null;
    const info = await stat(file);
    return info.isFile() ? { file, size: info.size } : null;
  } catch {
    return null;
  }
}

/**
 * The desktop client's update feed, as electron-updater's generic provider reads it: `latest.yml`
 * (`latest-linux.yml`) and the files it names, straight from the folder IT copies a release into
 * (`--updates-dir`). No login: installers are no secret, and a ward PC updates with nobody logged in.
 */
export function registerUpdateFeedRoutes(app: FastifyInstance, dir: string | undefined): void {
  app.get<{ Params: { file: string } }>('/v1/updates/:file', async (request, reply) => {
    const found = dir ? await feedFile(dir, request.params.file) : null;
    if (!found) throw missing();
    const feed = found.file.endsWith('.yml');
    return reply
      .header('content-type', feed ? 'text/yaml; charset=utf-8' : 'application/octet-stream')
      .header('content-length', found.size)
      .header('x-content-type-options', 'nosniff')
      // The feed changes in place when IT publishes; the files it names never do.
      .header('cache-control', feed ? 'no-cache' : 'public, max-age=86400, immutable')
      .send(createReadStream(found.file));
  });
}
