import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * `npm run bench -- startup`: time to load and initialise main/core in a fresh plain-Node process
 * (target ≤ 150 ms), against the same process loading nothing (the baseline, same run); and the
 * renderer bundle's size, JS and CSS gzipped, with its largest files.
 */
const root = path.resolve(import.meta.dirname, '../..');
const probe = `
const t0 = performance.now();
const { createSamenCore } = await import(${JSON.stringify(path.join(root, 'main/core/api.ts'))});
const os = await import('node:os'); const fs = await import('node:fs'); const p = await import('node:path');
const dir = fs.mkdtempSync(p.join(os.tmpdir(), 'samen-bench-'));
const core = createSamenCore({ dataDir: dir, serverUrl: 'http://127.0.0.1:9', mode: 'workstation', log: { info() {}, warn() {}, error() {} }, imageUrl: () => '' });
const t1 = performance.now();
await core.stop();
console.log(String(t1 - t0));`;
const baseline = `const t0 = performance.now(); await import('node:fs'); console.log(String(performance.now() - t0));`;

const run = (code: string) => Number(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' }).trim());
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function main(): Promise<void> {
  const core = Array.from({ length: 5 }, () => run(probe));
  const base = Array.from({ length: 5 }, () => run(baseline));
  console.log(`startup: main/core load + init, median of 5: ${median(core).toFixed(1)} ms (target ≤ 150 ms); baseline (empty import): ${median(base).toFixed(1)} ms`);
  const dist = path.join(root, 'renderer/dist/assets');
  let files: string[];
  try {
    files = readdirSync(dist).filter((f) => /\.(js|css)$/.test(f));
  } catch {
    console.log('startup: renderer/dist missing: run `npm run build` first for the bundle size');
    return;
  }
  const sized = files.map((f) => ({ f, raw: statSync(path.join(dist, f)).size, gz: gzipSync(readFileSync(path.join(dist, f))).length }));
  for (const ext of ['js', 'css']) {
    const mine = sized.filter((s) => s.f.endsWith(`.${ext}`));
    console.log(`startup: renderer ${ext}: ${(mine.reduce((a, s) => a + s.gz, 0) / 1024).toFixed(1)} KiB gzip (${(mine.reduce((a, s) => a + s.raw, 0) / 1024).toFixed(1)} KiB raw)`);
  }
  for (const s of sized.sort((a, b) => b.gz - a.gz).slice(0, 5)) console.log(`  ${s.f}: ${(s.gz / 1024).toFixed(1)} KiB gzip`);
}
