import { describe, expect, it } from 'vitest';
import type { Poll } from '../../../../common/src/api/entities.js';
import { createPollMemory } from '../../../../main/core/polls/pollMemory.js';
import { pollViewModel, type PollSources } from '../../../../main/core/polls/pollViewModel.js';
import { poll } from '../../../fixtures/core/entities.js';

const now = new Date('2025-02-01T12:00:00.000Z');
const me = '0190a000-0000-7000-8000-000000000001';

/** A poll with these counts per option (null: not shown to everyone). */
function counted(votes: (number | null)[], over: Partial<Poll> = {}): Poll {
  const p = poll(over, votes.map((_, i) => `Keuze ${i + 1}`)).poll;
  const voters = votes.reduce<number>((n, v) => n + (v ?? 0), 0);
  return { ...p, options: p.options.map((o, i) => ({ ...o, votes: votes[i]! })), voters: over.voters ?? voters };
}
const view = (p: Poll, s: Partial<PollSources> = {}) =>
  pollViewModel({ poll: p, vote: null, fetched: null, pending: null, remembered: null, sending: false, now, ...s });
const ids = (p: Poll) => p.options.map((o) => o.id);
const votesOf = (v: ReturnType<typeof view>) => v.options.map((o) => o.votes);

describe('a poll as she sees it', () => {
  it('counts her waiting vote at once, one more voter, and marks it as hers', () => {
    const p = counted([4, 1]);
    const v = view(p, { pending: { optionIds: [ids(p)[1]!], waiting: true } });
    expect(votesOf(v)).toEqual([4, 2]);
    expect(v).toMatchObject({ voters: 6, voted: true, votePending: true, mayVote: true, resultsVisible: true });
    expect(v.options.map((o) => o.chosen)).toEqual([false, true]);
  });

  it('moves a changed vote from her old choice to the new one without counting her twice', () => {
    const p = counted([4, 1]);
    const vote = { pollId: p.id, personId: me, optionIds: [ids(p)[0]!], votedAt: now.toISOString() };
    const v = view(p, { vote, pending: { optionIds: [ids(p)[1]!], waiting: true } });
    expect(votesOf(v)).toEqual([3, 2]);
    expect(v.voters).toBe(5);
  });

  it('adds nothing for a vote the counts already hold (sent, and back from the server)', () => {
    const p = counted([4, 1]);
    const vote = { pollId: p.id, personId: me, optionIds: [ids(p)[0]!], votedAt: now.toISOString() };
    expect(votesOf(view(p, { vote, pending: { optionIds: [ids(p)[0]!], waiting: false } }))).toEqual([4, 1]);
  });

  it('shows no counts of an after-vote poll until the server gave them to her, then those', () => {
    const p = counted([null, null], { showResults: 'after_vote', voters: 7 });
    const waiting = view(p, { pending: { optionIds: [ids(p)[0]!], waiting: true } });
    expect(waiting).toMatchObject({ resultsVisible: false, voted: true, voters: 8 });
    expect(votesOf(waiting)).toEqual([null, null]);

    const fetched = { options: p.options.map((o, i) => ({ ...o, votes: i === 0 ? 5 : 3 })), voters: 8, resultsVisible: true, myVote: { optionIds: [ids(p)[0]!], votedAt: now.toISOString() }, feedSince: false };
    const after = view(p, { fetched, pending: { optionIds: [ids(p)[0]!], waiting: false } });
    expect(after).toMatchObject({ resultsVisible: true, voters: 8 });
    expect(votesOf(after)).toEqual([5, 3]);
  });

  it('counts her sent vote once when the shared feed brings counts holding it before the personal feed brings the vote', () => {
    const before = counted([4, 1]);
    const pending = { optionIds: [ids(before)[1]!], waiting: false };
    const memory = createPollMemory();
    // Delivered: the server's answer after her vote, which the bars show.
    memory.setFetched({ ...before, options: before.options.map((o, i) => ({ ...o, votes: i === 0 ? 4 : 2 })), voters: 6, resultsVisible: true, closed: false, myVote: { optionIds: pending.optionIds, votedAt: now.toISOString() } });
    expect(votesOf(view(before, { fetched: memory.fetched(before.id), pending }))).toEqual([4, 2]);
    // The shared feed then brings the poll with her vote in its counts; her vote is still on its way.
    const after = { ...before, options: before.options.map((o, i) => ({ ...o, votes: i === 0 ? 4 : 2 })), voters: 6 };
    memory.feedChanged(after.id, true);
    const v = view(after, { fetched: memory.fetched(after.id), pending });
    expect(votesOf(v)).toEqual([4, 2]);
    expect(v.voters).toBe(6);
  });

  it('still counts her sent vote over feed counts that came before the server told her anything', () => {
    const p = counted([4, 1]);
    expect(votesOf(view(p, { pending: { optionIds: [ids(p)[1]!], waiting: false } }))).toEqual([4, 2]);
  });

  it('lets her vote once in an anonymous poll, keeping her choice only as this device remembers it', () => {
    const p = counted([2, 2], { anonymous: true, changeable: false });
    const vote = { pollId: p.id, personId: me, optionIds: null, votedAt: now.toISOString() };
    const v = view(p, { vote, remembered: [ids(p)[1]!] });
    expect(v).toMatchObject({ voted: true, mayVote: false });
    expect(v.options.map((o) => o.chosen)).toEqual([false, true]);
    expect(votesOf(v)).toEqual([2, 2]);
  });

  it('a waiting vote can be changed before it went, even where a sent one cannot', () => {
    const p = counted([0, 0], { changeable: false });
    expect(view(p, { pending: { optionIds: [ids(p)[0]!], waiting: true } }).mayVote).toBe(true);
    expect(view(p, { pending: { optionIds: [ids(p)[0]!], waiting: false } }).mayVote).toBe(false);
  });

  it('is closed by this device’s clock: no more voting', () => {
    const v = view(counted([1, 0], { closesAt: '2025-02-01T11:00:00.000Z' }));
    expect(v).toMatchObject({ closed: true, mayVote: false });
  });

  it('a poll still waiting in the outbox cannot be voted in yet', () => {
    expect(view(counted([null, null]), { sending: true }).mayVote).toBe(false);
  });
});
