import type { Kysely } from 'kysely';
import type { Db } from './db/connect.js';
import type { Database } from './db/schema.js';
import type { JobLimiter } from './limits/jobLimiter.js';
import type { RealtimeHub } from './realtime/hub.js';

export interface ServerOptions {
  /** Seconds between SSE heartbeats; short in tests. */
  heartbeatSeconds: number;
  /** Lifetime of a password session. */
  sessionHours: number;
  /** Longest an Idempotency-Key is remembered; at least 24 h by contract. */
  idempotencyHours: number;
  /** Lifetime of a badge or PIN session on an enrolled device (the client locks far earlier). */
  deviceSessionHours: number;
  /** How long 5 wrong PINs lock PIN login for an employee number; short in end-to-end tests. */
  pinLockoutSeconds: number;
  /** Photos decoded at once on this node (each may take a few hundred MB while it runs). */
  imageDecodes: number;
  /** Uploads that may wait for a decode; the next is refused with 429. */
  imageDecodeQueue: number;
}

export const defaultServerOptions: ServerOptions = {
  heartbeatSeconds: 20,
  sessionHours: 12,
  idempotencyHours: 48,
  deviceSessionHours: 12,
  pinLockoutSeconds: 15 * 60,
  imageDecodes: 2,
  imageDecodeQueue: 4,
};

/** What every capability of the server is built from; created once per process. */
export interface ServerContext {
  db: Db;
  k: Kysely<Database>;
  realtime: RealtimeHub;
  /** Where photos are decoded (uploads and their thumbnails): a few at a time per node. */
  imageDecoding: JobLimiter;
  now: () => Date;
  options: ServerOptions;
}
