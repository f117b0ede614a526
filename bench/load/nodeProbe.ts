import { appendFileSync } from 'node:fs';
import { constants, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { wallMs, type LoopSecond } from './protocol.js';

/**
 * Loaded into a server-side process by the load bench (`--import`, with LOAD_PROBE_FILE set): once a
 * second it appends how late its event loop ran and how long garbage collection held it in that
 * second. A write that waits inside the node waits for one of the two, or for the database; the bench
 * sets these against the writes it measured, for the node and the bare broadcaster alike.
 *
 * A line a second is the only file write: a synchronous write per fan-out slice once looked like a
 * stalled node when the disk was busy.
 */
const file = process.env.LOAD_PROBE_FILE;
/** The histogram holds each whole timer interval: how late the loop ran is what lies beyond it. */
const RESOLUTION_MS = 10;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  let gcMs = 0;
  let gcMaxMs = 0;
  let scavenges = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcMaxMs = Math.max(gcMaxMs, entry.duration);
      if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++;
    }
  }).observe({ entryTypes: ['gc'] });
  const timer = setInterval(() => {
    const second: LoopSecond = {
      at: wallMs(),
      delayP99Ms: Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS),
      delayMaxMs: Math.max(0, delay.max / 1e6 - RESOLUTION_MS),
      gcMs,
      gcMaxMs,
      scavenges,
    };
    delay.reset();
    gcMs = gcMaxMs = scavenges = 0;
    appendFileSync(file, `${JSON.stringify(second)}\n`);
  }, 1000);
  timer.unref();
}
