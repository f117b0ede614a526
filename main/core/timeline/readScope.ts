import type { Poll, Post } from '../../../common/src/api/entities.js';
import type { CommentView, PostViewModel } from '../../../common/src/ipc/views.js';
import { parseHashtags } from '../../../common/src/text/hashtags.js';
import { parseMentionHandles } from '../../../common/src/text/mentions.js';
import type { CacheParts } from '../cache/openCache.js';
import type { PostFilter, PostPosition } from '../cache/postQueries.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { GroupIntent, OutboxItem } from '../outbox/outboxStore.js';
import { foldPendingWrites, type Pending } from '../outbox/pendingWrites.js';
import type { PersonalView } from '../personal/personalStore.js';
import type { PollMemoryView } from '../polls/pollMemory.js';
import { pollViewModel } from '../polls/pollViewModel.js';
import { isBefore, newerFirst } from './postCursor.js';
import { authorLookup, commentView, noPostExtras, postView, type PostExtras, type ViewContext } from './postViews.js';

export interface ReadSources {
  parts: CacheParts;
  /** The logged-in person's private content; nothing while nobody is logged in. */
  personal: PersonalView;
  me: string | null;
  /** Confirmed writes not yet synced, and waiting writes, of the logged-in person, oldest first. */
  sent: readonly OutboxItem[];
  waiting: readonly OutboxItem[];
  imageUrl: ImageUrl;
  /** What the server told her of polls after she voted, and her anonymous choices. */
  polls: PollMemoryView;
  now: Date;
  /** What each post asks of her ("lezen verplicht") and its view count; plain when absent. */
  extras?: PostExtras;
}

type PollItem = Extract<OutboxItem, { kind: 'poll' }>;

type Sourced = { post: Post; delivery: 'sent' | 'sending' };

/**
 * One consistent read over the three places a post can be: the cache (organisation-wide), the
 * personal store (private groups) and the outbox (written here, not yet synced). Built per request.
 */
