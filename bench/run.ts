import { main as shellBench } from './client/shellBench.js';
import { main as tapBench } from './client/tapBench.js';
import { main as cacheBench } from './core/cacheBench.js';
import { main as startupBench } from './desktop/startupBench.js';
import { main as groupsBench } from './groups/groupsBench.js';
import { main as kioskBench } from './kiosk/kioskBench.js';
import { main as loadBench } from './load/loadBench.js';
import { main as mailingBench } from './mailings/mailingBench.js';
import { main as pollBench } from './polls/pollBench.js';
import { main as bestTimeBench } from './scheduling/bestTimeBench.js';
import { main as viewBench } from './postViews/viewBench.js';
import { main as searchBench } from './search/searchBench.js';
import { main as serverBench } from './server/serverBench.js';
import { main as writesBench } from './server/writeThroughputBench.js';
import { main as statsBench } from './stats/statsBench.js';

/** `npm run bench [name]`: every benchmark below in turn (or the one named); each prints its own figures. */
const benches: [string, () => Promise<void>][] = [
  ['server', serverBench],
  ['core', cacheBench],
  ['shell', shellBench],
  ['tap', tapBench],
  ['search', searchBench],
  ['load', () => loadBench()],
  ['startup', startupBench],
  ['writes', writesBench],
  ['groups', groupsBench],
  ['mailings', mailingBench],
  ['polls', pollBench],
  ['kiosk', kioskBench],
  ['besttime', bestTimeBench],
  ['views', viewBench],
  ['stats', statsBench],
];
const only = process.argv[2];
if (only && !benches.some(([name]) => name === only)) {
  console.error(`No benchmark "${only}". Choose one of: ${benches.map(([name]) => name).join(', ')}.`);
  process.exit(2);
}
for (const [name, run] of benches) {
  if (!only || only === name) await run();
}
process.exit(0);
