import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { likeKey } from '../../../common/src/api/sync.js';
import { routes } from '../../../common/src/api/routes.js';
import type { Principal } from '../auth/principal.js';
import { countServerEvent } from '../stats/serverEvents.js';
import { write, type FeedContext } from '../sync/feed.js';
import type { ServerContext } from '../context.js';
import { register } from '../http/register.js';
import { scopeOfGroup } from './postRoutes.js';
import { visiblePost } from './queries.js';

export function registerLikeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.likePost, async ({ params, principal: p }) => {
    const likeCount = await setLike(ctx, p, params.id, true);
    return { likeCount, likedByMe: true as const };
  });
  register(app, ctx, routes.unlikePost, async ({ params, principal: p }) => {
    const likeCount = await setLike(ctx, p, params.id, false);
    return { likeCount, likedByMe: false as const };
  });
}

/** Likes are a set: liking twice or unliking what was never liked changes nothing and writes no change. */
export async function setLike(ctx: FeedContext, p: Principal, postId: string, liked: boolean): Promise<number> {
  const post = await visiblePost(ctx.k, p, postId);
  return write(ctx, p.tenantId, async (trx, changes) => {
    const changed = liked
      ? await trx
          .insertInto('likes')
          .values({ tenant_id: p.tenantId, post_id: post.id, person_id: p.personId, created_at: ctx.now().toISOString() })
          .onConflict((oc) => oc.columns(['tenant_id', 'post_id', 'person_id']).doNothing())
          .returning('post_id')
          .executeTakeFirst()
      : await trx
          .deleteFrom('likes')
          .where('tenant_id', '=', p.tenantId)
          .where('post_id', '=', post.id)
          .where('person_id', '=', p.personId)
          .returning('post_id')
          .executeTakeFirst();
    if (changed) {
      await trx
        .updateTable('posts')
        .set({ like_count: sql`like_count + ${liked ? 1 : -1}` })
        .where('tenant_id', '=', p.tenantId)
        .where('id', '=', post.id)
        .execute();
      changes.add('post', post.id, 'upsert', await scopeOfGroup(trx, p.tenantId, post.group_id));
      changes.add('like', likeKey(post.id, p.personId), liked ? 'upsert' : 'delete', `person:${p.personId}`);
      // A like counts once per post and person, however often it is taken back and given again.
      if (liked) await countServerEvent(trx, p, { id: `like:${post.id}:${p.personId}`, kind: 'reaction', at: ctx.now(), postId: post.id, groupId: post.group_id });
    }
    const row = await trx.selectFrom('posts').select('like_count').where('tenant_id', '=', p.tenantId).where('id', '=', post.id).executeTakeFirstOrThrow();
    return row.like_count;
  });
}
