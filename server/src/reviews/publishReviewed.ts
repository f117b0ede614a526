import type { ImageRef } from '../../../common/src/api/entities.js';
import type { ServerContext } from '../context.js';
import type { PostReviewsTable } from '../db/schema.js';
import { authorOf, placeOf } from '../scheduling/publishDue.js';
import { countServerEvent } from '../stats/serverEvents.js';
import type { ChangeCollector, Trx } from '../sync/feed.js';
import { resolveMentions } from '../timeline/notifications.js';
import { insertPost, notifyMentioned } from '../timeline/postRoutes.js';

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
  const author = await authorOf(trx, row);
  const place = await placeOf(trx, row);
  if (!author || place === 'gone') {
    // Her group was archived or removed, or she left it: the post would appear where she can no
    // longer write. It is dropped with its photos, as a scheduled post is.
    await trx.deleteFrom('images').where('tenant_id', '=', r.tenantId).where('post_id', '=', r.id).execute();
    return true;
  }
  const at = ctx.now();
  const mentions = await resolveMentions(trx, r.tenantId, r.body);
  await insertPost(trx, author, {
    id: row.id,
    groupId: row.group_id,
    body: r.body,
    mentions,
    images: JSON.parse(row.images) as ImageRef[],
    pinned: false,
    at: at.toISOString(),
    poll: false,
  });
  changes.add('post', row.id, 'upsert', place);
  await notifyMentioned(trx, changes, author, { postId: row.id, commentId: null, groupId: row.group_id, mentions, previous: [], now: at });
  await countServerEvent(trx, author, { id: row.id, kind: 'post', at, groupId: row.group_id });
  return true;
}
