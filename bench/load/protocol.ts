/** Messages between the load coordinator and its worker processes. */

/** What a stream worker is told to hold: event streams at `url` with these tokens (null: no auth, the bare baseline). */
export interface OpenStreams {
  type: 'open';
  url: string;
  path: string;
  tokens: (string | null)[];
  /**
   * Share of clients that keep a cache current as the desktop app does: each takes the shared changes
   * an announcement carries, and pulls /v1/sync when it is behind without them. The rest only listen.
   */
  pullShare: number;
}

/** When each seq was written (ms since the epoch), so workers can turn receipt times into latencies. */
export interface Finish {
  type: 'finish';
  /** When each seq committed: from then on a pull would have found it. */
  writtenAt: [number, number][];
  /** When each seq's write statement began, where known: the push latency as the writer sees it. */
  startedAt?: [number, number][];
  /** A reminder sent to everyone after the writes: its notifications' seqs and when they committed. */
  reminder?: ReminderStamps;
}

/** The notifications one write made for everyone: seqs `fromSeq`..`toSeq`, committed at `committedAt` (wall ms). */
export interface ReminderStamps {
  fromSeq: number;
  toSeq: number;
  committedAt: number;
}

export interface Opened {
  type: 'opened';
  held: number;
  failed: number;
}

/** Latencies as a histogram of 0.1 ms buckets (sparse: bucket → count), which adds up across workers. */
export type Histogram = Record<number, number>;

export interface StreamResult {
  type: 'result';
  held: number;
  /** Streams that ended before the run did, or failed to open. */
  dropped: number;
  pulls: number;
  pullErrors: number;
  /** Announcements whose carried changes a client took instead of pulling. */
  taken: number;
  /** Body bytes received on the streams (chunk framing not counted). */
  bytes: number;
  /** `seq` events heard over all streams (a stream hears one per announcement). */
  events: number;
  push: Histogram;
  /** Per seq, the push latency of the first and the last stream that heard it. */
  reach: Reach;
  pushFromStart?: Histogram;
  /** Streams that received their notification of the reminder, and when after its commit. */
  reminder?: { reached: number; latency: Histogram };
}

/** seq → [first stream's push latency, last stream's], in ms. */
export type Reach = Record<number, [number, number]>;

/** Widens `seq`'s reach to take in a stream (or a worker's streams) first and last hearing it as given. */
export function widenReach(reach: Reach, seq: number, first: number, last: number): void {
  const r = reach[seq];
  reach[seq] = r ? [Math.min(r[0], first), Math.max(r[1], last)] : [first, last];
}

export function mergeReach(list: Reach[]): Reach {
  const out: Reach = {};
  for (const r of list) for (const [seq, [first, last]] of Object.entries(r)) widenReach(out, Number(seq), first, last);
  return out;
}

export interface WriteOrder {
  type: 'write';
  url: string;
  kind: 'samen' | 'bare';
  tokens: string[];
  perSecond: number;
  seconds: number;
  /** Polls every writer may vote in, again and again (Samen only): running, her vote may be changed, organisation-wide. */
  polls: VotablePoll[];
}

export interface VotablePoll {
  id: string;
  optionIds: string[];
}

export interface WriteResult {
  type: 'result';
  writes: number;
  errors: number;
  errorCodes: Record<string, number>;
  /** Writes that succeeded, by kind (like, unlike, vote, comment, post; broadcast for the baseline). */
  kinds: Record<string, number>;
  latency: Histogram;
  /** The node's own part of each write, from its Server-Timing header (empty for the bare baseline). */
  serverLatency: Histogram;
  /** The slowest writes, slowest first. */
  slowest: SlowWrite[];
}

export interface SlowWrite {
  /** Seconds from the first write sent. */
  at: number;
  kind: string;
  ms: number;
  /** The node's own part (Server-Timing), null where the answer did not say (NaN would not survive the message). */
  serverMs: number | null;
}

export const BUCKET_MS = 0.1;

export function addToHistogram(h: Histogram, ms: number): void {
  const bucket = Math.max(0, Math.round(ms / BUCKET_MS));
  h[bucket] = (h[bucket] ?? 0) + 1;
}

export function mergeHistograms(list: Histogram[]): Histogram {
  const out: Histogram = {};
  for (const h of list) for (const [k, v] of Object.entries(h)) out[Number(k)] = (out[Number(k)] ?? 0) + v;
  return out;
}

export function histogramPercentile(h: Histogram, p: number): number {
  const entries = Object.entries(h)
    .map(([k, v]) => [Number(k), v] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  if (total === 0) return NaN;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (const [k, v] of entries) {
    seen += v;
    if (seen >= rank) return k * BUCKET_MS;
  }
  return entries.at(-1)![0] * BUCKET_MS;
}

export const histogramCount = (h: Histogram) => Object.values(h).reduce((s, v) => s + v, 0);

/** One second of a server-side process's event loop and garbage collection (nodeProbe.ts). */
export interface LoopSecond {
  /** Wall ms at the second's end. */
  at: number;
  /** How late the loop ran its timers, beyond their interval: p99 and most in the second. */
  delayP99Ms: number;
  delayMaxMs: number;
  /** Time collections held the process in the second, and the longest of them. */
  gcMs: number;
  gcMaxMs: number;
  scavenges: number;
}

/** Wall-clock time with sub-millisecond resolution, comparable across processes on one machine. */
export const wallMs = () => performance.timeOrigin + performance.now();

/** To a core's speed probe (speedProbe.ts): one unit every `everyMs` from now, or stop and report. */
export type ProbeOrder = { type: 'probe-start'; everyMs: number } | { type: 'probe-stop' };

export interface ProbeResult {
  type: 'probe';
  /** CPU microseconds each unit took. */
  micros: number[];
}
