import type { PollShowResults } from '../../../common/src/api/entities.js';
import { ApiError } from '../http/apiError.js';

export interface PollSettings {
  multiple: boolean;
  anonymous: boolean;
  changeable: boolean;
  showResults: PollShowResults;
  closesAt: string | null;
}

export const isClosed = (poll: Pick<PollSettings, 'closesAt'>, now: Date): boolean => poll.closesAt !== null && poll.closesAt <= now.toISOString();

/**
 * Whether everyone who may see the poll may see its counts (shown at once, or closed): only then do
 * the counts travel in the feed, which a shared PC keeps on disk.
 */
export const resultsForEveryone = (poll: Pick<PollSettings, 'showResults' | 'closesAt'>, now: Date): boolean =>
  poll.showResults === 'always' || isClosed(poll, now);

/** Whether this caller may see the counts: as everyone, or once she voted in an `after_vote` poll. */
export const resultsVisibleTo = (poll: Pick<PollSettings, 'showResults' | 'closesAt'>, voted: boolean, now: Date): boolean =>
  resultsForEveryone(poll, now) || (poll.showResults === 'after_vote' && voted);

/**
 * The chosen options as stored: each an option of this poll, once, one unless the poll is multiple
 * choice; sorted, so the same choice is always the same text.
 */
export function checkChoice(poll: Pick<PollSettings, 'multiple'>, optionIds: readonly string[], known: ReadonlySet<string>): string[] {
  const chosen = [...new Set(optionIds)].sort();
  if (chosen.some((id) => !known.has(id))) {
    throw new ApiError('validation', 'Deze keuze hoort niet bij de peiling.', [{ path: 'body.optionIds', message: 'Onbekende keuze.' }]);
  }
  if (!poll.multiple && chosen.length !== 1) {
    throw new ApiError('validation', 'Bij deze peiling kies je één antwoord.', [{ path: 'body.optionIds', message: 'Kies één antwoord.' }]);
  }
  return chosen;
}
