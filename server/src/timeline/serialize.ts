import type { Comment, ImageRef, Post } from '../../../common/src/api/entities.js';
import type { CommentsTable, PostsTable } from '../db/schema.js';

export interface StoredMention {
  personId: string;
  handle: string;
}

export const postFromRow = (r: PostsTable): Post => ({
  id: r.id,
  authorId: r.author_id,
  groupId: r.group_id,
  body: r.body,
  hashtags: JSON.parse(r.hashtags) as string[],
  mentions: JSON.parse(r.mentions) as StoredMention[],
  images: JSON.parse(r.images) as ImageRef[],
  pinned: r.pinned === 1,
  likeCount: r.like_count,
  commentCount: r.comment_count,
  createdAt: r.created_at,
  editedAt: r.edited_at,
});

export const commentFromRow = (r: CommentsTable): Comment => ({
  id: r.id,
  postId: r.post_id,
  authorId: r.author_id,
  body: r.body,
  mentions: JSON.parse(r.mentions) as StoredMention[],
  createdAt: r.created_at,
  editedAt: r.edited_at,
});
