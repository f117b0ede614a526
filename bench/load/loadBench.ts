import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { SYNC_PROTOCOL } from '../../common/src/api/sync.js';
import { makeToken } from '../../server/src/auth/tokens.js';
import { openDatabase } from '../../server/src/db/connect.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { seedOrganisation } from '../../server/src/seed/index.js';
import { nginxAvailable, startLoadBalancer, type LoadBalancer } from '../../test/fixtures/loadBalancer.js';
import { createScratchDatabase, postgresAvailable } from '../../test/fixtures/postgres.js';
import { rssOf, startServerNode, type ServerNode } from '../../test/fixtures/serverNodes.js';
import { line, mb } from '../stats.js';
import { childPids, commandCpu, cpuTicks, cpuUsedBetween, processCpu, type ProcessCpu } from '../procStat.js';
import { mintSession } from '../sessions.js';
import {
  addToHistogram,
  histogramCount,
  histogramPercentile,
  mergeHistograms,
  mergeReach,
  wallMs,
  type Finish,
  type Histogram,
  type LoopSecond,
  type Opened,
  type OpenStreams,
  type ProbeOrder,
  type ProbeResult,
  type ReminderStamps,
  type SlowWrite,
  type StreamResult,
  type VotablePoll,
  type WriteOrder,
  type WriteResult,
} from './protocol.js';

/**
 * `npm run bench:load -- --clients N --seconds S --nodes 1|2`: N clients each hold /v1/events and keep
 * a cache current as the desktop app does (`--pull-share`, all by default: each takes the changes an
 * announcement carries, or pulls /v1/sync when it is behind without them) while writers like, vote,
 * comment and post at a fixed rate; then the same
 * streams and rate against a bare node:http broadcaster, measured in the same run as the baseline.
 * Server side (nodes, nginx, broadcaster) is pinned to CPU 0 and the load generator to CPU 1 where
 * `taskset` exists, so each side has one core of this two-core machine.
 */
const STREAMS_PER_WORKER = 2500;
const here = import.meta.dirname;
const taskset = existsSync('/usr/bin/taskset') && os.cpus().length >= 2;
const SERVER_CPU = '0';
const LOOP_PROBE = path.join(here, 'nodeProbe.ts');
const LOAD_CPU = '1';

interface LoadOptions {
  clients: number;
  seconds: number;
  nodes: 1 | 2;
  writesPerSecond: number;
  writers: number;
  pullShare: number;
  /** Samen and the two baselines measured this many times in turn, their latencies pooled per side. */
  rounds: number;
}

function readOptions(argv: string[]): LoadOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      clients: { type: 'string', default: '2000' },
      seconds: { type: 'string', default: '20' },
      nodes: { type: 'string', default: '1' },
      'writes-per-second': { type: 'string', default: '20' },
      writers: { type: 'string', default: '200' },
      'pull-share': { type: 'string', default: '1' },
      rounds: { type: 'string', default: '1' },
    },
    allowPositionals: true,
  });
  const whole = (name: string, text: string, min: number, max: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
    return n;
  };
  const nodes = whole('nodes', values.nodes, 1, 2) as 1 | 2;
  const pullShare = Number(values['pull-share']);
  if (!(pullShare >= 0 && pullShare <= 1)) throw new Error(`--pull-share must be from 0 to 1, got "${values['pull-share']}"`);
  const clients = whole('clients', values.clients, 10, 20_000);
  return {
    clients,
    seconds: whole('seconds', values.seconds, 1, 3600),
    nodes,
    writesPerSecond: whole('writes-per-second', values['writes-per-second'], 1, 5000),
    writers: Math.min(clients, whole('writers', values.writers, 1, 20_000)),
    pullShare,
    rounds: whole('rounds', values.rounds, 1, 10),
  };
}

function worker(file: string, cpu = LOAD_CPU): ChildProcess {
  const args = ['--import', 'tsx', path.join(here, file)];
  const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc'];
  return taskset ? spawn('/usr/bin/taskset', ['-c', cpu, process.execPath, ...args], { stdio }) : spawn(process.execPath, args, { stdio });
}

/** One speed probe on each side's core (speedProbe.ts), with what a unit took on the idle machine. */
interface Probes {
  server: ChildProcess;
  generator: ChildProcess;
  idle: { server: number; generator: number };
}

/** Milliseconds between a probe's units while the writes run: 40 units in 20 s, 1 % of a core. */
const PROBE_EVERY_MS = 500;
/** How long the probes measure the idle machine before the nodes start. */
const IDLE_PROBE_MS = 6000;

/**
 * Starts the probes and has them measure the idle machine as they will measure the run, a unit every
 * PROBE_EVERY_MS: units back to back find their buffers in the cache and run twice as fast.
 */
async function startProbes(): Promise<Probes> {
  const server = worker('speedProbe.ts', SERVER_CPU);
  const generator = worker('speedProbe.ts', LOAD_CPU);
  for (const p of [server, generator]) p.send({ type: 'probe-start', everyMs: PROBE_EVERY_MS } satisfies ProbeOrder);
  await new Promise((r) => setTimeout(r, IDLE_PROBE_MS));
  const [s, g] = await Promise.all([server, generator].map((p) => ask<ProbeResult>(p, { type: 'probe-stop' } satisfies ProbeOrder)));
  return { server, generator, idle: { server: median(s!.micros), generator: median(g!.micros) } };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : NaN;
}

