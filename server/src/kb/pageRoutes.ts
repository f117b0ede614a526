import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { pagePersonKey } from '../../../common/src/api/sync.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { amsterdamDay } from '../auth/pinPolicy.js';
import { requireRole } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';
import { register } from '../http/register.js';
import { indexDocument, removeDocument } from '../search/indexer.js';
import { pageIndexable } from '../search/sources.js';
import { write, type ChangeCollector, type Trx } from '../sync/feed.js';
import { existingOwner, existingSection, findPage, pageView } from './pages.js';
import { closeGap, LAST, PAGES, placeAt } from './positions.js';

const YEAR_MS = 365 * 86_400_000;
/** Where a new page waits until placeAt gives it and its siblings their numbers. */
export function registerPageRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.createPage, async ({ body, principal: p }) => {
    requireRole(p, 'editor');
    const sectionId = body.sectionId ?? null;
    await existingSection(ctx.k, p.tenantId, sectionId, 'body.sectionId');
    const ownerId = body.ownerId === undefined ? p.personId : body.ownerId;
    await existingOwner(ctx.k, p.tenantId, ownerId);
    const now = ctx.now();
    const at = now.toISOString();
    const id = uuidv7(now.getTime());
    const row = {
      tenant_id: p.tenantId,
      id,
      section_id: sectionId,
      title: body.title,
      body: body.body,
      position: LAST,
      owner_id: ownerId,
      // Unless told otherwise, a page is looked at again a year after it was written.
      review_date: body.reviewDate === undefined ? amsterdamDay(new Date(now.getTime() + YEAR_MS)) : body.reviewDate,
      review_noticed_for: null,
      version: 1,
      created_at: at,
      updated_at: at,
      updated_by: p.personId,
    };
    await write(ctx, p.tenantId, async (trx, changes) => {
      await trx.insertInto('kb_pages').values(row).execute();
      await trx.insertInto('kb_page_versions').values({ tenant_id: p.tenantId, page_id: id, version: 1, title: row.title, body: row.body, saved_by: p.personId, saved_at: at }).execute();
      announce(changes, await placeAt(trx, PAGES, p.tenantId, sectionId, id, body.position));
      changes.add('page', id, 'upsert', 'org');
      await indexDocument(trx, p.tenantId, pageIndexable(row));
    });
    return pageView(ctx.k, p, await findPage(ctx.k, p.tenantId, id));
  });

  register(app, ctx, routes.getPage, async ({ params, principal: p }) => pageView(ctx.k, p, await findPage(ctx.k, p.tenantId, params.id)));

  register(app, ctx, routes.updatePage, async ({ params, body, principal: p }) => {
    requireRole(p, 'editor');
    const page = await findPage(ctx.k, p.tenantId, params.id);
    if (body.baseVersion !== undefined && body.baseVersion !== page.version) {
      throw new ApiError('conflict', 'Iemand anders heeft deze pagina intussen bewaard. Open hem opnieuw en breng je wijziging dan aan.');
    }
    if (body.sectionId !== undefined) await existingSection(ctx.k, p.tenantId, body.sectionId, 'body.sectionId');
    if (body.ownerId !== undefined) await existingOwner(ctx.k, p.tenantId, body.ownerId);
    await write(ctx, p.tenantId, async (trx, changes) => {
      await saveContent(trx, changes, p.tenantId, page, { title: body.title ?? page.title, body: body.body ?? page.body }, p.personId, ctx.now());
      const details: { owner_id?: string | null; review_date?: string | null } = {};
      if (body.ownerId !== undefined) details.owner_id = body.ownerId;
      if (body.reviewDate !== undefined) details.review_date = body.reviewDate;
      if (Object.keys(details).length > 0) await trx.updateTable('kb_pages').set(details).where('tenant_id', '=', p.tenantId).where('id', '=', page.id).execute();
      const sectionId = body.sectionId === undefined ? page.section_id : body.sectionId;
      if (sectionId !== page.section_id) {
        await trx.updateTable('kb_pages').set({ section_id: sectionId }).where('tenant_id', '=', p.tenantId).where('id', '=', page.id).execute();
        announce(changes, await closeGap(trx, PAGES, p.tenantId, page.section_id));
        announce(changes, await placeAt(trx, PAGES, p.tenantId, sectionId, page.id, body.position));
      } else if (body.position !== undefined) {
        announce(changes, await placeAt(trx, PAGES, p.tenantId, sectionId, page.id, body.position));
      }
      changes.add('page', page.id, 'upsert', 'org');
    });
    return pageView(ctx.k, p, await findPage(ctx.k, p.tenantId, page.id));
  });

  register(app, ctx, routes.deletePage, async ({ params, principal: p }) => {
    requireRole(p, 'editor');
    const page = await findPage(ctx.k, p.tenantId, params.id);
    await write(ctx, p.tenantId, (trx, changes) => deletePageRows(trx, changes, p.tenantId, page.id, page.section_id));
    return { ok: true as const };
  });
}