export function openReadScope(s: ReadSources) {
  const { directory, posts } = s.parts;
  const pending = foldPendingWrites(s.sent, s.waiting);

  /** A poll she asked that the stores do not have yet: its options have no server ids yet. */
  const pendingPoll = (item: PollItem): Poll => ({
    id: item.id,
    question: item.payload.question,
    options: item.payload.options.map((label, i) => ({ id: `${item.id}:${i}`, label, votes: null })),
    multiple: item.payload.multiple,
    anonymous: item.payload.anonymous,
    changeable: !item.payload.anonymous && item.payload.changeable !== false,
    showResults: item.payload.showResults,
    closesAt: item.payload.closesAt,
    voters: 0,
    createdAt: item.createdAt,
  });

  function pollOf(id: string) {
    const stored = s.parts.polls.poll(id) ?? s.personal.poll(id);
    const asked = stored ? null : pending.polls.get(id);
    const poll = stored ?? (asked ? pendingPoll(asked.item) : null);
    if (!poll) return null;
    return pollViewModel({
      poll,
      vote: s.personal.vote(id),
      fetched: s.polls.fetched(id),
      pending: pending.votes.get(id) ?? null,
      remembered: s.polls.remembered(id),
      sending: asked !== null && asked !== undefined,
      now: s.now,
    });
  }

  const ctx: ViewContext = {
    me: s.me,
    imageUrl: s.imageUrl,
    author: authorLookup(directory, s.imageUrl),
    groupName: (id) => directory.group(id)?.name ?? s.personal.group(id)?.name ?? null,
    likedByMe: (postId) => s.personal.isLiked(postId),
    reactionOf: (postId) => s.personal.reactionOf(postId),
    commentKnown: (id) => posts.hasComment(id) || s.personal.hasComment(id),
    pollOf,
    pending,
    extras: s.extras ?? noPostExtras,
  };

  const pendingPost = ({ item, sent }: Pending<Extract<OutboxItem, { kind: 'post' }>>): Sourced => ({
    delivery: sent ? 'sent' : 'sending',
    post: {
      id: item.id,
      authorId: item.personId,
      groupId: item.payload.groupId,
      body: item.payload.body,
      hashtags: parseHashtags(item.payload.body),
      mentions: parseMentionHandles(item.payload.body).flatMap((handle) => {
        const person = directory.personByHandle(handle);
        return person ? [{ personId: person.id, handle }] : [];
      }),
      images: item.images.map((img) => ({ id: img.serverId ?? img.localId, width: img.width, height: img.height })),
      // Played from the outbox by its local id until the post arrives from the server with its facts.
      ...(item.videos.length > 0 ? { videos: item.videos.map((v) => ({ id: v.localId, width: 0, height: 0, durationMs: 0 })) } : {}),
      pinned: false,
      likeCount: 0,
      commentCount: 0,
      createdAt: item.createdAt,
      editedAt: null,
      ...(item.payload.endsAt ? { endsAt: item.payload.endsAt } : {}),
    },
  });

  const askedPoll = ({ item, sent }: Pending<PollItem>): Sourced => ({
    delivery: sent ? 'sent' : 'sending',
    post: {
      id: item.id,
      authorId: item.personId,
      groupId: item.payload.groupId,
      body: item.payload.question,
      hashtags: parseHashtags(item.payload.question),
      mentions: [],
      images: [],
      pinned: item.payload.pinned === true,
      likeCount: 0,
      commentCount: 0,
      createdAt: item.createdAt,
      editedAt: null,
      poll: true,
    },
  });

  const matches = (p: Post, f: PostFilter) =>
    (f.groupId === undefined || p.groupId === f.groupId) &&
    (f.homeGroupIds === undefined || p.groupId === null || f.homeGroupIds.includes(p.groupId)) &&
    (f.authorId === undefined || p.authorId === f.authorId) &&
    (f.hashtag === undefined || p.hashtags.includes(f.hashtag)) &&
    (!f.pinnedOnly || p.pinned) &&
    (f.liveAt === undefined || p.endsAt === undefined || p.endsAt > f.liveAt);

  function find(id: string): Sourced | null {
    if (pending.deletedPostIds.has(id)) return null;
    const stored = posts.get(id) ?? s.personal.post(id);
    if (stored) return { post: stored, delivery: 'sent' };
    const written = pending.posts.get(id);
    if (written) return pendingPost(written);
    const asked = pending.polls.get(id);
    return asked ? askedPoll(asked) : null;
  }

  /** Newest first, strictly older than `before`; up to `limit + 1` so the caller sees whether more exist. */
  function list(filter: PostFilter, before: PostPosition | null, limit: number): Sourced[] {
    const want = limit + 1 + pending.deletedPostIds.size;
    const inMemory = (all: Sourced[]) =>
      all.filter((x) => matches(x.post, filter) && isBefore(x.post, before)).sort((a, b) => newerFirst(a.post, b.post)).slice(0, want);
    const cached = posts.list(filter, before, want).map((post): Sourced => ({ post, delivery: 'sent' }));
    const privately = inMemory(s.personal.posts().map((post) => ({ post, delivery: 'sent' })));
    const written = inMemory([...[...pending.posts.values()].map(pendingPost), ...[...pending.polls.values()].map(askedPoll)]);
    const byId = new Map<string, Sourced>();
    for (const x of [...written, ...privately, ...cached]) byId.set(x.post.id, x);
    return [...byId.values()]
      .filter((x) => !pending.deletedPostIds.has(x.post.id))
      .sort((a, b) => newerFirst(a.post, b.post))
      .slice(0, limit + 1);
  }

  const view = (x: Sourced): PostViewModel => postView(x.post, ctx, x.delivery);

  return {
    /** The private content this read may show. */
    personal: s.personal,
    /** A poll as she sees it now (cache, private groups, her waiting writes); null when unknown. */
    poll: pollOf,
    /** Her vote (or a waiting one) in this poll, as the outbox and the stores know it. */
    pendingVote: (pollId: string) => pending.votes.get(pollId) ?? null,
    /** Her joins, requests and leaves the stores do not show yet, per group. */
    groupIntents: pending.groups as ReadonlyMap<string, { intent: GroupIntent; waiting: boolean }>,
    find,
    list,
    view,
    /** A delete of this post waits in her outbox, or was confirmed and not yet synced. */
    deleted: (id: string) => pending.deletedPostIds.has(id),
    /** Her posts written for later that the server has not confirmed, or not yet listed, soonest first. */
    scheduled(): PostViewModel[] {
      return [...pending.scheduled.values()]
        .filter(({ item }) => !pending.deletedPostIds.has(item.id))
        .map((x) => {
          const at = x.item.payload.publishAt!;
          return { ...view(pendingPost(x)), createdAt: at, scheduledFor: at };
        })
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    /** Her posts for a coach first, or offered for approval, that the server has not listed yet (meekijken). */
    reviewing(): PostViewModel[] {
      return [...pending.reviewing.values()].map((x) => view(pendingPost(x)));
    },
    /** The same as her outbox holds them, for "Meekijken". */
    reviewDrafts(): { id: string; groupId: string | null; body: string; review: 'look' | 'approval'; createdAt: string; sent: boolean }[] {
      return [...pending.reviewing.values()].map(({ item, sent }) => ({ id: item.id, groupId: item.payload.groupId, body: item.payload.body, review: item.payload.review ?? 'look', createdAt: item.createdAt, sent }));
    },
    /** Comments oldest first; this person's unsynced ones among them by the time they were written. */
    comments(postId: string): CommentView[] {
      const stored = [...posts.comments(postId), ...s.personal.comments(postId)].map((c) => commentView(c, ctx, 'sent'));
      const known = new Set(stored.map((c) => c.id));
      const written = pending.comments
        .filter((c) => c.item.postId === postId && !known.has(c.item.id))
        .map(({ item, sent }) =>
          commentView(
            { id: item.id, postId, authorId: item.personId, body: item.payload.body, mentions: [], createdAt: item.createdAt, editedAt: null },
            ctx,
            sent ? 'sent' : 'sending',
          ),
        );
      return [...stored, ...written].sort((a, b) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt)));
    },
  };
}

export type ReadScope = ReturnType<typeof openReadScope>;