function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    child.send(message as object);
  });
}

interface Side {
  label: string;
  url: string;
  streamPath: string;
  tokens: (string | null)[];
  writerTokens: string[];
  /** The polls its writers vote in (none for the baseline). */
  polls: VotablePoll[];
  kind: 'samen' | 'bare';
  pids: number[];
  /** Where each probed server-side process (nodes, broadcaster; not nginx) writes its seconds (nodeProbe.ts). */
  loopFiles: string[];
  /** When the server side's process was ready (wall ms): its timers count from about then. */
  readyAt: number;
  /** When each seq was written, after the run. */
  writtenAt(): Promise<Pick<Finish, 'writtenAt' | 'startedAt'>>;
  /** Sends a read reminder to everyone (Samen only), after the measured writes. */
  remind?: () => Promise<ReminderStamps & { reminded: number }>;
}

/** The latencies a run's ratios are taken from, kept whole so that rounds can be pooled. */
interface Distributions {
  push: Histogram;
  write: Histogram;
  quiet: Histogram;
  serverWrite: Histogram;
  quietServerWrite: Histogram;
}

interface Figures {
  dist: Distributions;
  held: number;
  dropped: number;
  pushP50: number;
  pushP99: number;
  pushSamples: number;
  /** From the write's statement instead of its commit; only where both are known. */
  pushFromStartP50: number;
  pushFromStartP99: number;
  writeP50: number;
  writeP99: number;
  quietWriteP50: number;
  quietWriteP99: number;
  /** The node's own part of the writes (Server-Timing), p99 with streams open and with none; NaN for the baseline. */
  serverWriteP99: number;
  quietServerWriteP99: number;
  slowestWrites: SlowWrite[];
  writeKinds: Record<string, number>;
  writes: number;
  writeErrors: number;
  errorCodes: Record<string, number>;
  pulls: number;
  pullErrors: number;
  taken: number;
  /** Bytes a stream received per second, on average. */
  bytesPerStreamSecond: number;
  /** Announcements per stream per second of writing. */
  eventsPerStreamSecond: number;
  rssPeak: number[];
  /** Share of one core each server-side process used while the streams were open and writes ran. */
  cpuShare: ProcessCpu[];
  /** Share of one core the processes holding the streams used meanwhile, together. */
  generatorCpuShare: ProcessCpu;
  /** Share of one core PostgreSQL's processes used meanwhile, together (on either core: it is not pinned). */
  postgresCpuShare: ProcessCpu;
  /** CPU µs of a probe unit on each side's core meanwhile, median, against the idle machine (null without pinned cores). */
  coreSpeed: { server: number; generator: number; idle: Probes['idle'] } | null;
  /** What the server's core did meanwhile, by all processes and the kernel (null without /proc/stat). */
  serverCore: CoreTime | null;
  /** The announcements whose last stream heard them latest: where the p99 comes from. */
  slowest: Slowest[];
  /** Each probed process's event loop and collections, while the writes ran with no streams and with them. */
  loop: { quiet: LoopSummary; open: LoopSummary }[];
  /** One write notifying everyone: how many it reminded, how many streams heard, commit to notification. */
  reminder: { reminded: number; reached: number; p50: number; p99: number; last: number; health: { p50: number; max: number; count: number } } | null;
}

interface LoopSummary {
  /** How late the loop ran: the median second's p99, and the most in any second. */
  delayP99Ms: number;
  delayMaxMs: number;
  /** Share of the time collections held the process, and the longest. */
  gcShare: number;
  gcMaxMs: number;
  scavengesPerSecond: number;
}

/**
 * The probe's seconds that lie wholly in [from, to] (wall ms), summed up: right after the quiet writes
 * ten thousand streams open, and a second reaching into that is not the quiet writes' loop.
 */
function loopBetween(file: string, from: number, to: number): LoopSummary {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const seconds = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LoopSecond)
    .filter((x) => x.at - 1000 >= from && x.at <= to);
  const n = seconds.length || NaN;
  return {
    delayP99Ms: median(seconds.map((x) => x.delayP99Ms)),
    delayMaxMs: Math.max(...seconds.map((x) => x.delayMaxMs)),
    gcShare: seconds.reduce((t, x) => t + x.gcMs, 0) / (n * 1000),
    gcMaxMs: Math.max(...seconds.map((x) => x.gcMaxMs)),
    scavengesPerSecond: seconds.reduce((t, x) => t + x.scavenges, 0) / n,
  };
}

interface Slowest {
  seq: number;
  /** Seconds from the start of the measured writes, and from the server process being ready. */
  intoWrites: number;
  intoProcess: number;
  firstMs: number;
  lastMs: number;
}

/** How many of the slowest announcements the report shows. */
const SLOWEST_SHOWN = 5;

/** How long the streams have to receive a reminder's notifications before they report. */
const REMINDER_WAIT_MS = 10_000;

/** Seconds of writes before anything is measured: before the quiet writes, and again once the streams are open. */
const WARM_UP_SECONDS = 3;

