import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron binary, if one is installed here; null otherwise. Reads the package's own path.txt
 * instead of requiring 'electron', whose index tries to download a missing binary.
 */
export function findElectron(env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const executable = readFileSync(pathFile, 'utf8').trim();
    const binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'), executable);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
