import type { ServerContext } from '../context.js';
import { write } from '../sync/feed.js';
import { postScopes } from '../timeline/queries.js';

/**
 * A poll that closes changes without a write (its counts become everyone's), so this announces each
 * poll whose closing time has passed, once: the mark is set in the write that announces it, and a
 * second node running at the same time finds nothing left to announce. Answers how many polls.
 */
export async function announceClosedPolls(ctx: ServerContext): Promise<number> {
  const now = ctx.now().toISOString();
  const due = await ctx.k.selectFrom('polls').select(['tenant_id', 'post_id']).where('close_announced', '=', 0).where('closes_at', '<=', now).execute();
  const byTenant = new Map<string, string[]>();
  for (const r of due) byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), r.post_id]);
  let announced = 0;
  for (const [tenantId, ids] of byTenant) {
    announced += await write(ctx, tenantId, async (trx, changes) => {
      const claimed = await trx
        .updateTable('polls')
        .set({ close_announced: 1 })
        .where('tenant_id', '=', tenantId)
        .where('post_id', 'in', ids)
        .where('close_announced', '=', 0)
        .returning('post_id')
        .execute();
      if (claimed.length === 0) return 0;
      const scopes = await postScopes(
        trx,
        tenantId,
        claimed.map((c) => c.post_id),
      );
      for (const [id, scope] of scopes) changes.add('poll', id, 'upsert', scope);
      return claimed.length;
    });
  }
  return announced;
}