async function measure(side: Side, o: LoadOptions, probes: Probes | null): Promise<Figures> {
  // A node just started compiles its hot paths and opens its pool in the first seconds: in neither figure.
  await runWriter(side, o, WARM_UP_SECONDS);
  // The same writes first with no stream open: the baseline for what holding the streams costs a write,
  // as many as with the streams open (a p99 of a few dozen writes is their slowest one).
  const quietFrom = wallMs();
  const quiet = await runWriter(side, o, o.seconds);
  const quietTo = wallMs();
  const streamWorkers = Array.from({ length: Math.ceil(side.tokens.length / STREAMS_PER_WORKER) }, () => worker('streamWorker.ts'));
  const opened = await Promise.all(
    streamWorkers.map((w, i) =>
      ask<Opened>(w, {
        type: 'open',
        url: side.url,
        path: side.streamPath,
        tokens: side.tokens.slice(i * STREAMS_PER_WORKER, (i + 1) * STREAMS_PER_WORKER),
        pullShare: side.kind === 'samen' ? o.pullShare : 0,
      } satisfies OpenStreams),
    ),
  );
  const held = opened.reduce((s, r) => s + r.held, 0);
  // Streams just opened have carried nothing but their first seq: the first announcements ran the
  // fan-out and the readers' event paths cold, and the first two seconds of writes held some of the
  // five slowest announcements of nearly every phase, Samen's and the baselines' alike (a pause alone
  // did not change that). So writes run with the streams open before the measured ones, and only
  // seqs committed from then on count.
  await runWriter(side, o, WARM_UP_SECONDS);
  const rssPeak = side.pids.map(rssOf);
  const sampler = setInterval(() => side.pids.forEach((pid, i) => (rssPeak[i] = Math.max(rssPeak[i]!, rssOf(pid)))), 500);

  const coreBefore = cpuTicks(SERVER_CPU);
  const cpuBefore = side.pids.map(processCpu);
  const generatorPids = streamWorkers.map((w) => w.pid!);
  const generatorBefore = new Map(generatorPids.map((pid) => [pid, processCpu(pid)]));
  const postgresBefore = commandCpu('postgres');
  for (const p of probes ? [probes.server, probes.generator] : []) p.send({ type: 'probe-start', everyMs: PROBE_EVERY_MS } satisfies ProbeOrder);
  const measuredFrom = performance.now();
  const writesFrom = wallMs();
  const written = await runWriter(side, o, o.seconds);
  const writesTo = wallMs();
  const speed = probes && (await Promise.all([probes.server, probes.generator].map((p) => ask<ProbeResult>(p, { type: 'probe-stop' } satisfies ProbeOrder))));
  const measuredSeconds = (performance.now() - measuredFrom) / 1000;
  const share = (used: ProcessCpu): ProcessCpu => ({ user: used.user / measuredSeconds, kernel: used.kernel / measuredSeconds });
  const cpuShare = side.pids.map((pid, i) => share(cpuUsedBetween(new Map([[pid, cpuBefore[i]!]]), new Map([[pid, processCpu(pid)]]))));
  const generatorCpuShare = share(cpuUsedBetween(generatorBefore, new Map(generatorPids.map((pid) => [pid, processCpu(pid)]))));
  const postgresCpuShare = share(cpuUsedBetween(postgresBefore, commandCpu('postgres')));
  const coreAfter = cpuTicks(SERVER_CPU);
  const serverCore = coreBefore && coreAfter ? coreShares(coreBefore, coreAfter) : null;
  // The last announcements are still on their way: give them a moment before the streams report.
  await new Promise((r) => setTimeout(r, 2000));
  // Read before the reminder, whose seqs are not among the measured writes.
  const all = await side.writtenAt();
  const measured = (pairs: [number, number][]) => pairs.filter(([, at]) => at >= writesFrom);
  const stamps = { writtenAt: measured(all.writtenAt), ...(all.startedAt ? { startedAt: measured(all.startedAt) } : {}) };
  const reminded = side.remind ? await remindEveryone(side.url, side.remind) : null;
  clearInterval(sampler);

  const reminder = reminded?.stamps;
  const results = await Promise.all(
    streamWorkers.map((w) => ask<StreamResult>(w, { type: 'finish', ...stamps, ...(reminder ? { reminder } : {}) } satisfies Finish)),
  );
  const notified = mergeHistograms(results.map((r) => r.reminder?.latency ?? {}));
  const push = mergeHistograms(results.map((r) => r.push));
  const pushFromStart = mergeHistograms(results.map((r) => r.pushFromStart ?? {}));
  // Seqs numbered together are announced together: one entry per commit.
  const committed = new Map(stamps.writtenAt);
  const byCommit = new Map<number, Slowest>();
  for (const [seq, [firstMs, lastMs]] of Object.entries(mergeReach(results.map((r) => r.reach)))) {
    const at = committed.get(Number(seq)) ?? NaN;
    const known = byCommit.get(at);
    if (known && known.lastMs >= lastMs) continue;
    byCommit.set(at, { seq: Number(seq), firstMs, lastMs, intoWrites: (at - writesFrom) / 1000, intoProcess: (at - side.readyAt) / 1000 });
  }
  const slowest = [...byCommit.values()].sort((a, b) => b.lastMs - a.lastMs).slice(0, SLOWEST_SHOWN);
  return {
    dist: { push, write: written.latency, quiet: quiet.latency, serverWrite: written.serverLatency, quietServerWrite: quiet.serverLatency },
    held,
    dropped: results.reduce((s, r) => s + r.dropped, 0),
    pushP50: histogramPercentile(push, 50),
    pushP99: histogramPercentile(push, 99),
    pushSamples: histogramCount(push),
    pushFromStartP50: histogramPercentile(pushFromStart, 50),
    pushFromStartP99: histogramPercentile(pushFromStart, 99),
    writeP50: histogramPercentile(written.latency, 50),
    writeP99: histogramPercentile(written.latency, 99),
    quietWriteP50: histogramPercentile(quiet.latency, 50),
    quietWriteP99: histogramPercentile(quiet.latency, 99),
    serverWriteP99: histogramPercentile(written.serverLatency, 99),
    quietServerWriteP99: histogramPercentile(quiet.serverLatency, 99),
    slowestWrites: written.slowest,
    writeKinds: written.kinds,
    writes: written.writes,
    writeErrors: written.errors,
    errorCodes: written.errorCodes,
    pulls: results.reduce((s, r) => s + r.pulls, 0),
    pullErrors: results.reduce((s, r) => s + r.pullErrors, 0),
    taken: results.reduce((s, r) => s + r.taken, 0),
    bytesPerStreamSecond: results.reduce((s, r) => s + r.bytes, 0) / Math.max(1, held) / o.seconds,
    eventsPerStreamSecond: results.reduce((s, r) => s + r.events, 0) / Math.max(1, held) / o.seconds,
    rssPeak,
    cpuShare,
    generatorCpuShare,
    postgresCpuShare,
    coreSpeed: speed && probes && { server: median(speed[0]!.micros), generator: median(speed[1]!.micros), idle: probes.idle },
    serverCore,
    slowest,
    loop: side.loopFiles.map((file) => ({ quiet: loopBetween(file, quietFrom, quietTo), open: loopBetween(file, writesFrom, writesTo) })),
    reminder: reminded && {
      reminded: reminded.stamps.reminded,
      reached: results.reduce((s, r) => s + (r.reminder?.reached ?? 0), 0),
      p50: histogramPercentile(notified, 50),
      p99: histogramPercentile(notified, 99),
      last: histogramPercentile(notified, 100),
      health: reminded.health,
    },
  };
}

