import type { Kysely } from 'kysely';
import type { SessionRow } from './auth/sessionLookup.js';
import type { BatchedRead } from './db/batchedReads.js';
import type { Db } from './db/connect.js';
import type { Database } from './db/schema.js';
import type { JobLimiter } from './limits/jobLimiter.js';
import type { Deliveries, MailOptions } from './mailings/delivery.js';
import type { RealtimeHub } from './realtime/hub.js';
import type { NotificationsLookup } from './realtime/notificationsAfter.js';
import type { SharedDeltas } from './realtime/sharedDeltas.js';
import type { StreamRegistry } from './realtime/streamRegistry.js';
import type { MediaTools } from './videos/mediaTools.js';

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
  /** Event streams one person may have open, over all nodes; one more ends her oldest. */
  streamsPerPerson: number;
  /** Event streams one enrolled device may have open (with or without someone logged in). */
  streamsPerDevice: number;
  /**
   * Bytes an event stream may have waiting in this process, once the kernel's buffer for its socket is
   * full; past it the stream's client is not keeping up, and the stream is cut (realtime/streamBacklog.ts).
   */
  streamBacklogBytes: number;
  /** Photos decoded at once on this node (each may take a few hundred MB while it runs). */
  imageDecodes: number;
  /** Uploads that may wait for a decode; the next is refused with 429. */
  imageDecodeQueue: number;
  /** Videos processed by ffmpeg at once on this node (each keeps a core busy for seconds). */
  videoProcesses: number;
  /** Uploads that may wait for ffmpeg; the next is refused with 429. */
  videoProcessQueue: number;
  /** The longest one ffmpeg or ffprobe run may take before it is stopped. */
  videoSeconds: number;
  /** The ffmpeg program (ffprobe is looked for beside it); none: both from the PATH. */
  ffmpegPath: string | undefined;
  /** Seconds between publishing changed view counts through the change feed (one write per organisation). */
  viewCountPublishSeconds: number;
  /** Seconds between folds of the statistics events writes queued into the rollups. */
  statsFoldSeconds: number;
}

export const defaultServerOptions: ServerOptions = {
  heartbeatSeconds: 20,
  sessionHours: 12,
  idempotencyHours: 48,
  deviceSessionHours: 12,
  pinLockoutSeconds: 15 * 60,
  streamsPerPerson: 3,
  streamsPerDevice: 2,
  streamBacklogBytes: 256 * 1024,
  imageDecodes: 2,
  imageDecodeQueue: 4,
  videoProcesses: 1,
  videoProcessQueue: 2,
  videoSeconds: 180,
  ffmpegPath: undefined,
  viewCountPublishSeconds: 10,
  statsFoldSeconds: 1,
};

/** What every capability of the server is built from; created once per process. */
export interface ServerContext {
  db: Db;
  k: Kysely<Database>;
  realtime: RealtimeHub;
  /** The shared changes announcements carry, computed once per node (realtime/sharedDeltas.ts). */
  sharedDeltas: SharedDeltas;
  streams: StreamRegistry;
  /** Where photos are decoded (uploads and their thumbnails): a few at a time per node. */
  imageDecoding: JobLimiter;
  /** Where videos are checked and re-encoded (ffmpeg): one or two at a time per node. */
  videoProcessing: JobLimiter;
  mediaTools: MediaTools;
  /** Reads every request makes, shared by the requests that arrive together (db/batchedReads.ts). */
  lookups: {
    session: BatchedRead<string, SessionRow>;
    latestSeq(tenantId: string): Promise<number>;
    /** An event stream's notifications after its cursor (realtime/notificationsAfter.ts). */
    notifications: NotificationsLookup;
  };
  now: () => Date;
  options: ServerOptions;
  mail: MailContext;
  /** Told when a committed write's changes could not be numbered at once (PostgreSQL; the sweep numbers them). */
  onNumberingFailed?: (err: unknown) => void;
}

/** How this node delivers mailings. */
export interface MailContext {
  options: MailOptions;
  deliveries: Deliveries;
  /** Where people reach this server (for links in mailings). */
  baseUrl(): string;
  /** Tells this node's sender that a mailing was just queued. */
  wake(): void;
}
