import { describe, expect, it } from 'vitest';
import { createPersonalStore } from '../../../../main/core/personal/personalStore.js';
import { comment, feed, group, poll, post } from '../../../fixtures/core/entities.js';

describe('the personal store (memory only)', () => {
  it('forgets a private group with its posts, comments and own likes when the group is removed', () => {
    const store = createPersonalStore();
    const f = feed();
    const team = group({ visibility: 'private', name: 'Team 3B' });
    const p = post({ groupId: team.id });
    const other = post();
    store.applyPage(
      [
        f.upsert('group', team),
        f.upsert('membership', { groupId: team.id, personId: 'me', role: 'member', showInTimeline: false, muted: false, lastVisitAt: null }),
        f.upsert('post', p),
        f.upsert('comment', comment(p.id)),
        f.upsert('like', { postId: p.id, personId: 'me', createdAt: p.createdAt }),
        f.upsert('like', { postId: other.id, personId: 'me', createdAt: p.createdAt }),
      ],
      f.seq,
    );
    expect(store.isLiked(p.id)).toBe(true);

    const page = store.applyPage([f.remove('group', team.id)], f.seq);

    expect(store.posts()).toEqual([]);
    expect(store.comments(p.id)).toEqual([]);
    expect(store.isLiked(p.id)).toBe(false);
    expect(store.isLiked(other.id)).toBe(true);
    expect(store.memberships()).toEqual([]);
    expect(page.postIds.has(p.id)).toBe(true);
  });

  it('takes back an own like when it is deleted', () => {
    const store = createPersonalStore();
    const f = feed();
    const p = post();
    store.applyPage([f.upsert('like', { postId: p.id, personId: 'me', createdAt: p.createdAt })], f.seq);
    store.applyPage([f.remove('like', `${p.id}:me`)], f.seq);
    expect(store.isLiked(p.id)).toBe(false);
  });

  it('is empty with its cursor at zero after a wipe', () => {
    const store = createPersonalStore();
    const f = feed();
    const p = post();
    store.applyPage(
      [
        f.upsert('post', p),
        f.upsert('notification', { id: p.id, kind: 'reply', actorId: p.authorId, postId: p.id, commentId: null, createdAt: p.createdAt }),
      ],
      f.seq,
    );
    expect(store.cursor()).toBe(f.seq);
    expect(store.notifications()).toHaveLength(1);

    store.wipe();

    expect(store.cursor()).toBe(0);
    expect(store.posts()).toEqual([]);
    expect(store.notifications()).toEqual([]);
  });

  it('keeps her votes and a private group’s polls, forgets them with the poll, the group, or at logout', () => {
    const store = createPersonalStore();
    const f = feed();
    const team = group({ visibility: 'private', name: 'Team 3B' });
    const inTeam = poll({ question: 'Wie doet de kerstborrel?' });
    const everyone = poll({ question: 'Teamdag?' });
    const vote = (pollId: string, optionIds: string[] | null) => ({ id: `${pollId}:me`, pollId, personId: 'me', optionIds, votedAt: '2025-01-02T00:00:00.000Z' });
    const page = store.applyPage(
      [
        f.upsert('group', team),
        f.upsert('post', { ...inTeam.post, groupId: team.id }),
        f.upsert('poll', inTeam.poll),
        f.upsert('pollVote', vote(inTeam.poll.id, [inTeam.poll.options[0]!.id])),
        f.upsert('pollVote', vote(everyone.poll.id, null)),
      ],
      f.seq,
    );
    expect(page.postIds).toEqual(new Set([inTeam.poll.id, everyone.poll.id]));
    expect(store.poll(inTeam.poll.id)).toEqual(inTeam.poll);
    expect(store.vote(inTeam.poll.id)?.optionIds).toEqual([inTeam.poll.options[0]!.id]);
    expect(store.vote(everyone.poll.id)?.optionIds).toBeNull();

    store.applyPage([f.remove('pollVote', `${everyone.poll.id}:me`)], f.seq);
    expect(store.vote(everyone.poll.id)).toBeNull();
    store.applyPage([f.remove('group', team.id)], f.seq);
    expect(store.poll(inTeam.poll.id)).toBeNull();
    expect(store.vote(inTeam.poll.id)).toBeNull();

    store.applyPage([f.upsert('pollVote', vote(everyone.poll.id, [everyone.poll.options[1]!.id]))], f.seq);
    store.wipe();
    expect(store.vote(everyone.poll.id)).toBeNull();
  });
});
