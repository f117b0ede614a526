import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { HttpClient } from '../net/httpClient.js';
import { backoffDelay, type BackoffPolicy } from '../sync/backoff.js';

export type EndReason = 'logout' | 'lock' | 'idle' | 'switch';

export interface Revocable {
  token: string;
  expiresAt: string;
  personId: string;
}

/**
 * Revokes ended sessions on the server (POST /v1/auth/logout with the reason, for the audit log).
 * The session has already ended here; this is the server's side, best effort: when the server cannot
 * be reached, it is tried again later (`flush`), until the session would have expired anyway. The
 * server keeps the session's delivery grant valid, so her queued writes still go as her.
 * Kept in memory only: after a restart, the server lets the tokens expire.
 */
export function createRevocations(d: {
  http: HttpClient;
  clock: Clock;
  log: Logger;
  timeoutMs: number;
  /** Between tries of one postponed revoke. */
  retry: BackoffPolicy;
  /** The server could not be reached (so the lock screen can say so at once). */
  onUnreachable?(): void;
}) {
  const waiting: { session: Revocable; reason: EndReason; tries: number; notBefore: number }[] = [];
  let flushing: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  /** Tries again when the first postponed revoke is due (also while offline: slowly, with back-off). */
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped || !waiting.length) return;
    const due = Math.min(...waiting.map((w) => w.notBefore));
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, Math.max(0, due - d.clock.now().getTime()));
    timer.unref?.();
  };

  function flush(): Promise<void> {
    if (!waiting.length || stopped) return Promise.resolve();
    flushing ??= flushAll().finally(() => {
      flushing = null;
      schedule();
    });
    return flushing;
  }

  const expired = (s: Revocable) => !(Date.parse(s.expiresAt) > d.clock.now().getTime());

  /** One attempt; answers whether it is settled (revoked, refused, or no longer needed). */
  async function attempt(session: Revocable, reason: EndReason): Promise<boolean> {
    if (expired(session)) return true;
    const answer = await d.http.call('logout', { token: session.token, body: { reason }, timeoutMs: d.timeoutMs });
    if (answer.ok) return true;
    if (answer.error.code === 'offline') d.onUnreachable?.();
    if (answer.error.retryable) return false;
    // Refused: the session had ended on the server already (expired, revoked with the device).
    d.log.info('session not revoked on the server', { code: answer.error.code, personId: session.personId });
    return true;
  }

  async function flushAll(): Promise<void> {
    for (const entry of [...waiting]) {
      if (entry.notBefore > d.clock.now().getTime()) continue;
      if (await attempt(entry.session, entry.reason)) waiting.splice(waiting.indexOf(entry), 1);
      else entry.notBefore = d.clock.now().getTime() + backoffDelay(entry.tries++, d.retry);
    }
  }

  return {
    /** Revokes now, or later when it cannot be done now. Resolves after the first attempt. */
    async revoke(session: Revocable, reason: EndReason): Promise<void> {
      if (await attempt(session, reason)) return;
      d.log.info('session revoke postponed', { personId: session.personId, reason });
      waiting.push({ session, reason, tries: 1, notBefore: d.clock.now().getTime() + backoffDelay(0, d.retry) });
      schedule();
    },
    /** Tries the postponed revokes that are due (when the server is back). */
    flush,
    pending: () => waiting.length,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export type Revocations = ReturnType<typeof createRevocations>;