async function runWriter(side: Side, o: LoadOptions, seconds: number): Promise<WriteResult> {
  const writer = worker('writeWorker.ts');
  return ask<WriteResult>(writer, {
    type: 'write',
    url: side.url,
    kind: side.kind,
    tokens: side.writerTokens,
    polls: side.polls,
    perSecond: o.writesPerSecond,
    seconds,
  } satisfies WriteOrder);
}

function report(label: string, f: Figures, o: LoadOptions): void {
  console.log(`\n  ${label}`);
  line('streams held (of asked)', `${f.held} of ${o.clients}${f.dropped ? `, ${f.dropped} dropped or refused` : ''}`);
  line('push latency, commit to client p50 / p99', `${f.pushP50.toFixed(1)} / ${f.pushP99.toFixed(1)} ms (${f.pushSamples} samples: written seqs × streams)`);
  if (!Number.isNaN(f.pushFromStartP99)) line('  from the write statement\'s start p50 / p99', `${f.pushFromStartP50.toFixed(1)} / ${f.pushFromStartP99.toFixed(1)} ms`);
  line('write latency p50 / p99, no streams open', `${f.quietWriteP50.toFixed(1)} / ${f.quietWriteP99.toFixed(1)} ms`);
  line('write latency p50 / p99, streams open', `${f.writeP50.toFixed(1)} / ${f.writeP99.toFixed(1)} ms (${f.writes} writes, ${(f.writes / o.seconds).toFixed(0)}/s)`);
  // The writer shares the generator's core: what the node did not take of a slow write, the way there
  // and back and the writer's own turn did.
  if (!Number.isNaN(f.serverWriteP99)) line("  the node's own part (Server-Timing) p99, none / open", `${f.quietServerWriteP99.toFixed(1)} / ${f.serverWriteP99.toFixed(1)} ms`);
  line('  by kind', Object.entries(f.writeKinds).map(([kind, n]) => `${n} ${kind}`).join(', '));
  line(
    'slowest writes: s into writes, kind: total (node) ms',
    f.slowestWrites.map((w) => `${w.at.toFixed(1)} ${w.kind}: ${Math.round(w.ms)}${w.serverMs === null ? '' : ` (${Math.round(w.serverMs)})`}`).join('; '),
  );
  line('seq events per stream', `${f.eventsPerStreamSecond.toFixed(1)}/s (${o.writesPerSecond} writes/s), ${(f.bytesPerStreamSecond / 1024).toFixed(1)} KB/s`);
  line('changes taken from the stream / pulls', `${f.taken} / ${f.pulls}`);
  line('errors', `${f.writeErrors} writes${Object.keys(f.errorCodes).length ? ` ${JSON.stringify(f.errorCodes)}` : ''}, ${f.pullErrors} of ${f.pulls} pulls`);
  line('memory (peak RSS per process)', f.rssPeak.map(mb).join(', '));
  // Near 100 % the figures above are the server core's limit on this machine, not the design's.
  // Kernel time is mostly socket writes, which on loopback also carry the receiving side's work: a run
  // whose extra CPU is there measured the machine's network path, one whose extra is user time the node.
  line('CPU while writing (per process, of one core): user + kernel', f.cpuShare.map(cpu).join(', '));
  // The streams' readers share one core: near 100 % they read late, and push latency counts that too.
  line('CPU of the processes holding the streams', `${cpu(f.generatorCpuShare)} of one core`);
  // PostgreSQL is not pinned: a checkpoint or vacuum during the writes takes from either side's core.
  line('CPU of PostgreSQL meanwhile (all its processes)', `${cpu(f.postgresCpuShare)} of one core`);
  // Time the virtual machine's host gave to others (steal) is time the server's core did not have:
  // a run where it is high measured the machine, not the server.
  // The same unit of work taking longer on a core than on the idle machine: that core ran slower, for
  // the run's processes as for the probe, and their extra CPU was the machine's.
  const c = f.coreSpeed;
  if (c) line('probe unit on the server / generator core (idle machine)', `${Math.round(c.server)} / ${Math.round(c.generator)} µs (${Math.round(c.idle.server)} / ${Math.round(c.idle.generator)} µs)`);
  if (f.serverCore) line(`server core (CPU ${SERVER_CPU}): busy / softirq / taken by the host`, `${pct(f.serverCore.busy)} / ${pct(f.serverCore.softirq)} / ${pct(f.serverCore.steal)}`);
  // A slow announcement at the same moment of every heartbeat interval points at a timer's work.
  line(
    'slowest announcements: committed at s into writes (into process), first / last stream',
    f.slowest.map((x) => `${x.intoWrites.toFixed(1)} (${x.intoProcess.toFixed(1)}): ${Math.round(x.firstMs)} / ${Math.round(x.lastMs)} ms`).join('; '),
  );
  // A slow write waited for the database, for the loop (fan-out slices, other work) or for a collection.
  for (const [i, l] of f.loop.entries()) {
    const what = f.loop.length > 1 ? `node ${String.fromCharCode(65 + i)}'s` : 'the process\'s';
    line(`${what} event loop late p99 / most, none / open`, `${ms(l.quiet.delayP99Ms)} / ${ms(l.quiet.delayMaxMs)}; ${ms(l.open.delayP99Ms)} / ${ms(l.open.delayMaxMs)} (median second's p99 / worst second)`);
    line('  collections: share of time, longest, scavenges/s; none / open', `${pct(l.quiet.gcShare)}, ${ms(l.quiet.gcMaxMs)}, ${l.quiet.scavengesPerSecond.toFixed(1)}; ${pct(l.open.gcShare)}, ${ms(l.open.gcMaxMs)}, ${l.open.scavengesPerSecond.toFixed(1)}`);
  }
  const r = f.reminder;
  if (r) {
    // One write names everyone: each stream must find its own notification, as after a read reminder.
    line('read reminder to everyone, after the writes', `${r.reminded} reminded, ${r.reached} of ${f.held} streams received theirs`);
    line('  commit to notification p50 / p99 / last', `${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} / ${r.last.toFixed(1)} ms`);
    line('  health checks meanwhile p50 / max', `${r.health.p50.toFixed(1)} / ${r.health.max.toFixed(1)} ms (${r.health.count}, one every 20 ms)`);
  }
}

