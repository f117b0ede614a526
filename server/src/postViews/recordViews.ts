import { deviceKindOf, type Principal } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { canSeeGroupContent } from '../groups/access.js';
import { queueActivity } from '../stats/record.js';

/**
 * Records that one person saw these posts, in one transaction: a viewer row per post she had not seen
 * (the key turns a repeat into nothing), the post's count raised once for each of those, and the post
 * marked for the next publication of counts. No change-feed seq is taken here, so views never queue
 * behind the tenant's feed lock; `publishViewCounts` brings the counts into the feed. Answers the
 * current counts of the posts she may see.
 */
export async function recordViews(ctx: ServerContext, p: Principal, postIds: readonly string[]): Promise<{ postId: string; viewCount: number }[]> {
  const unique = [...new Set(postIds)];
  const now = ctx.now().toISOString();
  return ctx.k.transaction().execute(async (trx) => {
    const visible = await trx
      .selectFrom('posts')
      .select('id')
      .where('tenant_id', '=', p.tenantId)
      .where('id', 'in', unique)
      .where(canSeeGroupContent(p, 'posts.group_id'))
      .execute();
    if (visible.length === 0) return [];
    const ids = visible.map((r) => r.id);
    const added = await trx
      .insertInto('post_views')
      .values(ids.map((id) => ({ tenant_id: p.tenantId, post_id: id, person_id: p.personId, viewed_at: now })))
      .onConflict((oc) => oc.columns(['tenant_id', 'post_id', 'person_id']).doNothing())
      .returning('post_id')
      .execute();
    const seen = added.map((r) => r.post_id);
    if (seen.length > 0) {
      // A first view is what the statistics count too (once per person and post), under an id of its own so a retried batch adds nothing.
      const deviceKind = deviceKindOf(p);
      const at = new Date(now);
      await queueActivity(
        trx,
        p.tenantId,
        seen.map((id) => ({ id: `view:${id}:${p.personId}`, kind: 'post_view', personId: p.personId, at, deviceKind, subjects: [{ type: 'post', id }] })),
      );
      await trx
        .updateTable('posts')
        .set((eb) => ({ view_count: eb('view_count', '+', 1) }))
        .where('tenant_id', '=', p.tenantId)
        .where('id', 'in', seen)
        .execute();
      await trx
        .insertInto('post_view_pending')
        .values(seen.map((id) => ({ tenant_id: p.tenantId, post_id: id })))
        .onConflict((oc) => oc.columns(['tenant_id', 'post_id']).doNothing())
        .execute();
    }
    const counts = await trx.selectFrom('posts').select(['id', 'view_count']).where('tenant_id', '=', p.tenantId).where('id', 'in', ids).execute();
    return counts.map((r) => ({ postId: r.id, viewCount: Number(r.view_count ?? 0) }));
  });
}
