import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import type { Principal } from '../auth/principal.js';
import type { FeedContext } from '../sync/feed.js';
import type { ServerContext } from '../context.js';
import { register } from '../http/register.js';
import { setReaction } from './reactions.js';

export function registerLikeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.likePost, async ({ params, principal: p }) => {
    const likeCount = await setLike(ctx, p, params.id, true);
    return { likeCount, likedByMe: true as const };
  });
  register(app, ctx, routes.unlikePost, async ({ params, principal: p }) => {
    const likeCount = await setLike(ctx, p, params.id, false);
    return { likeCount, likedByMe: false as const };
  });
  register(app, ctx, routes.setReaction, async ({ params, body, principal: p }) => setReaction(ctx, p, params.id, body.kind));
  register(app, ctx, routes.removeReaction, async ({ params, principal: p }) => setReaction(ctx, p, params.id, null));
}

/** A like is the reaction 'like'; taking back a like takes back her reaction, whatever its kind. Answers the total. */
export async function setLike(ctx: FeedContext, p: Principal, postId: string, liked: boolean): Promise<number> {
  return (await setReaction(ctx, p, postId, liked ? 'like' : null)).likeCount;
}
