import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../server/src/db/connect.js';
import { summarise } from '../stats.js';

/**
 * What PostgreSQL's sessions wait on while writes run: every 10 ms, on a connection of its own, how
 * many client sessions wait on flushing the write-ahead log to disk (one in `IO/WALSync`, the rest
 * queued behind it in `LWLock/WALWrite`). Every commit waits there a moment; a queue of several
 * means the flush is slow, and slow writes that coincide with such queues waited on the disk.
 */
export function sampleWalWaits(url: string) {
  const db = openDatabase({ url });
  const samples: { at: number; walWaiting: number }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = performance.now();
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
         where backend_type = 'client backend' and pid <> pg_backend_pid()
           and (wait_event_type, wait_event) in (('IO', 'WALSync'), ('LWLock', 'WALWrite'))`.execute(db.kysely);
      samples.push({ at, walWaiting: rows[0]?.n ?? 0 });
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    /**
     * The share of samples in which `queued` or more sessions waited on the log: of all samples, and
     * of those taken while one of `windows` (performance.now() spans, the slow writes) was under way.
     * A disk that stalls shows as a queue behind it, far more often during slow writes than overall.
     */
    queuedShare(queued: number, windows: readonly { from: number; to: number }[]) {
      const share = (list: typeof samples) => (list.length === 0 ? NaN : list.filter((x) => x.walWaiting >= queued).length / list.length);
      const during = samples.filter((x) => windows.some((w) => x.at >= w.from && x.at <= w.to));
      return { overall: share(samples), duringSlow: share(during) };
    },
    async stop() {
      running = false;
      await loop;
      await db.close();
    },
  };
}

/**
 * The machine's own figure: how long this disk takes to make 8 kB durable (write and fdatasync, as
 * PostgreSQL flushes its log at each commit), for `ms` with nothing else running. A commit can be no
 * faster than this, and a stall of the disk shows in every commit waiting at the time.
 */
export function diskFlushLatency(ms = 2000) {
  const file = join(tmpdir(), `samen-flush-${process.pid}`);
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
