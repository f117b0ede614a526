import type { Comment, Post, ReactionCounts, ReactionKind } from '../../../common/src/api/entities.js';
import type { PollViewModel } from '../../../common/src/ipc/pollViews.js';
import type { MyRead } from '../../../common/src/ipc/readConfirmationViews.js';
import type { AuthorView, CommentView, PostViewModel } from '../../../common/src/ipc/views.js';
import type { DirectoryQueries } from '../cache/directoryQueries.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { PendingWrites } from '../outbox/pendingWrites.js';
import { videoUrls } from '../serving/videoRequest.js';

/** What a view needs to know besides the post: who is looking, names, and writes in flight. */
export interface ViewContext {
  me: string | null;
  imageUrl: ImageUrl;
  author(id: string): AuthorView;
  groupName(id: string): string | null;
  likedByMe(postId: string): boolean;
  /** Her reaction as the stores have it. */
  reactionOf(postId: string): ReactionKind | null;
  /** Whether the stores already hold this comment (then a pending copy no longer counts). */
  commentKnown(id: string): boolean;
  /** The poll of a post that is one, as she sees it now. */
  pollOf(postId: string): PollViewModel | null;
  pending: PendingWrites;
  /** What a post asks of the person looking and how many saw it (readConfirmations, postViews). */
  extras: PostExtras;
}

export interface PostExtras {
  myRead(post: Post): MyRead | null;
  viewCount(post: Post): number | undefined;
}

/** Where nobody is logged in, or a read that has no use for them. */
export const noPostExtras: PostExtras = { myRead: () => null, viewCount: (post) => post.viewCount };

/** Authors looked up once per view build; someone not (yet) in the directory shows without a name. */
export function authorLookup(directory: DirectoryQueries, imageUrl: ImageUrl): (id: string) => AuthorView {
  const seen = new Map<string, AuthorView>();
  return (id) => {
    let view = seen.get(id);
    if (!view) {
      const p = directory.person(id);
      view = p
        ? {
            id,
            name: p.name,
            handle: p.handle,
            jobTitle: p.jobTitle,
            departmentName: p.departmentName,
            avatarUrl: p.avatarImageId ? imageUrl(p.avatarImageId, 'thumb') : null,
            ...(p.ambassador ? { ambassador: p.ambassador } : {}),
          }
        : { id, name: '', handle: '', jobTitle: '', departmentName: null, avatarUrl: null };
      seen.set(id, view);
    }
    return view;
  };
}

export function postView(post: Post, ctx: ViewContext, delivery: 'sent' | 'sending'): PostViewModel {
  const baseLiked = ctx.likedByMe(post.id);
  const baseReaction = baseLiked ? (ctx.reactionOf(post.id) ?? 'like') : null;
  const like = ctx.pending.likes.get(post.id);
  const myReaction = like ? like.kind : baseReaction;
  const liked = myReaction !== null;
  const likeCount = Math.max(0, post.likeCount + (liked === baseLiked ? 0 : liked ? 1 : -1));
  // A server from before reactions counts only likes; her reaction waiting in the outbox moves one count.
  const reactions: ReactionCounts = { ...(post.reactions ?? { like: post.likeCount, hart: 0, applaus: 0, inzichtelijk: 0, bedankt: 0 }) };
  if (baseReaction) reactions[baseReaction] = Math.max(0, reactions[baseReaction] - 1);
  if (myReaction) reactions[myReaction] += 1;
  const unsyncedComments = ctx.pending.comments.filter((c) => c.item.postId === post.id && !ctx.commentKnown(c.item.id)).length;
  return {
    id: post.id,
    author: ctx.author(post.authorId),
    group: post.groupId ? { id: post.groupId, name: ctx.groupName(post.groupId) ?? '' } : null,
    body: post.body,
    hashtags: post.hashtags,
    mentions: post.mentions,
    images: post.images.map((img) => ({
      id: img.id,
      width: img.width,
      height: img.height,
      thumbUrl: ctx.imageUrl(img.id, 'thumb'),
      url: ctx.imageUrl(img.id, 'full'),
    })),
    ...(post.videos && post.videos.length > 0 ? { videos: post.videos.map((v) => ({ ...v, ...videoUrls(ctx.imageUrl, v.id, v.width > 0) })) } : {}),
    pinned: post.pinned,
    likeCount,
    likedByMe: liked,
    myReaction,
    reactions,
    commentCount: post.commentCount + unsyncedComments,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    mine: ctx.me !== null && post.authorId === ctx.me,
    delivery,
    likePending: like?.waiting ?? false,
    ...(post.endsAt ? { endsAt: post.endsAt } : {}),
    ...(post.conversationStarter ? { conversationStarter: true } : {}),
    poll: post.poll ? ctx.pollOf(post.id) : null,
    readRequired: post.readRequired ?? null,
    viewCount: ctx.extras.viewCount(post),
    myRead: ctx.extras.myRead(post),
    ...(post.moderation ? { moderation: post.moderation } : {}),
  };
}

export function commentView(comment: Comment, ctx: Pick<ViewContext, 'author'>, delivery: 'sent' | 'sending'): CommentView {
  return {
    id: comment.id,
    postId: comment.postId,
    author: ctx.author(comment.authorId),
    body: comment.body,
    createdAt: comment.createdAt,
    delivery,
    ...(comment.moderation ? { moderation: comment.moderation } : {}),
  };
}
