import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { requireRole } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { write } from '../sync/feed.js';
import { diffLines } from './diff.js';
import { findPage, pageView } from './pages.js';
import { saveContent } from './pageRoutes.js';

/**
 * A page's history, for editors: an earlier version may hold what was taken out on purpose (a wrong
 * dose, a name), so readers see only the current one.
 */
export function registerVersionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const versionOf = async (tenantId: string, pageId: string, version: number) => {
    const row = await ctx.k
      .selectFrom('kb_page_versions')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('page_id', '=', pageId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) throw notFound('Deze versie van de pagina bestaat niet.');
    return row;
  };

  register(app, ctx, routes.listPageVersions, async ({ params, principal: p }) => {
    requireRole(p, 'editor');
    const page = await findPage(ctx.k, p.tenantId, params.id);
    const rows = await ctx.k
      .selectFrom('kb_page_versions')
      .select(['version', 'title', 'saved_by', 'saved_at'])
      .where('tenant_id', '=', p.tenantId)
      .where('page_id', '=', page.id)
      .orderBy('version', 'desc')
      .execute();
    return { items: rows.map((r) => ({ version: r.version, title: r.title, savedBy: r.saved_by, savedAt: r.saved_at })) };
  });

  register(app, ctx, routes.getPageVersion, async ({ params, principal: p }) => {
    requireRole(p, 'editor');
    const page = await findPage(ctx.k, p.tenantId, params.id);
    const r = await versionOf(p.tenantId, page.id, params.version);
    return { version: r.version, title: r.title, body: r.body, savedBy: r.saved_by, savedAt: r.saved_at };
  });

  register(app, ctx, routes.diffPageVersions, async ({ params, query, principal: p }) => {
    requireRole(p, 'editor');
    const page = await findPage(ctx.k, p.tenantId, params.id);
    const to = query.to ?? page.version;
    const [a, b] = [await versionOf(p.tenantId, page.id, query.from), await versionOf(p.tenantId, page.id, to)];
    return { from: a.version, to: b.version, title: { from: a.title, to: b.title }, lines: diffLines(a.body, b.body) };
  });

  register(app, ctx, routes.restorePageVersion, async ({ params, principal: p }) => {
    requireRole(p, 'editor');
    const page = await findPage(ctx.k, p.tenantId, params.id);
    const old = await versionOf(p.tenantId, page.id, params.version);
    await write(ctx, p.tenantId, (trx, changes) => saveContent(trx, changes, p.tenantId, page, { title: old.title, body: old.body }, p.personId, ctx.now()));
    return pageView(ctx.k, p, await findPage(ctx.k, p.tenantId, page.id));
  });
}
