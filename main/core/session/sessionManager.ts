import type { Organisation, Person } from '../../../common/src/api/entities.js';
import type { Session } from '../../../common/src/api/routes.js';
import type { Logger } from '../log.js';
import type { HttpClient } from '../net/httpClient.js';
import type { NetResult } from '../net/netError.js';
import type { EndReason, Revocations } from './revocations.js';

export type LoginVia = 'password' | 'badge' | 'pin';

export interface ActiveSession {
  /** Kept in memory only: after a restart the person logs in again. */
  token: string;
  expiresAt: string;
  person: Person;
  organisation: Organisation;
  via: LoginVia;
  /** The badge this session began with (or linked): tapping it again ends the session. Memory only. */
  badgeId: string | null;
  /** Shared devices: stored with each write she queues, so it is delivered as her after she left. */
  deliveryGrant: { token: string; expiresAt: string } | null;
}

export interface SessionChange {
  /**
   * The end is the first half of a switch: the next person's login follows at once, so there is no
   * point in starting the logged-out device sync in between.
   */
  switching: boolean;
}

/**
 * Who is logged in here; tells its listener whenever someone logs in or out. Ending a session takes
 * effect here at once (the listener wipes that person's data), and the server revokes the token after.
 * Session changes run one at a time (`exclusive`), so two quick badge taps cannot interleave.
 */
export function createSessionManager(d: {
  http: HttpClient;
  organisation?: string | undefined;
  log: Logger;
  revocations: Revocations;
  /** Someone logged in (a session) or the session ended (null). */
  onChange(session: ActiveSession | null, change: SessionChange): void;
}) {
  let current: ActiveSession | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const revocable = (s: Pick<ActiveSession, 'token' | 'expiresAt' | 'person'>) => ({ token: s.token, expiresAt: s.expiresAt, personId: s.person.id });

  /** Ends the session here at once, then asks the server to revoke the token (best effort). */
  async function end(reason: EndReason, change: SessionChange = { switching: false }): Promise<ActiveSession | null> {
    const previous = current;
    if (!previous) return null;
    current = null;
    d.log.info('session ended', { personId: previous.person.id, reason });
    d.onChange(null, change);
    await d.revocations.revoke(revocable(previous), reason);
    return previous;
  }

  function begin(answer: Session, via: LoginVia, badgeId: string | null): ActiveSession {
    const { token, expiresAt, person, organisation, deliveryGrant } = answer;
    current = { token, expiresAt, person, organisation, via, badgeId, deliveryGrant };
    d.log.info('logged in', { personId: person.id, via });
    d.onChange(current, { switching: false });
    return current;
  }

  return {
    current: () => current,
    /** Runs session changes one after another, in the order they were asked for. */
    exclusive<T>(work: () => Promise<T>): Promise<T> {
      const run = queue.then(work, work);
      queue = run.catch(() => undefined);
      return run;
    },
    /** A session the server gave: someone else still logged in here is logged out first (switch). */
    async begin(answer: Session, via: LoginVia, badgeId: string | null): Promise<ActiveSession> {
      if (current) await end('switch', { switching: true });
      return begin(answer, via, badgeId);
    },
    end,
    /** A session the server gave that is not wanted after all (the same person tapped in again): revoke it. */
    async discard(answer: Session, reason: EndReason): Promise<void> {
      await d.revocations.revoke(revocable(answer), reason);
    },
    async loginPassword(employeeNumber: string, password: string): Promise<NetResult<ActiveSession>> {
      const answer = await d.http.call('authPassword', {
        body: { employeeNumber, password, ...(d.organisation ? { organisation: d.organisation } : {}) },
      });
      if (!answer.ok) {
        d.log.info('login failed', { code: answer.error.code, via: 'password' });
        return answer;
      }
      // Someone else was still logged in here: their session ends before the new one begins.
      if (current) await end('switch', { switching: true });
      return { ok: true, value: begin(answer.value, 'password', null) };
    },
    /** The server refused this session's token; ignored if another session began meanwhile. */
    expire(token: string) {
      if (current?.token !== token) return;
      const previous = current;
      current = null;
      d.log.info('session ended by the server', { personId: previous.person.id });
      d.onChange(null, { switching: false });
    },
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;
