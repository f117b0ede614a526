import type { PollOption } from '../../../common/src/api/entities.js';
import type { PollView } from '../../../common/src/api/routes/polls.js';

/** What the server told her of one poll (`GET /v1/polls/:id`): the counts she may see, and her vote. */
export interface FetchedPoll {
  options: PollOption[];
  voters: number;
  resultsVisible: boolean;
  myVote: PollView['myVote'];
  /**
   * The feed has brought the poll again since: its counts and voters are the newer ones, and hold
   * her vote as fetched even while the personal feed has not brought that vote yet.
   */
  feedSince: boolean;
}

/**
 * What the logged-in person knows of polls beyond the feed, in memory only (wiped at logout): the
 * counts the server showed her after she voted (an `after_vote` poll's are hers alone, so they never
 * go to disk), and in an anonymous poll what she chose, which the server does not know.
 */
export function createPollMemory() {
  const fetched = new Map<string, FetchedPoll>();
  const chosen = new Map<string, string[]>();
  return {
    fetched: (pollId: string): FetchedPoll | null => fetched.get(pollId) ?? null,
    setFetched(view: PollView) {
      fetched.set(view.id, { options: view.options, voters: view.voters, resultsVisible: view.resultsVisible, myVote: view.myVote, feedSince: false });
    },
    /**
     * The feed brought the poll again. Counts it carries are at least as new as those fetched, so
     * the fetched ones go; her vote as fetched stays until the personal feed brings it.
     */
    feedChanged(pollId: string, feedHasCounts: boolean) {
      const known = fetched.get(pollId);
      if (!known) return;
      fetched.set(pollId, feedHasCounts ? { ...known, options: known.options.map((o) => ({ ...o, votes: null })), resultsVisible: false, feedSince: true } : { ...known, feedSince: true });
    },
    /** Her choice in an anonymous poll, as she made it on this device. */
    remember: (pollId: string, optionIds: readonly string[]) => void chosen.set(pollId, [...optionIds]),
    remembered: (pollId: string): string[] | null => chosen.get(pollId) ?? null,
    forget(pollId: string) {
      fetched.delete(pollId);
      chosen.delete(pollId);
    },
    wipe() {
      fetched.clear();
      chosen.clear();
    },
  };
}

export type PollMemory = ReturnType<typeof createPollMemory>;
/** What a read may ask of it. */
export type PollMemoryView = Pick<PollMemory, 'fetched' | 'remembered'>;
