import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { requireRole } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { ApiError, notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { write } from '../sync/feed.js';
import { closeGap, LAST, placeAt, QUICK_LINKS } from './positions.js';
import { quickLinkFromRow } from './serialize.js';

/** "Snel regelen": shortcuts to a page or a web address, in an order editors choose. */
export function registerQuickLinkRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const find = async (tenantId: string, id: string) => {
    const row = await ctx.k.selectFrom('kb_quick_links').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Deze snelkoppeling bestaat niet (meer).');
    return row;
  };
  /** Exactly one of a page of this organisation and a web address. */
  const target = async (tenantId: string, pageId: string | null, url: string | null) => {
    if ((pageId === null) === (url === null)) {
      throw new ApiError('validation', 'Kies een pagina of vul een link in, niet allebei.', [{ path: 'body.pageId', message: 'Kies een pagina of een link.' }]);
    }
    if (pageId !== null) {
      const page = await ctx.k.selectFrom('kb_pages').select('id').where('tenant_id', '=', tenantId).where('id', '=', pageId).executeTakeFirst();
      if (!page) throw new ApiError('validation', 'Deze pagina bestaat niet (meer).', [{ path: 'body.pageId', message: 'Kies een bestaande pagina.' }]);
    }
  };

  register(app, ctx, routes.listQuickLinks, async ({ principal: p }) => ({
    items: (await ctx.k.selectFrom('kb_quick_links').selectAll().where('tenant_id', '=', p.tenantId).orderBy('position').orderBy('id').execute()).map(quickLinkFromRow),
  }));

  register(app, ctx, routes.createQuickLink, async ({ body, principal: p }) => {
    requireRole(p, 'editor');
    const pageId = body.pageId ?? null;
    const url = body.url ?? null;
    await target(p.tenantId, pageId, url);
    const id = uuidv7(ctx.now().getTime());
    await write(ctx, p.tenantId, async (trx, changes) => {
      await trx.insertInto('kb_quick_links').values({ tenant_id: p.tenantId, id, title: body.title, page_id: pageId, url, icon: body.icon, position: LAST }).execute();
      for (const moved of await placeAt(trx, QUICK_LINKS, p.tenantId, null, id, body.position)) changes.add('quickLink', moved, 'upsert', 'org');
      changes.add('quickLink', id, 'upsert', 'org');
    });
    return quickLinkFromRow(await find(p.tenantId, id));
  });

  register(app, ctx, routes.updateQuickLink, async ({ params, body, principal: p }) => {
    requireRole(p, 'editor');
    const link = await find(p.tenantId, params.id);
    const pageId = body.pageId !== undefined ? body.pageId : body.url ? null : link.page_id;
    const url = body.url !== undefined ? body.url : body.pageId ? null : link.url;
    await target(p.tenantId, pageId, url);
    await write(ctx, p.tenantId, async (trx, changes) => {
      await trx
        .updateTable('kb_quick_links')
        .set({ title: body.title ?? link.title, icon: body.icon ?? link.icon, page_id: pageId, url })
        .where('tenant_id', '=', p.tenantId)
        .where('id', '=', link.id)
        .execute();
      if (body.position !== undefined) for (const moved of await placeAt(trx, QUICK_LINKS, p.tenantId, null, link.id, body.position)) changes.add('quickLink', moved, 'upsert', 'org');
      changes.add('quickLink', link.id, 'upsert', 'org');
    });
    return quickLinkFromRow(await find(p.tenantId, link.id));
  });

  register(app, ctx, routes.deleteQuickLink, async ({ params, principal: p }) => {
    requireRole(p, 'editor');
    const link = await find(p.tenantId, params.id);
    await write(ctx, p.tenantId, async (trx, changes) => {
      await trx.deleteFrom('kb_quick_links').where('tenant_id', '=', p.tenantId).where('id', '=', link.id).execute();
      for (const moved of await closeGap(trx, QUICK_LINKS, p.tenantId, null)) changes.add('quickLink', moved, 'upsert', 'org');
      changes.add('quickLink', link.id, 'delete', 'org');
    });
    return { ok: true as const };
  });
}
