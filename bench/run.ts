import { main as serverBench } from './server/serverBench.js';

/** `npm run bench`: every benchmark in turn; each prints its own figures. */
const benches: [string, () => Promise<void>][] = [['server', serverBench]];
const only = process.argv[2];
for (const [name, run] of benches) {
  if (!only || only === name) await run();
}
process.exit(0);
