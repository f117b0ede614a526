import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { requireRole } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';
import { register } from '../http/register.js';
import { write, type ChangeCollector } from '../sync/feed.js';
import { existingSection, findSection } from './pages.js';
import { closeGap, LAST, placeAt, SECTIONS } from './positions.js';
import { pagesFromRows, sectionFromRow } from './serialize.js';

const announce = (changes: ChangeCollector, ids: string[]) => {
  for (const id of ids) changes.add('section', id, 'upsert', 'org');
};

export function registerSectionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.getKbTree, async ({ principal: p }) => {
    const sections = await ctx.k.selectFrom('kb_sections').selectAll().where('tenant_id', '=', p.tenantId).orderBy('parent_id').orderBy('position').orderBy('id').execute();
    const pages = await ctx.k.selectFrom('kb_pages').selectAll().where('tenant_id', '=', p.tenantId).orderBy('section_id').orderBy('position').orderBy('id').execute();
    return {
      sections: sections.map(sectionFromRow),
      pages: (await pagesFromRows(ctx.k, p.tenantId, pages)).map(({ body: _body, ...summary }) => summary),
    };
  });

  register(app, ctx, routes.createSection, async ({ body, principal: p }) => {
    requireRole(p, 'editor');
    const parentId = body.parentId ?? null;
    await existingSection(ctx.k, p.tenantId, parentId, 'body.parentId');
    const now = ctx.now();
    const id = uuidv7(now.getTime());
    await write(ctx, p.tenantId, async (trx, changes) => {
      await trx
        .insertInto('kb_sections')
        .values({ tenant_id: p.tenantId, id, parent_id: parentId, title: body.title, position: LAST, created_at: now.toISOString(), updated_at: now.toISOString() })
        .execute();
      announce(changes, await placeAt(trx, SECTIONS, p.tenantId, parentId, id, body.position));
      changes.add('section', id, 'upsert', 'org');
    });
    return sectionFromRow(await findSection(ctx.k, p.tenantId, id));
  });

  register(app, ctx, routes.updateSection, async ({ params, body, principal: p }) => {
    requireRole(p, 'editor');
    const section = await findSection(ctx.k, p.tenantId, params.id);
    const parentId = body.parentId === undefined ? section.parent_id : body.parentId;
    if (parentId !== section.parent_id) {
      await existingSection(ctx.k, p.tenantId, parentId, 'body.parentId');
      if (parentId !== null && (await ancestry(ctx, p.tenantId, parentId)).includes(section.id)) {
        throw new ApiError('validation', 'Een sectie kan niet in zichzelf of in een van haar eigen subsecties staan.', [
          { path: 'body.parentId', message: 'Kies een sectie buiten deze sectie.' },
        ]);
      }
    }
    await write(ctx, p.tenantId, async (trx, changes) => {
      const now = ctx.now().toISOString();
      if (body.title !== undefined && body.title !== section.title) {
        await trx.updateTable('kb_sections').set({ title: body.title, updated_at: now }).where('tenant_id', '=', p.tenantId).where('id', '=', section.id).execute();
      }
      if (parentId !== section.parent_id) {
        await trx.updateTable('kb_sections').set({ parent_id: parentId, updated_at: now }).where('tenant_id', '=', p.tenantId).where('id', '=', section.id).execute();
        announce(changes, await closeGap(trx, SECTIONS, p.tenantId, section.parent_id));
        announce(changes, await placeAt(trx, SECTIONS, p.tenantId, parentId, section.id, body.position));
      } else if (body.position !== undefined) {
        announce(changes, await placeAt(trx, SECTIONS, p.tenantId, parentId, section.id, body.position));
      }
      changes.add('section', section.id, 'upsert', 'org');
    });
    return sectionFromRow(await findSection(ctx.k, p.tenantId, section.id));
  });

  register(app, ctx, routes.deleteSection, async ({ params, principal: p }) => {
    requireRole(p, 'editor');
    const section = await findSection(ctx.k, p.tenantId, params.id);
    const child = await ctx.k.selectFrom('kb_sections').select('id').where('tenant_id', '=', p.tenantId).where('parent_id', '=', section.id).executeTakeFirst();
    const page = await ctx.k.selectFrom('kb_pages').select('id').where('tenant_id', '=', p.tenantId).where('section_id', '=', section.id).executeTakeFirst();
    if (child || page) throw new ApiError('conflict', 'Deze sectie is niet leeg. Verplaats of verwijder eerst haar pagina’s en subsecties.');
    await write(ctx, p.tenantId, async (trx, changes) => {
      await trx.deleteFrom('kb_sections').where('tenant_id', '=', p.tenantId).where('id', '=', section.id).execute();
      announce(changes, await closeGap(trx, SECTIONS, p.tenantId, section.parent_id));
      changes.add('section', section.id, 'delete', 'org');
    });
    return { ok: true as const };
  });
}

/** A section and every section above it, itself first. */
async function ancestry(ctx: ServerContext, tenantId: string, id: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = id;
  while (current !== null && !chain.includes(current)) {
    chain.push(current);
    const row: { parent_id: string | null } | undefined = await ctx.k.selectFrom('kb_sections').select('parent_id').where('tenant_id', '=', tenantId).where('id', '=', current).executeTakeFirst();
    current = row?.parent_id ?? null;
  }
  return chain;
}
