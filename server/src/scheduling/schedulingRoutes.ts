import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import type { ServerContext } from '../context.js';
import { register } from '../http/register.js';
import { bestPostingSlot } from './bestTime.js';
import { listScheduledPosts } from './scheduledPosts.js';

/** "Gepland" and the composer's tip; scheduling itself is `POST /v1/posts` with `publishAt`. */
export function registerSchedulingRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.listScheduledPosts, async ({ principal: p }) => ({ items: await listScheduledPosts(ctx.k, p) }));
  register(app, ctx, routes.bestPostingTime, async ({ principal: p }) => ({ slot: await bestPostingSlot(ctx.k, p.tenantId, ctx.now()) }));
}