export async function main(argv: string[] = []): Promise<void> {
  const o = readOptions(argv);
  console.log(`\nLoad: ${o.clients} clients, ${o.seconds} s, ${o.nodes} node(s), ${o.writesPerSecond} writes/s by ${o.writers} writers, ${o.pullShare * 100}% of clients following the feed`);
  console.log(
    taskset
      ? `  cores: server side (nodes${o.nodes === 2 ? ', nginx' : ''}, broadcaster) on CPU ${SERVER_CPU}, load generator on CPU ${LOAD_CPU}; load average before: ${os.loadavg()[0]!.toFixed(1)}`
      : `  cores: all processes share ${os.cpus().length} CPU(s) (no taskset)`,
  );
  if (!(await postgresAvailable())) return console.log('  (PostgreSQL not reachable: the load test needs it)');
  if (o.nodes === 2 && !nginxAvailable()) return console.log('  (nginx missing: two nodes need a load balancer)');

  const scratch = await createScratchDatabase();
  const loopDir = mkdtempSync(path.join(os.tmpdir(), 'samen-load-'));
  const db = openDatabase({ url: scratch.url });
  const nodes: ServerNode[] = [];
  let lb: LoadBalancer | null = null;
  let bare: ChildProcess | null = null;
  let probes: Probes | null = null;
  try {
    await migrateToLatest(db);
    const t0 = performance.now();
    const seeded = await seedOrganisation(db, { seed: 11, employees: Math.min(20_000, Math.max(Math.ceil(o.clients * 1.1), 200)), slug: 'load', images: false, polls: true });
    line('seed', `${seeded.people} people in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const tokens = await mintSessions(db, seeded.tenantId, o.clients);
    const polls = await votablePolls(db, seeded.tenantId);
    // The seed wrote a whole organisation a moment ago: its autovacuum, analyze and checkpoint would
    // otherwise fall inside the measured seconds, on the server's core, which no shift start has.
    await sql`vacuum analyze`.execute(db.kysely);
    await sql`checkpoint`.execute(db.kysely).catch((err: Error) => console.log(`  (no checkpoint before measuring: ${err.message})`));
    const commitTimes = await recordsCommitTimes(db);
    if (!commitTimes) {
      console.log('  PostgreSQL does not record commit times (track_commit_timestamp is off): push latency is counted from each');
      console.log("  write's statement, which adds the commit and numbering to it. For commit times: ALTER SYSTEM SET");
      console.log('  track_commit_timestamp = on, then restart PostgreSQL.');
    }

    probes = taskset ? await startProbes() : null;
    const rounds: { samen: Distributions; baselines: Distributions[] }[] = [];
    let samenEventBytes = 0;
    for (let round = 1; round <= o.rounds; round++) {
      const ofRounds = o.rounds > 1 ? `, round ${round} of ${o.rounds}` : '';
      const nodeLoopFiles = Array.from({ length: o.nodes }, (_, i) => path.join(loopDir, `round-${round}-node-${i}.jsonl`));
      for (const file of nodeLoopFiles) nodes.push(await startServerNode({ databaseUrl: scratch.url, cpus: SERVER_CPU, imports: [LOOP_PROBE], env: { LOAD_PROBE_FILE: file } }));
      const nodesReadyAt = wallMs();
      if (o.nodes === 2) lb = await startLoadBalancer(nodes.map((n) => n.url), { workers: 1, connections: 18_000 });
      // One reminder per run: the same post cannot remind everyone again at once.
      const remind = round === 1 ? await readRequiredPost(db, seeded.tenantId, lb?.url ?? nodes[0]!.url, commitTimes) : null;
      const startSeq = await latest(db, seeded.tenantId);
      const samen = await measure(
        {
          label: 'Samen',
          url: lb?.url ?? nodes[0]!.url,
          streamPath: `/v1/events?protocol=${SYNC_PROTOCOL}`,
          tokens,
          writerTokens: tokens.slice(0, o.writers),
          polls,
          kind: 'samen',
          // nginx's master only starts its worker, which does the balancing.
          pids: [...nodes.map((n) => n.pid), ...(lb ? [lb.pid, ...childPids(lb.pid)] : [])],
          loopFiles: nodeLoopFiles,
          readyAt: nodesReadyAt,
          writtenAt: () => writeStamps(db, seeded.tenantId, startSeq, commitTimes),
          ...(remind ? { remind } : {}),
        },
        o,
        probes,
      );
      report(`Samen (${o.nodes} node${o.nodes === 2 ? 's behind nginx' : ''}, PostgreSQL; memory: ${o.nodes === 2 ? 'node A, node B, nginx master, nginx worker' : 'node'})${ofRounds}`, samen, o);
      await lb?.stop();
      lb = null;
      for (const n of nodes.splice(0)) await n.stop();

      // Two baselines: events as small as a bare seq, and events as big as Samen's were on average (in the first round).
      if (round === 1) samenEventBytes = Math.round(samen.bytesPerStreamSecond / samen.eventsPerStreamSecond);
      const baselines: Distributions[] = [];
      for (const eventBytes of [0, samenEventBytes]) {
        const bareLoopFile = path.join(loopDir, `round-${round}-bare-${eventBytes}.jsonl`);
        bare = spawnBroadcaster(eventBytes, bareLoopFile);
        const bareUrl = await listeningUrl(bare);
        const bareReadyAt = wallMs();
        const f = await measure(
          {
            label: 'bare',
            url: bareUrl,
            streamPath: '/events',
            tokens: tokens.map(() => null),
            writerTokens: ['-'],
            polls: [],
            kind: 'bare',
            pids: [bare.pid!],
            loopFiles: [bareLoopFile],
            readyAt: bareReadyAt,
            writtenAt: async () => ({ writtenAt: (await (await fetch(`${bareUrl}/stamps`)).json()) as [number, number][] }),
          },
          o,
          probes,
        );
        await stopChild(bare);
        bare = null;
        report(`Baseline: bare node:http SSE broadcaster (no auth, no database), ${baselineLabel(eventBytes)}${ofRounds}`, f, o);
        baselines.push(f.dist);
      }
      rounds.push({ samen: samen.dist, baselines });
    }
    console.log('');
    const labels = [baselineLabel(0), baselineLabel(samenEventBytes)];
    if (o.rounds > 1) {
      for (const [i, r] of rounds.entries()) line(`round ${i + 1}: push p99 against bare / padded; write p99 open / none (node's own)`, ratios(r.samen, r.baselines).join('; '));
      console.log('  Pooled over the rounds (each side\'s latencies of every round together):');
    }
    const pooled = (d: Distributions[]): Distributions => ({
      push: mergeHistograms(d.map((x) => x.push)),
      write: mergeHistograms(d.map((x) => x.write)),
      quiet: mergeHistograms(d.map((x) => x.quiet)),
      serverWrite: mergeHistograms(d.map((x) => x.serverWrite)),
      quietServerWrite: mergeHistograms(d.map((x) => x.quietServerWrite)),
    });
    const samen = pooled(rounds.map((r) => r.samen));
    const baselines = labels.map((_, i) => pooled(rounds.map((r) => r.baselines[i]!)));
    const p99 = (h: Histogram) => histogramPercentile(h, 99);
    for (const [i, b] of baselines.entries()) line(`push p99, Samen / baseline with ${labels[i]} (target ≤ 1.25×)`, times(p99(samen.push) / p99(b.push)));
    line('Samen write p99, streams open / none (target ≤ 2×)', times(p99(samen.write) / p99(samen.quiet)));
    line("  the node's own part of it", times(p99(samen.serverWrite) / p99(samen.quietServerWrite)));
    for (const [i, b] of baselines.entries()) line(`  the baseline's own, ${labels[i]}`, times(p99(b.write) / p99(b.quiet)));
  } finally {
    probes?.server.kill();
    probes?.generator.kill();
    bare?.kill();
    await lb?.stop();
    for (const n of nodes) await n.stop();
    await db.close();
    await scratch.drop();
    rmSync(loopDir, { recursive: true, force: true });
  }
}

function baselineLabel(eventBytes: number): string {
  return eventBytes ? `events padded to Samen's ${eventBytes} bytes` : 'bare seq events';
}

const times = (ratio: number) => `${ratio.toFixed(2)}×`;

/** One round's ratios: push p99 against each baseline, then the write p99 with streams open against none. */
function ratios(samen: Distributions, baselines: Distributions[]): string[] {
  const p99 = (h: Histogram) => histogramPercentile(h, 99);
  return [
    baselines.map((b) => times(p99(samen.push) / p99(b.push))).join(' / '),
    `${times(p99(samen.write) / p99(samen.quiet))} (${times(p99(samen.serverWrite) / p99(samen.quietServerWrite))})`,
  ];
}

function spawnBroadcaster(eventBytes: number, loopFile: string): ChildProcess {
  const args = ['--import', 'tsx', '--import', LOOP_PROBE, path.join(here, 'bareBroadcaster.ts'), '--event-bytes', String(eventBytes)];
  const stdio: ['ignore', 'pipe', 'inherit'] = ['ignore', 'pipe', 'inherit'];
  const env = { ...process.env, LOAD_PROBE_FILE: loopFile };
  return taskset ? spawn('/usr/bin/taskset', ['-c', SERVER_CPU, process.execPath, ...args], { stdio, env }) : spawn(process.execPath, args, { stdio, env });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
  });
}

