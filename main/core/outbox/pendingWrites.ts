import type { ReactionKind } from '../../../common/src/api/entities.js';
import type { GroupIntent, OutboxItem } from './outboxStore.js';

type PostItem = Extract<OutboxItem, { kind: 'post' }>;
type CommentItem = Extract<OutboxItem, { kind: 'comment' }>;
type PollItem = Extract<OutboxItem, { kind: 'poll' }>;

/** A write the UI shows before the stores have it: still waiting (`sending`) or confirmed (`sent`). */
export interface Pending<T> {
  item: T;
  sent: boolean;
}

export interface PendingWrites {
  posts: Map<string, Pending<PostItem>>;
  /** Posts written for later: shown in "Gepland", never in a timeline (the server decides when they appear). */
  scheduled: Map<string, Pending<PostItem>>;
  /** Posts for a coach first, or offered for approval: shown in "Meekijken", never in a timeline. */
  reviewing: Map<string, Pending<PostItem>>;
  comments: Pending<CommentItem>[];
  /** The latest reaction (or taking it back) per post, and whether one still waits to be sent. */
  likes: Map<string, { liked: boolean; kind: ReactionKind | null; waiting: boolean }>;
  deletedPostIds: Set<string>;
  /** Per group, the latest join, request or leave not yet synced back, and whether it still waits. */
  groups: Map<string, { intent: GroupIntent; waiting: boolean }>;
  /** Polls she asked that the stores do not have yet. */
  polls: Map<string, Pending<PollItem>>;
  /** Per poll, her latest vote not yet synced back, and whether it still waits to be sent. */
  votes: Map<string, { optionIds: string[]; waiting: boolean }>;
}

/** Folds confirmed-but-unsynced and waiting writes, oldest first, into what the views overlay. */
export function foldPendingWrites(sent: readonly OutboxItem[], waiting: readonly OutboxItem[]): PendingWrites {
  const out: PendingWrites = { posts: new Map(), scheduled: new Map(), reviewing: new Map(), comments: [], likes: new Map(), deletedPostIds: new Set(), groups: new Map(), polls: new Map(), votes: new Map() };
  const add = (item: OutboxItem, isSent: boolean) => {
    switch (item.kind) {
      case 'post':
        (item.payload.review ? out.reviewing : item.payload.publishAt ? out.scheduled : out.posts).set(item.id, { item, sent: isSent });
        return;
      case 'comment':
        out.comments.push({ item, sent: isSent });
        return;
      case 'like': {
        const before = out.likes.get(item.postId);
        const kind = item.payload.liked ? (item.payload.kind ?? 'like') : null;
        out.likes.set(item.postId, { liked: item.payload.liked, kind, waiting: (before?.waiting ?? false) || !isSent });
        return;
      }
      case 'delete':
        out.deletedPostIds.add(item.postId);
        return;
      case 'join':
      case 'request':
      case 'leave':
        out.groups.set(item.postId, { intent: item.kind, waiting: !isSent });
        return;
      case 'poll':
        out.polls.set(item.id, { item, sent: isSent });
        return;
      case 'vote':
        out.votes.set(item.postId, { optionIds: item.payload.optionIds, waiting: !isSent });
        return;
      default:
        // A page's favourite or feedback: the knowledge base overlays those (kb/ownKbWrites).
        return;
    }
  };
  for (const item of sent) add(item, true);
  for (const item of waiting) add(item, false);
  return out;
}
