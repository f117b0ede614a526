import type { Poll, PollVote } from '../../../common/src/api/entities.js';
import type { PollOptionsTable, PollsTable, PollVotersTable } from '../db/schema.js';
import type { PollSettings } from './pollRules.js';

export type PollRow = Omit<PollsTable, 'close_announced' | 'voters'> & { voters: number };
export type OptionRow = Omit<PollOptionsTable, 'votes'> & { votes: number };

export const settingsOf = (r: PollRow): PollSettings => ({
  multiple: Number(r.multiple) === 1,
  anonymous: Number(r.anonymous) === 1,
  changeable: Number(r.changeable) === 1,
  showResults: r.show_results as PollSettings['showResults'],
  closesAt: r.closes_at,
});

/** The poll entity; `withCounts` false leaves every option's `votes` null. */
export function pollFromRows(r: PollRow, question: string, options: OptionRow[], withCounts: boolean): Poll {
  const s = settingsOf(r);
  return {
    id: r.post_id,
    question,
    options: [...options].sort((a, b) => a.position - b.position).map((o) => ({ id: o.id, label: o.label, votes: withCounts ? Number(o.votes) : null })),
    multiple: s.multiple,
    anonymous: s.anonymous,
    changeable: s.changeable,
    showResults: s.showResults,
    closesAt: s.closesAt,
    voters: Number(r.voters),
    createdAt: r.created_at,
  };
}

export const voteFromRow = (r: PollVotersTable): PollVote => ({
  pollId: r.poll_id,
  personId: r.person_id,
  optionIds: r.choice === null ? null : (JSON.parse(r.choice) as string[]),
  votedAt: r.voted_at,
});