interface CoreTime {
  busy: number;
  softirq: number;
  steal: number;
}

const pct = (share: number) => `${Math.round(share * 100)} %`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const cpu = (c: ProcessCpu) => `${pct(c.user + c.kernel)} (${pct(c.user)} + ${pct(c.kernel)})`;

function coreShares(before: number[], after: number[]): CoreTime {
  const d = after.map((v, i) => v - before[i]!);
  const total = d.reduce((a, b) => a + b, 0) || 1;
  return { busy: 1 - (d[3]! + d[4]!) / total, softirq: d[6]! / total, steal: d[7]! / total };
}

async function recordsCommitTimes(db: ReturnType<typeof openDatabase>): Promise<boolean> {
  const { rows } = await sql<{ on: string }>`select current_setting('track_commit_timestamp') as on`.execute(db.kysely);
  return rows[0]?.on === 'on';
}

/**
 * A seq's commit is the commit of the transaction that gave the change its number: a numbering after
 * the write's own commit (sync/numbering.ts), which rewrites the row, so the row's xmin is that
 * transaction. `at` is when the write's statement began.
 */
async function writeStamps(db: ReturnType<typeof openDatabase>, tenantId: string, afterSeq: number, commitTimes: boolean): Promise<Pick<Finish, 'writtenAt' | 'startedAt'>> {
  const { rows } = await sql<{ seq: string; at: string; committed_ms: number | null }>`
    select seq, at, ${commitTimes ? sql`extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000` : sql`null`} as committed_ms
      from changes where tenant_id = ${tenantId} and seq > ${afterSeq}`.execute(db.kysely);
  const startedAt = rows.map((r) => [Number(r.seq), Date.parse(r.at)] as [number, number]);
  if (!commitTimes) return { writtenAt: startedAt };
  const writtenAt = rows.flatMap((r) => (r.committed_ms === null ? [] : [[Number(r.seq), Number(r.committed_ms)] as [number, number]]));
  if (writtenAt.length < rows.length) console.log(`  (${rows.length - writtenAt.length} of ${rows.length} seqs had no commit time and are not counted)`);
  return { writtenAt, startedAt };
}

