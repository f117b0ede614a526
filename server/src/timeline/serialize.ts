import type { Comment, ImageRef, Post, VideoRef } from '../../../common/src/api/entities.js';
import type { CommentsTable, PostsTable } from '../db/schema.js';
import { moderationMark } from '../moderation/access.js';
import { readRequirementFromRow } from '../readConfirmations/serialize.js';
import { reactionCounts } from './reactionCounts.js';

export interface StoredMention {
  personId: string;
  handle: string;
}

/** What posts and comments have alike: someone wrote a text, perhaps naming colleagues, perhaps edited later. */
const written = (r: Pick<PostsTable, 'id' | 'author_id' | 'body' | 'mentions' | 'created_at' | 'edited_at'>) => ({
  id: r.id,
  authorId: r.author_id,
  body: r.body,
  mentions: JSON.parse(r.mentions) as StoredMention[],
  createdAt: r.created_at,
  editedAt: r.edited_at,
});

export const postFromRow = (r: PostsTable): Post => ({
  ...written(r),
  groupId: r.group_id,
  hashtags: JSON.parse(r.hashtags) as string[],
  images: JSON.parse(r.images) as ImageRef[],
  ...videosOf(r.videos),
  pinned: r.pinned === 1,
  likeCount: r.like_count,
  commentCount: r.comment_count,
  readRequired: readRequirementFromRow(r),
  viewCount: Number(r.view_count ?? 0),
  // Only on polls, so every other post keeps the shape older clients know.
  ...(Number(r.poll ?? 0) === 1 ? { poll: true } : {}),
  ...(r.ends_at ? { endsAt: r.ends_at } : {}),
  reactions: reactionCounts(r),
  ...(Number(r.conversation_starter ?? 0) === 1 ? { conversationStarter: true } : {}),
  ...moderationMark(r),
});

/** `videos` only on a post that has any, so every other post keeps the shape older clients know. */
export const videosOf = (stored: string | null | undefined): { videos?: VideoRef[] } => (stored ? { videos: JSON.parse(stored) as VideoRef[] } : {});

export const commentFromRow = (r: CommentsTable): Comment => ({ ...written(r), postId: r.post_id, ...moderationMark(r) });
