import { accessSync, closeSync, constants, existsSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../server/src/db/connect.js';
import { cpuTicks } from '../procStat.js';
import { summarise } from '../stats.js';

/** One look, every 10 ms, at what PostgreSQL's sessions and the machine were doing. */
interface Sample {
  at: number;
  /** Client sessions waiting on the log flush. */
  walWaiting: number;
  /** Since the look before: the machine's CPU time in all, and what of it the VM's host took for others. */
  cpuTicks: number;
  stealTicks: number;
  /** How much later than asked this look came: the bench's own event loop, where the writes start, was held up. */
  lateMs: number;
}

/** What a list of looks says, during the slow writes and overall. */
export interface WaitShares {
  /** Share of looks with `queued` or more sessions on the log flush. */
  queued: number;
  /** Share of the machine's CPU time the host took for others. */
  steal: number;
  /** The longest the bench's own event loop was held up. */
  maxLateMs: number;
}

const SAMPLE_MS = 10;

/**
 * What writes may have waited on, looked at every 10 ms while they run:
 * - PostgreSQL: on a connection of its own, how many client sessions wait on flushing the write-ahead
 *   log to disk (one in `IO/WALSync`, the rest queued behind it in `LWLock/WALWrite`). Every commit
 *   waits there a moment; a queue of several means the flush is slow, and slow writes that coincide
 *   with such queues waited on the disk.
 * - The machine: CPU time the virtual machine's host gave to others (steal, from /proc/stat), and how
 *   late this process's own timer fired. Either one high during the slow writes, with no queue on the
 *   log, means they waited on the machine or on the bench, not on the database.
 */
export function sampleWalWaits(url: string) {
  const db = openDatabase({ url });
  const samples: Sample[] = [];
  let running = true;
  const loop = (async () => {
    let cpu = machineTicks();
    let asked = performance.now();
    while (running) {
      const at = performance.now();
      const lateMs = Math.max(0, at - asked - SAMPLE_MS);
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
         where backend_type = 'client backend' and pid <> pg_backend_pid()
           and (wait_event_type, wait_event) in (('IO', 'WALSync'), ('LWLock', 'WALWrite'))`.execute(db.kysely);
      const now = machineTicks();
      samples.push({ at, walWaiting: rows[0]?.n ?? 0, cpuTicks: now.total - cpu.total, stealTicks: now.steal - cpu.steal, lateMs });
      cpu = now;
      asked = performance.now();
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
  })();
  return {
    /**
     * What the looks say with `queued` or more sessions on the log flush counted as a queue: of all
     * looks, and of those taken while one of `windows` (performance.now() spans, the slow writes) was
     * under way. A disk that stalls shows as a queue behind it, far more often during slow writes than
     * overall; a host that stalls, as steal.
     */
    shares(queued: number, windows: readonly { from: number; to: number }[]): { overall: WaitShares; duringSlow: WaitShares } {
      const of = (list: Sample[]): WaitShares => {
        const ticks = list.reduce((s, x) => s + x.cpuTicks, 0);
        return {
          queued: list.length === 0 ? NaN : list.filter((x) => x.walWaiting >= queued).length / list.length,
          steal: ticks === 0 ? NaN : list.reduce((s, x) => s + x.stealTicks, 0) / ticks,
          maxLateMs: list.reduce((m, x) => Math.max(m, x.lateMs), list.length === 0 ? NaN : 0),
        };
      };
      const during = samples.filter((x) => windows.some((w) => x.at >= w.from && x.at <= w.to));
      return { overall: of(samples), duringSlow: of(during) };
    },
    async stop() {
      running = false;
      await loop;
      await db.close();
    },
  };
}

/** The machine's CPU time so far, all CPUs, in ticks: in all, and stolen by the host (zeros without /proc/stat). */
function machineTicks(): { total: number; steal: number } {
  const ticks = cpuTicks(null) ?? [];
  return { total: ticks.reduce((a, b) => a + b, 0), steal: ticks[7] ?? 0 };
}

/**
 * Where the flush is timed: beside PostgreSQL's data directory when it lies on this machine and may be
 * written to (its parent, so nothing lands among the cluster's own files), otherwise the temporary
 * directory; says which, so a cluster on another disk (tmpfs, say) is not timed on the wrong one.
 */
export async function flushDirectory(url: string): Promise<{ dir: string; besideData: boolean }> {
  const db = openDatabase({ url });
  try {
    const { rows } = await sql<{ dir: string | null }>`select current_setting('data_directory', true) as dir`.execute(db.kysely);
    const data = rows[0]?.dir;
    if (data && existsSync(data)) {
      const parent = dirname(data);
      try {
        accessSync(parent, constants.W_OK);
        return { dir: parent, besideData: true };
      } catch {
        // Not on this machine, or not ours to write: the temporary directory's disk is the best guess.
      }
    }
    return { dir: tmpdir(), besideData: false };
  } finally {
    await db.close();
  }
}

/**
 * The machine's own figure: how long the disk in `dir` takes to make 8 kB durable (write and fdatasync,
 * as PostgreSQL flushes its log at each commit), for `ms` with nothing else running. A commit can be no
 * faster than this, and a stall of the disk shows in every commit waiting at the time.
 */
export function diskFlushLatency(dir: string, ms = 2000) {
  const file = join(dir, `samen-flush-${process.pid}`);
  const fd = openSync(file, 'w');
  const page = Buffer.alloc(8192, 1);
  const samples: number[] = [];
  try {
    for (const end = performance.now() + ms; performance.now() < end; ) {
      const t = performance.now();
      writeSync(fd, page);
      fdatasyncSync(fd);
      samples.push(performance.now() - t);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  return summarise(samples);
}