/**
 * Sends the reminder and gives the streams time to receive it, with a health check every 20 ms
 * meanwhile: how long the node keeps everyone else waiting while thousands of streams get their
 * notifications.
 */
async function remindEveryone(url: string, remind: NonNullable<Side['remind']>) {
  const health = checkHealthEvery(url, 20);
  const stamps = await remind();
  await new Promise((r) => setTimeout(r, REMINDER_WAIT_MS));
  return { stamps, health: await health.stop() };
}

/** `GET /v1/health` every `everyMs`, each after the last answered, until stopped: answers their latencies. */
function checkHealthEvery(url: string, everyMs: number): { stop: () => Promise<{ p50: number; max: number; count: number }> } {
  const latency: Histogram = {};
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await fetch(`${url}/v1/health`).then((res) => res.arrayBuffer());
      addToHistogram(latency, performance.now() - t);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { p50: histogramPercentile(latency, 50), max: histogramPercentile(latency, 100), count: histogramCount(latency) };
    },
  };
}

/**
 * A "lezen verplicht" post to everyone by one of the organisation's editors, made before anything is
 * measured. The answer sends its reminder, a notification for each of thousands of people in one
 * write, and says which seqs those are and when they committed (without commit times: when the
 * reminder was answered, which counts a little less than the push takes).
 */
