import type { FastifyInstance } from 'fastify';
import type { Category } from '../../../common/src/api/entities.js';
import { routes } from '../../../common/src/api/routes.js';
import { mayModerate } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { forbidden } from '../http/apiError.js';
import { register } from '../http/register.js';
import { write } from '../sync/feed.js';

/**
 * The organisation's fixed categories. They are a list on the organisation, so the write announces
 * the organisation again and every client's cache (ward PCs included) has them for the composer and
 * the timeline filter, offline too. Free hashtags are untouched: a category is a hashtag with a colour.
 */
export function registerCategoryRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.setCategories, async ({ body, principal: p }) => {
    if (!mayModerate(p)) throw forbidden('Alleen redacteuren kunnen de categorieën instellen.');
    const items: Category[] = body.items;
    await write(ctx, p.tenantId, async (trx, changes) => {
      await trx.updateTable('organisations').set({ categories: JSON.stringify(items) }).where('tenant_id', '=', p.tenantId).execute();
      changes.add('organisation', p.tenantId, 'upsert', 'org');
    });
    return { items };
  });
}
