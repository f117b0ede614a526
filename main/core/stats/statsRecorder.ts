import { STATS_BATCH_MAX, STATS_SECONDS_MAX, type ClientStatsEvent } from '../../../common/src/api/routes/stats.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { Clock } from '../clock.js';
import type { HttpClient } from '../net/httpClient.js';
import type { ActiveSession } from '../session/sessionManager.js';
import { systemTimers, type Timers } from '../session/idleTimer.js';

/** Events one person's queue holds at most while the server cannot be reached; the oldest give way. */
export const STATS_KEPT_AT_MOST = 1_000;
/** The server drops events older than a day: keeping them longer only costs memory. */
const STATS_MAX_AGE_MS = 24 * 3_600_000;

interface Open {
  session: ActiveSession;
  startedAt: number;
  /** Groups on screen now, since when. */
  visits: Map<string, number>;
}

/**
 * Counts what only the client sees, for the organisation's statistics: each session with its length
 * (the device kind comes from the session on the server), and the time spent with a group open.
 * Posts, comments, likes, votes, views, searches and clicks are counted by the server where they
 * happen, so they are not sent twice.
 *
 * Kept in memory only, never on disk, so a shared PC keeps nothing of the person who left. Sent in
 * batches: every `flushEveryMs`, when a queue is full, and at the end of each session. A session's
 * own events go as her, never as whoever comes next: while she is here with her session token, after
 * she leaves with her delivery grant (a shared PC's; a workstation's revoked token ends the try).
 * Unreachable: kept and sent with the next batch, up to a day and STATS_KEPT_AT_MOST events. Each
 * event has its own id, so a batch that arrived but whose answer was lost counts once.
 */
export function createStatsRecorder(d: { http: HttpClient; clock: Clock; flushEveryMs: number; timers?: Timers | undefined }) {
  const timers = d.timers ?? systemTimers;
  const now = () => d.clock.now().getTime();
  let open: Open | null = null;
  /** Waiting events per session, current and ended. */
  const queues = new Map<ActiveSession, ClientStatsEvent[]>();
  let flushing: Promise<void> | null = null;
  let again = false;
  let timer: unknown = null;
  let stopped = false;

  const seconds = (from: number, to: number) => Math.min(STATS_SECONDS_MAX, Math.max(0, Math.round((to - from) / 1000)));
  const add = (s: ActiveSession, e: Omit<ClientStatsEvent, 'id'>) => {
    const queue = queues.get(s) ?? [];
    queue.push({ id: uuidv7(), ...e });
    queues.set(s, queue.length > STATS_KEPT_AT_MOST ? queue.slice(-STATS_KEPT_AT_MOST) : queue);
    if (queue.length >= STATS_BATCH_MAX) void flush();
  };
  const visitEnded = (o: Open, groupId: string, since: number, at: number) =>
    add(o.session, { kind: 'group_visit', at: new Date(since).toISOString(), seconds: seconds(since, at), subjectId: groupId });

  /** Her session is over: it counts from its start with its length, and her open group pages close now. */
  function end() {
    const o = open;
    if (!o) return;
    open = null;
    const at = now();
    for (const [groupId, since] of o.visits) visitEnded(o, groupId, since, at);
    add(o.session, { kind: 'session', at: new Date(o.startedAt).toISOString(), seconds: seconds(o.startedAt, at) });
    void flush();
  }

  const tokenOf = (s: ActiveSession) => (open?.session === s ? s.token : (s.deliveryGrant?.token ?? s.token));

  async function send(s: ActiveSession): Promise<void> {
    const oldest = now() - STATS_MAX_AGE_MS;
    const queue = (queues.get(s) ?? []).filter((e) => Date.parse(e.at) >= oldest);
    queues.delete(s);
    for (let i = 0; i < queue.length; i += STATS_BATCH_MAX) {
      const batch = queue.slice(i, i + STATS_BATCH_MAX);
      const answer = await d.http.call('recordStatsEvents', { token: tokenOf(s), body: { events: batch } });
      if (!answer.ok && answer.error.retryable) {
        // Events added meanwhile stay behind the ones that were waiting.
        const rest = [...queue.slice(i), ...(queues.get(s) ?? [])];
        queues.set(s, rest.slice(-STATS_KEPT_AT_MOST));
        return;
      }
      // Refused (her grant expired, a workstation's token revoked): statistics, not worth anyone's attention.
    }
  }

  /** One flush at a time; one asked for meanwhile (a session that just ended) runs right after. */
  function flush(): Promise<void> {
    if (flushing) {
      again = true;
      return flushing;
    }
    const run = (async () => {
      do {
        again = false;
        for (const s of [...queues.keys()]) await send(s);
      } while (again);
    })();
    // Cleared after it is set: a flush with nothing to send finishes before this line.
    flushing = run.finally(() => {
      flushing = null;
    });
    return flushing;
  }

  function schedule() {
    if (timer !== null) timers.clear(timer);
    timer = null;
    if (stopped) return;
    timer = timers.set(() => {
      timer = null;
      void flush().finally(schedule);
    }, d.flushEveryMs);
  }

  return {
    /** After every change of who is logged in: the previous session ends, the new one starts now. */
    sessionChanged(current: ActiveSession | null) {
      if (open && open.session !== current) end();
      if (current && !open) {
        open = { session: current, startedAt: now(), visits: new Map() };
        if (timer === null) schedule();
      }
    },
    /** A group page opened or closed on her screen. */
    groupVisit(groupId: string, opened: boolean) {
      const o = open;
      if (!o) return;
      const since = o.visits.get(groupId);
      if (opened) {
        if (since === undefined) o.visits.set(groupId, now());
      } else if (since !== undefined) {
        o.visits.delete(groupId);
        visitEnded(o, groupId, since, now());
      }
    },
    flush,
    /** Events waiting to be sent, for every session: tests look here. */
    waiting: () => [...queues.values()].reduce((n, q) => n + q.length, 0),
    /** At shutdown: the session here ends and its events are sent if there is time; no timer is left. */
    stop() {
      stopped = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
      end();
    },
  };
}

export type StatsRecorder = ReturnType<typeof createStatsRecorder>;
