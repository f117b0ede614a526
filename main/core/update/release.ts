import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseVersion } from './version.js';

/**
 * One release as the update feed describes it: electron-builder's `latest.yml`, which electron-updater
 * reads into the same shape (`UpdateInfo`). `sha512` is the base64 digest of the file.
 */
export const ReleaseSchema = z.object({
  version: z.string().refine((v) => parseVersion(v) !== null, 'is not a version'),
  files: z
    .array(
      z.object({
        url: z.string().min(1),
        sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'is not a base64 sha512 digest'),
        size: z.number().int().positive().optional(),
      }),
    )
    .min(1),
  releaseDate: z.string().optional(),
  /** electron-builder's staged rollout: the share of devices (0–100) that take this release yet. */
  stagingPercentage: z.number().min(0).max(100).optional(),
});
export type Release = z.infer<typeof ReleaseSchema>;

export async function sha512Base64(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/** The release's entry for a downloaded file, only if its bytes are the ones the feed announced. */
export async function verifiedFile(file: string, release: Release): Promise<Release['files'][number] | null> {
  const digest = await sha512Base64(file);
  const named = release.files.filter((f) => path.posix.basename(f.url) === path.basename(file));
  const candidates = named.length > 0 ? named : release.files;
  return candidates.find((f) => f.sha512 === digest) ?? null;
}
