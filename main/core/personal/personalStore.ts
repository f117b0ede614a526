import type { Comment, Favourite, Group, JoinRequest, Membership, Notification, PageFeedback, Poll, PollVote, Post, ReactionKind, ReadReceipt } from '../../../common/src/api/entities.js';
import type { SyncChange } from '../../../common/src/api/sync.js';

export interface PersonalPage {
  postIds: Set<string>;
  groupsChanged: boolean;
}

/**
 * What only the logged-in person may see: their private groups with posts, comments and polls, their
 * own likes, votes, memberships and notifications. Held in memory only, filled from the personal feed at each
 * login and wiped at logout, so it never reaches the disk of a shared device.
 */
export function createPersonalStore() {
  let cursor = 0;
  const groups = new Map<string, Group>();
  const posts = new Map<string, Post>();
  const comments = new Map<string, Comment>();
  // Her reaction per post; a like from a server before reactions has no kind and is a like.
  const likes = new Map<string, ReactionKind>();
  const memberships = new Map<string, Membership>();
  const notifications = new Map<string, Notification>();
  const joinRequests = new Map<string, JoinRequest>();
  // Her own favourites and "Was dit nuttig?" answers, by page.
  const favourites = new Map<string, Favourite>();
  const feedback = new Map<string, PageFeedback>();
  // Polls of her private groups, and her own votes in any poll, by poll.
  const polls = new Map<string, Poll>();
  const votes = new Map<string, PollVote>();
  // Her answers to "lezen verplicht" posts, by post.
  const receipts = new Map<string, ReadReceipt>();

  const removePost = (id: string, page: PersonalPage) => {
    for (const [commentId, c] of comments) if (c.postId === id) comments.delete(commentId);
    posts.delete(id);
    likes.delete(id);
    polls.delete(id);
    votes.delete(id);
    page.postIds.add(id);
  };

  const removeGroup = (id: string, page: PersonalPage) => {
    for (const post of [...posts.values()]) if (post.groupId === id) removePost(post.id, page);
    groups.delete(id);
    memberships.delete(id);
    page.groupsChanged = true;
  };

  function applyOne(change: SyncChange, page: PersonalPage): void {
    if (change.op === 'delete') {
      switch (change.entity) {
        case 'group':
          return removeGroup(change.id, page);
        case 'post':
          return removePost(change.id, page);
        case 'comment': {
          const postId = comments.get(change.id)?.postId;
          if (postId) page.postIds.add(postId);
          comments.delete(change.id);
          return;
        }
        case 'like': {
          const postId = change.id.split(':')[0]!;
          likes.delete(postId);
          page.postIds.add(postId);
          return;
        }
        case 'membership':
          memberships.delete(change.id.split(':')[0]!);
          page.groupsChanged = true;
          return;
        case 'notification':
          notifications.delete(change.id);
          return;
        case 'joinRequest':
          joinRequests.delete(change.id);
          page.groupsChanged = true;
          return;
        case 'favourite':
          favourites.delete(change.id.split(':')[0]!);
          return;
        case 'pageFeedback':
          feedback.delete(change.id.split(':')[0]!);
          return;
        case 'poll':
          polls.delete(change.id);
          page.postIds.add(change.id);
          return;
        case 'pollVote': {
          const pollId = change.id.split(':')[0]!;
          votes.delete(pollId);
          page.postIds.add(pollId);
          return;
        }
        case 'readReceipt': {
          const postId = change.id.split(':')[0]!;
          receipts.delete(postId);
          page.postIds.add(postId);
          return;
        }
        default:
          return;
      }
    }
    switch (change.entity) {
      case 'group':
        groups.set(change.id, change.data);
        page.groupsChanged = true;
        return;
      case 'post':
        posts.set(change.id, change.data);
        page.postIds.add(change.id);
        return;
      case 'comment':
        comments.set(change.id, change.data);
        page.postIds.add(change.data.postId);
        return;
      case 'like':
        likes.set(change.data.postId, change.data.kind ?? 'like');
        page.postIds.add(change.data.postId);
        return;
      case 'membership':
        memberships.set(change.data.groupId, change.data);
        page.groupsChanged = true;
        return;
      case 'notification':
        notifications.set(change.id, change.data);
        return;
      case 'joinRequest':
        joinRequests.set(change.id, change.data);
        page.groupsChanged = true;
        return;
      case 'favourite':
        favourites.set(change.data.pageId, change.data);
        return;
      case 'pageFeedback':
        feedback.set(change.data.pageId, change.data);
        return;
      case 'poll':
        polls.set(change.id, change.data);
        page.postIds.add(change.id);
        return;
      case 'pollVote':
        votes.set(change.data.pollId, change.data);
        page.postIds.add(change.data.pollId);
        return;
      case 'readReceipt':
        receipts.set(change.data.postId, change.data);
        page.postIds.add(change.data.postId);
        return;
      default:
        // Organisation-wide entities belong in the cache, not here.
        return;
    }
  }

  return {
    cursor: () => cursor,
    applyPage(changes: readonly SyncChange[], next: number): PersonalPage {
      const page: PersonalPage = { postIds: new Set(), groupsChanged: false };
      for (const change of changes) applyOne(change, page);
      cursor = next;
      return page;
    },
    posts: (): Post[] => [...posts.values()],
    post: (id: string): Post | null => posts.get(id) ?? null,
    hasComment: (id: string): boolean => comments.has(id),
    comment: (id: string): Comment | null => comments.get(id) ?? null,
    comments: (postId: string): Comment[] => [...comments.values()].filter((c) => c.postId === postId),
    group: (id: string): Group | null => groups.get(id) ?? null,
    memberships: (): Membership[] => [...memberships.values()],
    membership: (groupId: string): Membership | null => memberships.get(groupId) ?? null,
    /** Requests to join: her own, and those to groups she is an admin of. */
    joinRequests: (): JoinRequest[] => [...joinRequests.values()],
    isLiked: (postId: string): boolean => likes.has(postId),
    reactionOf: (postId: string): ReactionKind | null => likes.get(postId) ?? null,
    /** Newest first. */
    notifications: (): Notification[] => [...notifications.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    /** Her favourite pages, newest first. */
    favourites: (): Favourite[] => [...favourites.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    feedback: (pageId: string): PageFeedback | null => feedback.get(pageId) ?? null,
    /** A poll of one of her private groups. */
    poll: (id: string): Poll | null => polls.get(id) ?? null,
    polls: (): Poll[] => [...polls.values()],
    /** Her vote in this poll as the server counted it. */
    vote: (pollId: string): PollVote | null => votes.get(pollId) ?? null,
    receipt: (postId: string): ReadReceipt | null => receipts.get(postId) ?? null,
    /** Whether her own data has arrived since she logged in (her groups and receipts can be trusted). */
    known: (): boolean => cursor > 0,
    wipe() {
      cursor = 0;
      for (const m of [groups, posts, comments, memberships, notifications, joinRequests, favourites, feedback, polls, votes, receipts]) m.clear();
      likes.clear();
    },
  };
}

export type PersonalStore = ReturnType<typeof createPersonalStore>;

/** What a read may ask of the personal store. */
export type PersonalView = Pick<
  PersonalStore,
  | 'posts'
  | 'post'
  | 'hasComment'
  | 'comment'
  | 'comments'
  | 'group'
  | 'memberships'
  | 'membership'
  | 'joinRequests'
  | 'isLiked'
  | 'reactionOf'
  | 'notifications'
  | 'favourites'
  | 'feedback'
  | 'poll'
  | 'polls'
  | 'vote'
  | 'receipt'
  | 'known'
>;

/** Read in place of the personal store while nobody is logged in: whatever the store holds, nobody sees it. */
export const nobodysPersonalView: PersonalView = {
  posts: () => [],
  post: () => null,
  hasComment: () => false,
  comment: () => null,
  comments: () => [],
  group: () => null,
  memberships: () => [],
  membership: () => null,
  joinRequests: () => [],
  isLiked: () => false,
  reactionOf: () => null,
  notifications: () => [],
  favourites: () => [],
  feedback: () => null,
  poll: () => null,
  polls: () => [],
  vote: () => null,
  receipt: () => null,
  known: () => false,
};
