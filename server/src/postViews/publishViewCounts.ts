import type { ServerContext } from '../context.js';
import { write } from '../sync/feed.js';
import { postScopes } from '../timeline/queries.js';

const CHUNK = 400;

/**
 * Brings changed view counts into the change feed: per organisation one write that takes the posts
 * marked since the last run, appends an upsert for each (in the post's own scope) and clears the marks.
 * So a thousand views a second cost each device at most one pull per run, not one per view. Safe on
 * many nodes at once: a mark is cleared in the write that publishes it, and a second node finds none.
 */
export async function publishViewCounts(ctx: ServerContext): Promise<number> {
  const tenants = await ctx.k.selectFrom('post_view_pending').select('tenant_id').distinct().execute();
  let published = 0;
  for (const { tenant_id: tenantId } of tenants) {
    published += await write(ctx, tenantId, async (trx, changes) => {
      const pending = await trx
        .deleteFrom('post_view_pending')
        .where('tenant_id', '=', tenantId)
        .returning('post_id')
        .execute();
      const ids = pending.map((r) => r.post_id);
      for (let i = 0; i < ids.length; i += CHUNK) {
        // A post deleted since it was seen has nothing to publish; its own tombstone went out already.
        for (const [id, scope] of await postScopes(trx, tenantId, ids.slice(i, i + CHUNK))) changes.add('post', id, 'upsert', scope);
      }
      return pending.length;
    });
  }
  return published;
}
