import type { ServerContext } from '../context.js';
import { contentScope } from '../groups/access.js';
import { write } from '../sync/feed.js';

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
        const posts = await trx
          .selectFrom('posts')
          .leftJoin('groups', (j) => j.onRef('groups.tenant_id', '=', 'posts.tenant_id').onRef('groups.id', '=', 'posts.group_id'))
          .select(['posts.id', 'groups.id as group_id', 'groups.visibility', 'groups.archived_at'])
          .where('posts.tenant_id', '=', tenantId)
          .where('posts.id', 'in', ids.slice(i, i + CHUNK))
          .execute();
        for (const r of posts) {
          changes.add('post', r.id, 'upsert', contentScope(r.group_id && r.visibility ? { id: r.group_id, visibility: r.visibility, archived_at: r.archived_at } : null));
        }
      }
      return pending.length;
    });
  }
  return published;
}
