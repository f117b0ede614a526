import type { Kysely } from 'kysely';
import type { ImageRef } from '../../../common/src/api/entities.js';
import type { PostView } from '../../../common/src/api/routes.js';
import type { ScheduledPost } from '../../../common/src/api/routes/scheduling.js';
import { parseHashtags } from '../../../common/src/text/hashtags.js';
import { hasRole, type Principal } from '../auth/principal.js';
import type { Database, ScheduledPostsTable } from '../db/schema.js';
import { canSeeGroupContent } from '../groups/access.js';
import type { Trx } from '../sync/feed.js';
import { attachImages } from '../timeline/images.js';
import { videosOf } from '../timeline/serialize.js';
import { attachVideos, storedVideos } from '../timeline/videos.js';
import { deletePostVideos } from '../videos/videoStore.js';

export const scheduledFromRow = (r: ScheduledPostsTable): ScheduledPost => ({
  id: r.id,
  authorId: r.author_id,
  groupId: r.group_id,
  body: r.body,
  images: JSON.parse(r.images) as ImageRef[],
  pinned: r.pinned === 1,
  publishAt: r.publish_at,
  endsAt: r.ends_at,
  createdAt: r.created_at,
});

/**
 * The answer to the request that scheduled a post: the post as it will look, dated at its time. Its
 * mentions are resolved when it is published (someone named may have left by then), so none yet.
 */
export const scheduledPostView = (r: ScheduledPostsTable): PostView => ({
  id: r.id,
  authorId: r.author_id,
  groupId: r.group_id,
  body: r.body,
  hashtags: parseHashtags(r.body),
  mentions: [],
  images: JSON.parse(r.images) as ImageRef[],
  ...videosOf(r.videos),
  pinned: r.pinned === 1,
  likeCount: 0,
  commentCount: 0,
  createdAt: r.publish_at,
  editedAt: null,
  likedByMe: false,
  scheduledFor: r.publish_at,
  ...(r.ends_at ? { endsAt: r.ends_at } : {}),
});

/**
 * Stores a post for later. Nothing goes into the change feed: the post does not exist for anyone
 * but its author and editors until the publishing job moves it into `posts`. Its photos are
 * attached to its id now, so the clean-up of stray uploads leaves them alone.
 */
export async function storeScheduledPost(
  trx: Trx,
  p: Principal,
  post: { id: string; groupId: string | null; body: string; imageIds: string[]; videoIds: string[]; pinned: boolean; publishAt: string; endsAt: string | null; now: string; photoConsentAt: string | null },
): Promise<ScheduledPostsTable> {
  const images = await attachImages(trx, p.tenantId, p.personId, post.id, post.imageIds);
  const videos = await attachVideos(trx, p.tenantId, p.personId, post.id, post.videoIds);
  const row: ScheduledPostsTable = {
    tenant_id: p.tenantId,
    id: post.id,
    author_id: p.personId,
    group_id: post.groupId,
    body: post.body,
    images: JSON.stringify(images),
    pinned: post.pinned ? 1 : 0,
    publish_at: post.publishAt,
    ends_at: post.endsAt,
    created_at: post.now,
    photo_consent_at: post.photoConsentAt,
    videos: storedVideos(videos),
  };
  await trx.insertInto('scheduled_posts').values(row).execute();
  return row;
}

/**
 * A scheduled post the caller may see: her own, or as editor any in a place she may read. Editors see
 * them so that the organisation's planned messages can be checked and taken back.
 */
export async function findScheduledPost(k: Kysely<Database> | Trx, p: Principal, id: string): Promise<ScheduledPostsTable | undefined> {
  return k
    .selectFrom('scheduled_posts')
    .selectAll()
    .where('tenant_id', '=', p.tenantId)
    .where('id', '=', id)
    .where((eb) => (hasRole(p, 'editor') ? canSeeGroupContent(p, 'scheduled_posts.group_id') : eb('author_id', '=', p.personId)))
    .executeTakeFirst();
}

export async function listScheduledPosts(k: Kysely<Database>, p: Principal): Promise<ScheduledPost[]> {
  let q = k.selectFrom('scheduled_posts').selectAll().where('tenant_id', '=', p.tenantId);
  q = hasRole(p, 'editor') ? q.where(canSeeGroupContent(p, 'scheduled_posts.group_id')) : q.where('author_id', '=', p.personId);
  const rows = await q.orderBy('publish_at').orderBy('id').limit(500).execute();
  return rows.map(scheduledFromRow);
}

/** Takes a scheduled post back with its photos; answers false when it was no longer waiting. */
export async function removeScheduledPost(trx: Trx, tenantId: string, id: string): Promise<boolean> {
  const gone = await trx.deleteFrom('scheduled_posts').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) return false;
  await trx.deleteFrom('images').where('tenant_id', '=', tenantId).where('post_id', '=', id).execute();
  await deletePostVideos(trx, tenantId, id);
  return true;
}
