import type { Organisation, Person } from '../../../common/src/api/entities.js';
import type { Logger } from '../log.js';
import type { HttpClient } from '../net/httpClient.js';
import type { NetResult } from '../net/netError.js';

export interface ActiveSession {
  /** Kept in memory only: after a restart the person logs in again. */
  token: string;
  expiresAt: string;
  person: Person;
  organisation: Organisation;
}

/** Password login and logout; tells its listener whenever someone logs in or out. */
export function createSessionManager(d: {
  http: HttpClient;
  organisation?: string | undefined;
  log: Logger;
  /** Someone logged in (a session) or the session ended (null). */
  onChange(session: ActiveSession | null): void;
}) {
  let current: ActiveSession | null = null;

  const end = () => {
    const previous = current;
    if (!previous) return null;
    current = null;
    d.onChange(null);
    return previous;
  };

  /** Ends the session here at once, then asks the server to revoke the token (best effort). */
  async function logout(): Promise<void> {
    const previous = end();
    if (!previous) return;
    d.log.info('logged out', { personId: previous.person.id });
    const revoked = await d.http.call('logout', { token: previous.token, timeoutMs: 5_000 });
    if (!revoked.ok) d.log.warn('could not revoke the session token on the server', { code: revoked.error.code });
  }

  return {
    current: () => current,
    async loginPassword(employeeNumber: string, password: string): Promise<NetResult<ActiveSession>> {
      const answer = await d.http.call('authPassword', {
        body: { employeeNumber, password, ...(d.organisation ? { organisation: d.organisation } : {}) },
      });
      if (!answer.ok) {
        d.log.info('login failed', { code: answer.error.code });
        return answer;
      }
      // Someone else was still logged in here: their session ends before the new one begins.
      if (current) await logout();
      const { token, expiresAt, person, organisation } = answer.value;
      current = { token, expiresAt, person, organisation };
      d.log.info('logged in', { personId: person.id });
      d.onChange(current);
      return { ok: true, value: current };
    },
    logout,
    /** The server refused this session's token; ignored if another session began meanwhile. */
    expire(token: string) {
      if (current?.token !== token) return;
      d.log.info('session ended by the server', { personId: current.person.id });
      end();
    },
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;
