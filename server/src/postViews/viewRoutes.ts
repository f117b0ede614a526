import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import type { ServerContext } from '../context.js';
import { register } from '../http/register.js';
import { recordViews } from './recordViews.js';

export function registerPostViewRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.recordPostViews, async ({ body, principal: p }) => ({ counts: await recordViews(ctx, p, body.postIds) }));
}
