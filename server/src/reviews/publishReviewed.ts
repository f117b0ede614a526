import type { ServerContext } from '../context.js';
import type { PostReviewsTable } from '../db/schema.js';
import type { ChangeCollector, Trx } from '../sync/feed.js';
import { publishHeld } from '../timeline/heldPosts.js';

/**
 * Takes a draft out of review and publishes it with `body`, with its hashtags, mentions, statistics
 * and feed row, inside the caller's write. The row is deleted first, only while its status is one of
 * `from`, and only the write that deleted it goes on: two coaches approving at the same moment (or a
 * coach approving while the author posts) publish it once. Answers false when another write was first.
 */
export async function publishReviewed(
  ctx: ServerContext,
  trx: Trx,
  changes: ChangeCollector,
  r: { tenantId: string; id: string; body: string; from: string[] },
): Promise<boolean> {
  const row: PostReviewsTable | undefined = await trx
    .deleteFrom('post_reviews')
    .where('tenant_id', '=', r.tenantId)
    .where('id', '=', r.id)
    .where('status', 'in', r.from)
    .returningAll()
    .executeTakeFirst();
  if (!row) return false;
  await trx.deleteFrom('post_review_notes').where('tenant_id', '=', r.tenantId).where('review_id', '=', r.id).execute();
  await publishHeld(ctx, trx, changes, { ...row, body: r.body, pinned: false, ends_at: null, photo_consent_at: row.photo_consent_at ?? null });
  return true;
}
