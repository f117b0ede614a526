import type { PollViewModel } from '../../../../common/src/ipc/pollViews';

/**
 * Each option's share, in whole percent. Single choice: of all votes. Multiple choice: of the people
 * who voted, since one person's vote may count for several options (the shares then add up past 100).
 */
export function pollShares(poll: Pick<PollViewModel, 'options' | 'multiple' | 'voters'>): Map<string, number> {
  const total = poll.multiple ? poll.voters : poll.options.reduce((n, o) => n + (o.votes ?? 0), 0);
  return new Map(poll.options.map((o) => [o.id, total > 0 && o.votes !== null ? Math.round((o.votes / total) * 100) : 0]));
}

/** The denominator the shares are of, for the text a screen reader hears. */
export const pollTotal = (poll: Pick<PollViewModel, 'options' | 'multiple' | 'voters'>): number =>
  poll.multiple ? poll.voters : poll.options.reduce((n, o) => n + (o.votes ?? 0), 0);