/** Announces siblings whose position changed: each is a page upsert in the shared feed. */
export function announce(changes: ChangeCollector, pageIds: string[]): void {
  for (const id of pageIds) changes.add('page', id, 'upsert', 'org');
}

/**
 * Saves a title and text as the page's next version (with who and when) and indexes it for search in
 * the same transaction; nothing happens when neither changed.
 */
export async function saveContent(
  trx: Trx,
  changes: ChangeCollector,
  tenantId: string,
  page: { id: string; title: string; body: string; version: number },
  next: { title: string; body: string },
  by: string,
  now: Date,
): Promise<boolean> {
  if (next.title === page.title && next.body === page.body) return false;
  const at = now.toISOString();
  const version = page.version + 1;
  await trx.insertInto('kb_page_versions').values({ tenant_id: tenantId, page_id: page.id, version, title: next.title, body: next.body, saved_by: by, saved_at: at }).execute();
  await trx
    .updateTable('kb_pages')
    .set({ title: next.title, body: next.body, version, updated_at: at, updated_by: by })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', page.id)
    .execute();
  await indexDocument(trx, tenantId, pageIndexable({ id: page.id, title: next.title, body: next.body, updated_at: at }));
  changes.add('page', page.id, 'upsert', 'org');
  return true;
}

/**
 * Removes a page with everything that hangs off it. Caches forget it through the tombstones: the page
 * and shortcuts to it for everyone, each person's favourite, answer and review notice for her alone.
 */
async function deletePageRows(trx: Trx, changes: ChangeCollector, tenantId: string, pageId: string, sectionId: string | null) {
  const personal = async (table: 'kb_favourites' | 'kb_feedback', entity: 'favourite' | 'pageFeedback') => {
    const rows = await trx.selectFrom(table).select('person_id').where('tenant_id', '=', tenantId).where('page_id', '=', pageId).execute();
    for (const r of rows) changes.add(entity, pagePersonKey(pageId, r.person_id), 'delete', `person:${r.person_id}`);
    await trx.deleteFrom(table).where('tenant_id', '=', tenantId).where('page_id', '=', pageId).execute();
  };
  await personal('kb_favourites', 'favourite');
  await personal('kb_feedback', 'pageFeedback');
  const notices = await trx.selectFrom('kb_review_notices').select(['id', 'person_id']).where('tenant_id', '=', tenantId).where('page_id', '=', pageId).execute();
  for (const n of notices) changes.add('notification', n.id, 'delete', `person:${n.person_id}`);
  await trx.deleteFrom('kb_review_notices').where('tenant_id', '=', tenantId).where('page_id', '=', pageId).execute();
  const links = await trx.selectFrom('kb_quick_links').select('id').where('tenant_id', '=', tenantId).where('page_id', '=', pageId).execute();
  for (const l of links) changes.add('quickLink', l.id, 'delete', 'org');
  await trx.deleteFrom('kb_quick_links').where('tenant_id', '=', tenantId).where('page_id', '=', pageId).execute();
  await trx.deleteFrom('kb_attachments').where('tenant_id', '=', tenantId).where('page_id', '=', pageId).execute();
  await trx.deleteFrom('kb_page_versions').where('tenant_id', '=', tenantId).where('page_id', '=', pageId).execute();
  await trx.deleteFrom('kb_pages').where('tenant_id', '=', tenantId).where('id', '=', pageId).execute();
  announce(changes, await closeGap(trx, PAGES, tenantId, sectionId));
  changes.add('page', pageId, 'delete', 'org');
  await removeDocument(trx, tenantId, 'page', pageId);
}