async function readRequiredPost(
  db: ReturnType<typeof openDatabase>,
  tenantId: string,
  url: string,
  commitTimes: boolean,
): Promise<() => Promise<ReminderStamps & { reminded: number }>> {
  const editor = await db.kysely
    .selectFrom('people')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('active', '=', 1)
    .where('roles', 'like', '%"editor"%')
    .orderBy('id')
    .executeTakeFirstOrThrow(() => new Error('the seeded organisation has no editor to send a read reminder'));
  const token = await mintSession(db, tenantId, editor.id);
  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${route}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const post = await call<{ id: string }>('POST', '/v1/posts', { body: 'Lees even: het vernieuwde protocol valpreventie geldt vanaf maandag.' });
  await call('PUT', `/v1/posts/${post.id}/read-requirement`, { audience: { everyone: true } });
  return async () => {
    const before = await latest(db, tenantId);
    const { reminded } = await call<{ reminded: number }>('POST', `/v1/posts/${post.id}/read-reminders`);
    const answeredAt = wallMs();
    const { rows } = await sql<{ from_seq: string; to_seq: string; committed_ms: number | null }>`
      select min(seq) as from_seq, max(seq) as to_seq,
             ${commitTimes ? sql`min(extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000)` : sql`null`} as committed_ms
        from changes where tenant_id = ${tenantId} and seq > ${before} and entity = 'notification'`.execute(db.kysely);
    const r = rows[0]!;
    return { reminded, fromSeq: Number(r.from_seq), toSeq: Number(r.to_seq), committedAt: r.committed_ms === null ? answeredAt : Number(r.committed_ms) };
  };
}

/** The seed's polls that every writer may vote in again and again: running, votes changeable, not in a group. */
async function votablePolls(db: ReturnType<typeof openDatabase>, tenantId: string): Promise<VotablePoll[]> {
  const rows = await db.kysely
    .selectFrom('polls')
    .innerJoin('posts', (j) => j.onRef('posts.tenant_id', '=', 'polls.tenant_id').onRef('posts.id', '=', 'polls.post_id'))
    .innerJoin('poll_options', (j) => j.onRef('poll_options.tenant_id', '=', 'polls.tenant_id').onRef('poll_options.poll_id', '=', 'polls.post_id'))
    .select(['polls.post_id', 'poll_options.id as option_id'])
    .where('polls.tenant_id', '=', tenantId)
    .where('polls.changeable', '=', 1)
    .where('posts.group_id', 'is', null)
    .where((eb) => eb.or([eb('polls.closes_at', 'is', null), eb('polls.closes_at', '>', new Date().toISOString())]))
    .orderBy('polls.post_id')
    .orderBy('poll_options.position')
    .execute();
  const byPoll = new Map<string, string[]>();
  for (const r of rows) byPoll.set(r.post_id, [...(byPoll.get(r.post_id) ?? []), r.option_id]);
  return [...byPoll].map(([id, optionIds]) => ({ id, optionIds }));
}

async function latest(db: ReturnType<typeof openDatabase>, tenantId: string): Promise<number> {
  const row = await db.kysely.selectFrom('tenant_seq').select('last_seq').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/**
 * One session per client, made directly in the database (logging 10 000 people in through scrypt would
 * measure the login, not the streams): for active people, and past the number of people a person holds
 * more than one (as on two PCs), never more than the server's three streams per person.
 */
export async function mintSessions(db: ReturnType<typeof openDatabase>, tenantId: string, count: number): Promise<string[]> {
  const people = await db.kysely.selectFrom('people').select('id').where('tenant_id', '=', tenantId).where('active', '=', 1).orderBy('id').execute();
  if (count > people.length * 3) throw new Error(`${count} clients need at least ${Math.ceil(count / 3)} active people; the seed has ${people.length}.`);
  const now = new Date();
  const tokens: string[] = [];
  const rows = Array.from({ length: count }, (_, i) => {
    const { token, hash } = makeToken(tenantId);
    tokens.push(token);
    return { tenant_id: tenantId, token_hash: hash, person_id: people[i % people.length]!.id, device_id: null, created_at: now.toISOString(), expires_at: new Date(now.getTime() + 86_400_000).toISOString(), revoked_at: null };
  });
  for (let i = 0; i < rows.length; i += 1000) await db.kysely.insertInto('sessions').values(rows.slice(i, i + 1000)).execute();
  return tokens;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main(process.argv.slice(2));
  process.exit(0);
}
