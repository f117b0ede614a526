import { main as shellBench } from './client/shellBench.js';
import { main as tapBench } from './client/tapBench.js';
import { main as cacheBench } from './core/cacheBench.js';
import { main as startupBench } from './desktop/startupBench.js';
import { main as loadBench } from './load/loadBench.js';
import { main as searchBench } from './search/searchBench.js';
import { main as serverBench } from './server/serverBench.js';
import { main as writesBench } from './server/writeThroughputBench.js';

/** `npm run bench [server|core|shell|tap|search|load|startup|writes]`: every benchmark in turn (or one); each prints its own figures. */
const benches: [string, () => Promise<void>][] = [
  ['server', serverBench],
  ['core', cacheBench],
  ['shell', shellBench],
  ['tap', tapBench],
  ['search', searchBench],
  ['load', () => loadBench()],
  ['startup', startupBench],
  ['writes', writesBench],
];
const only = process.argv[2];
for (const [name, run] of benches) {
  if (!only || only === name) await run();
}
process.exit(0);
