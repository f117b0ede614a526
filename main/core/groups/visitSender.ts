import type { HttpClient } from '../net/httpClient.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { Visit, VisitLog } from './visitLog.js';

/**
 * Sends the time she spends in groups to the server, in batches: when she leaves a group page, and
 * when she leaves the device (lock, badge switch, logout), so a ward PC that locks under an open group
 * page still counts her time. Each batch goes as the person whose visits it holds, never as whoever is
 * logged in next; at the end of a session it goes with her delivery grant where she has one, as the
 * session token is being revoked.
 */
export function createVisitSender(d: { http: HttpClient; log: VisitLog; session(): ActiveSession | null }) {
  /** Whose visits the log holds now. */
  let owner: ActiveSession | null = null;

  const post = async (as: ActiveSession, token: string, batch: Visit[]) => {
    const answer = await d.http.call('recordGroupVisits', { token, body: { visits: batch } });
    // Unreachable: tried again with her next batch. Refused: statistics, not worth her attention.
    if (!answer.ok && answer.error.retryable && owner === as) d.log.giveBack(batch);
  };

  return {
    enter(groupId: string) {
      const s = d.session();
      if (!s) return;
      if (owner !== s) d.log.clear();
      owner = s;
      d.log.enter(groupId);
    },
    async leave(groupId: string) {
      const s = owner;
      d.log.leave(groupId);
      if (!s || d.session() !== s) return;
      const batch = d.log.take();
      if (batch.length > 0) await post(s, s.token, batch);
    },
    /** Her session is over: what she spent in groups until now goes, and the log is empty for whoever comes next. */
    sessionEnded() {
      const s = owner;
      const batch = d.log.take();
      d.log.clear();
      owner = null;
      if (s && batch.length > 0) void post(s, s.deliveryGrant?.token ?? s.token, batch);
    },
  };
}

export type VisitSender = ReturnType<typeof createVisitSender>;
