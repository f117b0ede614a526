import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import type { Cache } from '../../main/core/cache/openCache.js';
import { createClientIndex, type ClientIndex } from '../../main/core/search/clientIndex.js';

// The heap is only comparable after a full collection; tsx runs without --expose-gc.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Builds the client's offline index over the cache as its first search would, with the time and heap it took. */
export function buildClientIndex(cache: Cache): { index: ClientIndex; seconds: number; heapBytes: number } {
  collect();
  const before = process.memoryUsage().heapUsed;
  const index = createClientIndex(cache);
  const t = performance.now();
  index.warm();
  const seconds = (performance.now() - t) / 1000;
  collect();
  return { index, seconds, heapBytes: process.memoryUsage().heapUsed - before };
}
