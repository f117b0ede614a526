import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Builds what the shells serve: the renderer (Vite), the browser shell's window.samen bridge, and the
 * Electron main process and sandboxed preload (bundled, as a sandboxed preload cannot load modules).
 */
const root = path.resolve(import.meta.dirname, '..');

export async function buildAll(opts: { electron?: boolean; quiet?: boolean } = {}): Promise<void> {
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: opts.quiet ? 'error' : 'info' });
  await esbuild({
    entryPoints: [path.join(root, 'preload/web.ts')],
    outfile: path.join(root, 'dist/web/samen-bridge.js'),
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'warning',
  });
  if (opts.electron) {
    await esbuild({
      entryPoints: [path.join(root, 'preload/index.ts')],
      outfile: path.join(root, 'dist/electron/preload.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'warning',
    });
    await bundleForNode('main/electron/main.ts', 'dist/electron/main.js');
  }
}

/**
 * Pure-JavaScript packages compiled into the main bundle: loading zod's hundreds of files and having
 * Node scan snowball-stemmers' large CommonJS file for its exports took about half of main/core's load
 * time (`npm run bench -- startup`). Every other package stays in node_modules: native ones
 * (better-sqlite3), Electron's, and any new one until it is known to bundle cleanly.
 */
const INLINED_PACKAGES = ['zod', 'snowball-stemmers'];

/**
 * One ES module for Node from a TypeScript entry (paths from the repository root): how the Electron
 * main process ships, and what the startup benchmark loads.
 */
export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)].filter((name) => !INLINED_PACKAGES.includes(name));
  await esbuild({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: external.flatMap((name) => [name, `${name}/*`]),
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await buildAll({ electron: process.argv.includes('--electron') });
}
