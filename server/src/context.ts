import type { Kysely } from 'kysely';
import type { Db } from './db/connect.js';
import type { Database } from './db/schema.js';
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
}

export const defaultServerOptions: ServerOptions = {
  heartbeatSeconds: 20,
  sessionHours: 12,
  idempotencyHours: 48,
  deviceSessionHours: 12,
  pinLockoutSeconds: 15 * 60,
};

/** What every capability of the server is built from; created once per process. */
export interface ServerContext {
  db: Db;
  k: Kysely<Database>;
  realtime: RealtimeHub;
  now: () => Date;
  options: ServerOptions;
}
