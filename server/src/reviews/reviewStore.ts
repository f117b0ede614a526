import type { Kysely } from 'kysely';
import type { ImageRef } from '../../../common/src/api/entities.js';
import type { PostView } from '../../../common/src/api/routes.js';
import type { PostReview, ReviewNote, ReviewStatus } from '../../../common/src/api/routes/reviews.js';
import { parseHashtags } from '../../../common/src/text/hashtags.js';
import { hasRole, type Principal } from '../auth/principal.js';
import type { Database, PostReviewNotesTable, PostReviewsTable } from '../db/schema.js';
import { canSeeGroupContent } from '../groups/access.js';
import { notFound } from '../http/apiError.js';
import type { Trx } from '../sync/feed.js';
import { attachImages } from '../timeline/images.js';
import { videosOf } from '../timeline/serialize.js';
import { attachVideos, storedVideos } from '../timeline/videos.js';

type Db = Kysely<Database> | Trx;

/**
 * Coaches and editors look at drafts and approve posts, with their own session: a delivery grant
 * acts as an employee, so it may not.
 */
export const mayReview = (p: Principal) => p.via === 'session' && (hasRole(p, 'coach') || hasRole(p, 'editor'));

/** Whether the caller's new post in this place waits for approval: coaches and editors never wait. */
export async function approvalRequired(k: Db, p: Principal, groupId: string | null): Promise<boolean> {
  if (hasRole(p, 'coach') || hasRole(p, 'editor')) return false;
  const org = await k.selectFrom('organisations').select('post_approval').where('tenant_id', '=', p.tenantId).executeTakeFirst();
  if (org?.post_approval === 1) return true;
  if (!groupId) return false;
  const group = await k.selectFrom('groups').select('post_approval').where('tenant_id', '=', p.tenantId).where('id', '=', groupId).executeTakeFirst();
  return group?.post_approval === 1;
}

const noteFromRow = (r: PostReviewNotesTable): ReviewNote => ({
  id: r.id,
  authorId: r.author_id,
  kind: r.kind as ReviewNote['kind'],
  body: r.body,
  createdAt: r.created_at,
});

async function withNotes(k: Db, tenantId: string, rows: PostReviewsTable[]): Promise<PostReview[]> {
  if (rows.length === 0) return [];
  const notes = await k
    .selectFrom('post_review_notes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(
      'review_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    authorId: r.author_id,
    groupId: r.group_id,
    body: r.body,
    images: JSON.parse(r.images) as ImageRef[],
    status: r.status as ReviewStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    notes: notes.filter((n) => n.review_id === r.id).map(noteFromRow),
  }));
}

/** The answer to the request that sent a post to a coach: the post as it would look, marked so. */
export const reviewPostView = (r: PostReviewsTable): PostView => ({
  id: r.id,
  authorId: r.author_id,
  groupId: r.group_id,
  body: r.body,
  hashtags: parseHashtags(r.body),
  mentions: [],
  images: JSON.parse(r.images) as ImageRef[],
  ...videosOf(r.videos),
  pinned: false,
  likeCount: 0,
  commentCount: 0,
  createdAt: r.created_at,
  editedAt: null,
  likedByMe: false,
  review: r.status === 'approval' ? 'approval' : 'look',
});

/**
 * Stores a draft for a coach, or a post that waits for approval. Nothing goes into the change feed:
 * it exists for nobody but its author, coaches and editors. Its photos are attached to its id now,
 * so the clean-up of stray uploads leaves them alone.
 */
export async function storeReview(
  trx: Trx,
  p: Principal,
  post: { id: string; groupId: string | null; body: string; imageIds: string[]; videoIds: string[]; status: 'look' | 'approval'; now: string; photoConsentAt: string | null },
): Promise<PostReviewsTable> {
  const images = await attachImages(trx, p.tenantId, p.personId, post.id, post.imageIds);
  const videos = await attachVideos(trx, p.tenantId, p.personId, post.id, post.videoIds);
  const row: PostReviewsTable = {
    tenant_id: p.tenantId,
    id: post.id,
    author_id: p.personId,
    group_id: post.groupId,
    body: post.body,
    images: JSON.stringify(images),
    status: post.status,
    created_at: post.now,
    updated_at: post.now,
    photo_consent_at: post.photoConsentAt,
    videos: storedVideos(videos),
  };
  await trx.insertInto('post_reviews').values(row).execute();
  return row;
}

/** A review the caller may see: her own, or as coach or editor any in a place she may read; else 404. */
export async function visibleReview(k: Db, p: Principal, id: string): Promise<PostReviewsTable> {
  const row = await k
    .selectFrom('post_reviews')
    .selectAll()
    .where('tenant_id', '=', p.tenantId)
    .where('id', '=', id)
    .where((eb) => (mayReview(p) ? eb.or([eb('author_id', '=', p.personId), canSeeGroupContent(p, 'post_reviews.group_id')]) : eb('author_id', '=', p.personId)))
    .executeTakeFirst();
  if (!row) throw notFound('Dit concept bestaat niet (meer).');
  return row;
}

export const reviewWithNotes = async (k: Db, row: PostReviewsTable): Promise<PostReview> => (await withNotes(k, row.tenant_id, [row]))[0]!;

export async function listMyReviews(k: Db, p: Principal): Promise<PostReview[]> {
  const rows = await k
    .selectFrom('post_reviews')
    .selectAll()
    .where('tenant_id', '=', p.tenantId)
    .where('author_id', '=', p.personId)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return withNotes(k, p.tenantId, rows);
}

/** What waits for a coach: drafts nobody answered yet and posts waiting for approval, oldest first. */
export async function listReviewQueue(k: Db, p: Principal): Promise<PostReview[]> {
  const rows = await k
    .selectFrom('post_reviews')
    .selectAll()
    .where('tenant_id', '=', p.tenantId)
    .where('status', 'in', ['look', 'approval'])
    .where(canSeeGroupContent(p, 'post_reviews.group_id'))
    .orderBy('updated_at')
    .orderBy('id')
    .limit(500)
    .execute();
  return withNotes(k, p.tenantId, rows);
}
