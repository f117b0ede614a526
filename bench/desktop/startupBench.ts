import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { bundleForNode } from '../../scripts/build.js';

/**
 * `npm run bench -- startup`:
 * - time to load and initialise main/core in a fresh plain-Node process (target ≤ 150 ms), from the
 *   bundle the Electron main process ships as (scripts/build.ts: one ES module, packages from
 *   node_modules), so no TypeScript is compiled on the fly; against the same process loading nothing
 *   (the baseline, same run), and beside it the figure under tsx as a developer starts it;
 * - the renderer bundle's size, JS and CSS gzipped, and its largest contributors (per package, per
 *   source folder), from a production build made in memory.
 */
const root = path.resolve(import.meta.dirname, '../..');
const RUNS = 7;
const bundled = 'dist/bench/core.mjs';

const probe = (entry: string) => `
const t0 = performance.now();
const { createSamenCore } = await import(${JSON.stringify(entry)});
const loaded = performance.now();
const os = await import('node:os'); const fs = await import('node:fs'); const p = await import('node:path');
const dir = fs.mkdtempSync(p.join(os.tmpdir(), 'samen-bench-'));
const core = createSamenCore({ dataDir: dir, serverUrl: 'http://127.0.0.1:9', mode: 'workstation', log: { info() {}, warn() {}, error() {} }, imageUrl: () => '' });
const t1 = performance.now();
await core.stop();
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify([t1 - t0, loaded - t0]));`;
const baseline = `const t0 = performance.now(); await import('node:fs'); const t = performance.now() - t0; console.log(JSON.stringify([t, t]));`;

/** [load + init, load alone] in ms, from a fresh Node process. */
const node = (code: string, loader: string[] = []) => JSON.parse(execFileSync(process.execPath, [...loader, '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' }).trim()) as [number, number];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const gz = (text: string) => gzipSync(text).length;

/** Where a module of the renderer bundle comes from: its npm package, or its folder in this repository. */
function contributor(id: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
  if (pkg) return pkg[1]!;
  const rel = path.relative(root, clean);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return clean.split('/')[0] || clean;
  const parts = rel.split(path.sep);
  return parts.slice(0, parts[1] === 'src' ? 4 : 2).join('/').replace(/\.[cm]?[jt]sx?$/, '');
}

export async function main(): Promise<void> {
  await bundleForNode('main/core/api.ts', bundled);
  const entry = pathToFileURL(path.join(root, bundled)).href;
  const runs = Array.from({ length: RUNS }, () => node(probe(entry)));
  const core = runs.map((r) => r[0]);
  const dev = Array.from({ length: RUNS }, () => node(probe(path.join(root, 'main/core/api.ts')), ['--import', 'tsx'])[0]);
  const base = Array.from({ length: RUNS }, () => node(baseline)[0]);
  console.log(
    `startup: main/core load + init, bundled, plain Node, median of ${RUNS}: ${median(core).toFixed(1)} ms (target ≤ 150 ms; min ${Math.min(...core).toFixed(1)}, max ${Math.max(...core).toFixed(1)}), of which loading the modules ${median(runs.map((r) => r[1])).toFixed(1)} ms`,
  );
  console.log(`startup: baseline (empty import), same run: ${median(base).toFixed(1)} ms; under tsx (compiled on the fly, a developer's start): ${median(dev).toFixed(1)} ms`);

  const result = await build({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'silent', build: { write: false } });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const contributions = new Map<string, string[]>();
  let js = { raw: 0, gz: 0 };
  let css = { raw: 0, gz: 0 };
  for (const out of outputs) {
    if (out.type === 'chunk' && out.fileName.endsWith('.js')) {
      js = { raw: js.raw + Buffer.byteLength(out.code), gz: js.gz + gz(out.code) };
      for (const [id, m] of Object.entries(out.modules)) {
        const key = contributor(id);
        contributions.set(key, [...(contributions.get(key) ?? []), m.code ?? '']);
      }
    } else if (out.type === 'asset' && out.fileName.endsWith('.css')) {
      const text = typeof out.source === 'string' ? out.source : Buffer.from(out.source).toString('utf8');
      css = { raw: css.raw + Buffer.byteLength(text), gz: css.gz + gz(text) };
    }
  }
  console.log(`startup: renderer js: ${kib(js.gz)} gzip (${kib(js.raw)} raw); css: ${kib(css.gz)} gzip (${kib(css.raw)} raw)`);
  // Each contributor's module code before minification, gzipped on its own: for ranking, not adding up.
  const ranked = [...contributions].map(([key, codes]) => ({ key, raw: codes.reduce((a, c) => a + Buffer.byteLength(c), 0), gz: gz(codes.join('\n')) })).sort((a, b) => b.gz - a.gz);
  console.log('startup: largest contributors to the renderer js (unminified code: gzip alone, raw):');
  for (const c of ranked.slice(0, 12)) console.log(`  ${c.key}: ${kib(c.gz)} (${kib(c.raw)})`);
}
