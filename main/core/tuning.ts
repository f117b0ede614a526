import type { BackoffPolicy } from './sync/backoff.js';
import type { SyncTuning } from './sync/syncEngine.js';

/** Timings and sizes of the core; the defaults suit production, tests shorten them. */
export interface CoreTuning extends SyncTuning {
  /** Longest wait for one API answer before the server counts as unreachable. */
  requestTimeoutMs: number;
  /** Back-off between outbox delivery attempts. */
  outboxRetry: BackoffPolicy;
  /** Memory for downloaded images (emptied at logout). */
  imageCacheBytes: number;
  /** Longest wait for a badge or PIN login: the person stands at the screen. */
  loginTimeoutMs: number;
  /** Longest wait for the server to revoke an ended session (it has ended here already). */
  logoutTimeoutMs: number;
  /**
   * How long a write whose delivery grant expired stays in the outbox for its author to send or
   * discard; after that it is dropped unsent and she is told at her next login.
   */
  expiredWritesKeptMs: number;
  /** Between batches of statistics while a session lasts (each session's end sends its own at once). */
  statsFlushMs: number;
}

export const defaultTuning: CoreTuning = {
  pageSize: 1000,
  catchUpIntervalMs: 30_000,
  retry: { baseMs: 1_000, maxMs: 60_000 },
  idleTimeoutMs: 60_000,
  requestTimeoutMs: 30_000,
  outboxRetry: { baseMs: 1_000, maxMs: 120_000 },
  imageCacheBytes: 32 * 1024 * 1024,
  loginTimeoutMs: 10_000,
  logoutTimeoutMs: 5_000,
  expiredWritesKeptMs: 7 * 24 * 3_600_000,
  statsFlushMs: 5 * 60_000,
};
