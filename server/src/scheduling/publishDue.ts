import type { ServerContext } from '../context.js';
import { write } from '../sync/feed.js';
import { publishHeld } from '../timeline/heldPosts.js';

/** Posts published per run; the rest follow at the next run, a few seconds later. */
const BATCH = 500;

/**
 * Publishes every scheduled post whose time has come, by the server's clock, each in one write: it
 * leaves `scheduled_posts` and enters `posts` with its hashtags, mentions, notifications, statistics
 * and change-feed row together, so before that write nothing of it reaches a sync, search, stream or
 * notification, and after it everything does. The row is deleted first and only the write that
 * deleted it goes on, so two nodes (or a run that overlaps the last) publish a post once. It is a
 * row in the database, not a timer, so a restart loses nothing: the first run after it publishes
 * what fell due meanwhile. Answers how many posts were published.
 */
export async function publishDuePosts(ctx: ServerContext): Promise<number> {
  const now = ctx.now();
  const due = await ctx.k
    .selectFrom('scheduled_posts')
    .select(['tenant_id', 'id'])
    .where('publish_at', '<=', now.toISOString())
    .orderBy('publish_at')
    .orderBy('id')
    .limit(BATCH)
    .execute();
  let published = 0;
  const failures: unknown[] = [];
  for (const d of due) {
    try {
      if (await publishOne(ctx, d.tenant_id, d.id)) published++;
    } catch (err) {
      // One post that cannot go must not hold up the others (or other organisations').
      failures.push(err);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} scheduled post(s) could not be published`);
  return published;
}

function publishOne(ctx: ServerContext, tenantId: string, id: string): Promise<boolean> {
  return write(ctx, tenantId, async (trx, changes) => {
    const row = await trx.deleteFrom('scheduled_posts').where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) return false;
    const held = { ...row, pinned: row.pinned === 1, photo_consent_at: row.photo_consent_at ?? null };
    return (await publishHeld(ctx, trx, changes, held)) === 'published';
  });
}
