import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { pagePersonKey } from '../../../common/src/api/sync.js';
import { requireRole } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { register } from '../http/register.js';
import { write } from '../sync/feed.js';
import { findPage } from './pages.js';
import { favouriteFromRow, feedbackFromRow } from './serialize.js';

/**
 * What a reader keeps of a page for herself: favourites and her answer to "Was dit nuttig?". Both
 * travel in the personal part of the change feed, to her alone, like her likes.
 */
export function registerReaderRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.favouritePage, async ({ params, principal: p }) => {
    const page = await findPage(ctx.k, p.tenantId, params.id);
    await write(ctx, p.tenantId, async (trx, changes) => {
      const added = await trx
        .insertInto('kb_favourites')
        .values({ tenant_id: p.tenantId, page_id: page.id, person_id: p.personId, created_at: ctx.now().toISOString() })
        .onConflict((oc) => oc.columns(['tenant_id', 'page_id', 'person_id']).doNothing())
        .returning('page_id')
        .executeTakeFirst();
      if (added) changes.add('favourite', pagePersonKey(page.id, p.personId), 'upsert', `person:${p.personId}`);
    });
    return { favourite: true as const };
  });

  register(app, ctx, routes.unfavouritePage, async ({ params, principal: p }) => {
    const page = await findPage(ctx.k, p.tenantId, params.id);
    await write(ctx, p.tenantId, async (trx, changes) => {
      const removed = await trx
        .deleteFrom('kb_favourites')
        .where('tenant_id', '=', p.tenantId)
        .where('page_id', '=', page.id)
        .where('person_id', '=', p.personId)
        .returning('page_id')
        .executeTakeFirst();
      if (removed) changes.add('favourite', pagePersonKey(page.id, p.personId), 'delete', `person:${p.personId}`);
    });
    return { favourite: false as const };
  });

  register(app, ctx, routes.listFavourites, async ({ principal: p }) => ({
    items: (
      await ctx.k.selectFrom('kb_favourites').selectAll().where('tenant_id', '=', p.tenantId).where('person_id', '=', p.personId).orderBy('created_at', 'desc').orderBy('page_id').execute()
    ).map(favouriteFromRow),
  }));

  register(app, ctx, routes.setPageFeedback, async ({ params, body, principal: p }) => {
    const page = await findPage(ctx.k, p.tenantId, params.id);
    const answer = { helpful: body.helpful ? 1 : 0, comment: body.comment ?? null, updated_at: ctx.now().toISOString() };
    await write(ctx, p.tenantId, async (trx, changes) => {
      await trx
        .insertInto('kb_feedback')
        .values({ tenant_id: p.tenantId, page_id: page.id, person_id: p.personId, ...answer })
        .onConflict((oc) => oc.columns(['tenant_id', 'page_id', 'person_id']).doUpdateSet(answer))
        .execute();
      changes.add('pageFeedback', pagePersonKey(page.id, p.personId), 'upsert', `person:${p.personId}`);
    });
    return feedbackFromRow({ tenant_id: p.tenantId, page_id: page.id, person_id: p.personId, ...answer });
  });

  register(app, ctx, routes.getPageFeedback, async ({ params, principal: p }) => {
    requireRole(p, 'editor');
    const page = await findPage(ctx.k, p.tenantId, params.id);
    const rows = await ctx.k.selectFrom('kb_feedback').select(['helpful', 'comment', 'updated_at']).where('tenant_id', '=', p.tenantId).where('page_id', '=', page.id).orderBy('updated_at', 'desc').execute();
    return {
      yes: rows.filter((r) => r.helpful === 1).length,
      no: rows.filter((r) => r.helpful === 0).length,
      // Remarks without who made them: the count and the words are what an editor needs.
      remarks: rows.flatMap((r) => (r.comment ? [{ helpful: r.helpful === 1, comment: r.comment, updatedAt: r.updated_at }] : [])),
    };
  });
}
