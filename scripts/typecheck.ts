import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';

/**
 * `npm run typecheck`: one TypeScript project per runtime (tsconfig.<name>.json), so each sees only
 * its own globals: common neither the DOM nor Node, the renderer and preload the DOM, the rest Node.
 */
const root = path.resolve(import.meta.dirname, '..');
const projects = ['common', 'renderer', 'preload', 'node', 'test'];
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

const check = (name: string) =>
  new Promise<{ name: string; ok: boolean; output: string }>((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', `tsconfig.${name}.json`, '--pretty'], { cwd: root });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ name, ok: code === 0, output }));
  });

const queue = [...projects];
const results: Array<{ name: string; ok: boolean; output: string }> = [];
await Promise.all(
  Array.from({ length: Math.min(availableParallelism(), projects.length) }, async () => {
    for (let name = queue.shift(); name; name = queue.shift()) results.push(await check(name));
  }),
);
for (const r of results.sort((a, b) => projects.indexOf(a.name) - projects.indexOf(b.name))) {
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} tsconfig.${r.name}.json`);
  if (!r.ok) process.stdout.write(r.output);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
