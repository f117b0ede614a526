import type { Logger } from '../log.js';
import type { HttpClient } from '../net/httpClient.js';
import type { OutboxItem } from '../outbox/outboxStore.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { PollMemory } from './pollMemory.js';
import type { PollViewModel } from '../../../common/src/ipc/pollViews.js';

export interface PollRefresherDeps {
  http: HttpClient;
  memory: PollMemory;
  session(): ActiveSession | null;
  /** Whether the feed's copy of the poll carries counts, and whether she voted; null when it is no poll she knows. */
  standing(id: string): { feedHasCounts: boolean; view: PollViewModel } | null;
  /** Her view of these polls changed. */
  changed(pollIds: string[]): void;
  log: Logger;
}

/**
 * Asks the server for a poll's counts where the feed cannot carry them: after her vote in a poll
 * whose results show only to those who voted, and whenever such a poll changes after that (each vote
 * announces it), so her bars move as colleagues vote. One request per poll at a time; a change
 * meanwhile asks once more after it.
 */
export function createPollRefresher(d: PollRefresherDeps) {
  const running = new Map<string, { again: boolean }>();

  async function refresh(pollId: string): Promise<void> {
    const busy = running.get(pollId);
    if (busy) {
      busy.again = true;
      return;
    }
    const state = { again: false };
    running.set(pollId, state);
    try {
      do {
        state.again = false;
        const session = d.session();
        if (!session) return;
        const answer = await d.http.call('getPoll', { token: session.token, params: { id: pollId } });
        // Someone else may be logged in by now: what the server told the one before is not for her.
        if (d.session() !== session) return;
        if (answer.ok) d.memory.setFetched(answer.value);
        else if (answer.error.code === 'not_found') d.memory.forget(pollId);
        else {
          d.log.info('poll counts not refreshed', { code: answer.error.code });
          return;
        }
        d.changed([pollId]);
      } while (state.again);
    } finally {
      running.delete(pollId);
    }
  }

  return {
    refresh,
    /** Her vote reached the server: the counts she may now see, at once. */
    delivered(item: OutboxItem) {
      const s = d.session();
      if (item.kind !== 'vote' || !s || item.personId !== s.person.id || item.tenantId !== s.organisation.id) return;
      void refresh(item.postId);
    },
    /** The feed changed these posts: polls among them whose counts only she may see are asked again. */
    feedChanged(postIds: readonly string[]) {
      if (!d.session()) return;
      for (const id of postIds) {
        const standing = d.standing(id);
        if (!standing) continue;
        d.memory.feedChanged(id, standing.feedHasCounts);
        const { view } = standing;
        if (!standing.feedHasCounts && view.showResults === 'after_vote' && view.voted && !view.votePending) void refresh(id);
      }
    },
  };
}

export type PollRefresher = ReturnType<typeof createPollRefresher>;
