import type { Poll, PollVote } from '../../../common/src/api/entities.js';
import type { PollViewModel } from '../../../common/src/ipc/pollViews.js';
import type { FetchedPoll } from './pollMemory.js';

export interface PollSources {
  poll: Poll;
  /** Her vote as the personal feed has it. */
  vote: PollVote | null;
  fetched: FetchedPoll | null;
  /** Her latest vote not yet synced back (`waiting`: not yet sent). */
  pending: { optionIds: string[]; waiting: boolean } | null;
  /** Her choice in an anonymous poll, remembered on this device. */
  remembered: string[] | null;
  /** The poll itself still waits in the outbox. */
  sending: boolean;
  now: Date;
}

export const pollClosed = (poll: Pick<Poll, 'closesAt'>, now: Date): boolean => poll.closesAt !== null && poll.closesAt <= now.toISOString();

const sameChoice = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((id, i) => id === [...b].sort()[i]);

/**
 * The poll as she sees it now. The counts are the newest she may see: those the server gave her after
 * her vote, else the feed's. A vote of hers that those counts do not hold yet is laid over them (taken
 * off her earlier choice), so the bars move the moment she taps, offline too.
 */
export function pollViewModel(s: PollSources): PollViewModel {
  const { poll, fetched, pending } = s;
  const closed = pollClosed(poll, s.now);
  const fromFetched = fetched !== null && fetched.resultsVisible;
  const feedCounts = poll.options.every((o) => o.votes !== null);
  const counts = fromFetched ? fetched.options : feedCounts ? poll.options : null;
  // Which vote of hers the counts already hold: the one the server told with them; or (feed) the one
  // synced, else the one fetched before the feed brought these counts (the personal feed, pulled after
  // the shared one, may not have brought it yet: counting it again showed one vote too many).
  const counted = fromFetched ? fetched.myVote : (s.vote ?? (fetched?.feedSince ? fetched.myVote : null));
  const known = s.vote ?? fetched?.myVote ?? null;
  let voters = fromFetched ? Math.max(fetched.voters, poll.voters) : poll.voters;
  const votes = new Map((counts ?? poll.options).map((o) => [o.id, o.votes]));
  const overlay = pending !== null && !(counted && (counted.optionIds === null || sameChoice(counted.optionIds, pending.optionIds)));
  if (overlay) {
    for (const id of pending.optionIds) votes.set(id, (votes.get(id) ?? 0) + 1);
    for (const id of counted?.optionIds ?? []) votes.set(id, Math.max(0, (votes.get(id) ?? 1) - 1));
    if (!counted) voters += 1;
  }
  const voted = pending !== null || known !== null;
  const chosen = new Set(pending?.optionIds ?? known?.optionIds ?? s.remembered ?? []);
  const resultsVisible = counts !== null;
  // A vote not sent yet can still be taken back and made again; one the server has, only where the poll allows.
  const sentOrCounted = known !== null || (pending !== null && !pending.waiting);
  const mayVote = !closed && !s.sending && (!sentOrCounted || poll.changeable);
  return {
    id: poll.id,
    question: poll.question,
    options: poll.options.map((o) => ({ id: o.id, label: o.label, votes: resultsVisible ? (votes.get(o.id) ?? 0) : null, chosen: chosen.has(o.id) })),
    multiple: poll.multiple,
    anonymous: poll.anonymous,
    changeable: poll.changeable,
    showResults: poll.showResults,
    closesAt: poll.closesAt,
    closed,
    voters,
    resultsVisible,
    voted,
    votePending: pending?.waiting ?? false,
    mayVote,
    sending: s.sending,
  };
}
