import type { FastifyInstance } from 'fastify';
import { ATTACHMENT_BYTES_MAX } from '../../../common/src/api/routes/kb.js';
import { routes } from '../../../common/src/api/routes.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { requireRole } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { ApiError, notFound } from '../http/apiError.js';
import { REPLY_SENT, register } from '../http/register.js';
import { write } from '../sync/feed.js';
import { DOCUMENT_TYPES, extensionOf, sniffDocumentType } from './documentSniff.js';
import { findPage } from './pages.js';
import { attachmentFromRow } from './serialize.js';

const REFUSED = 'Dit bestand kan niet bij een pagina. Kies een PDF-, Word- of Excel-bestand.';

export function registerAttachmentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // What an upload is, is decided by its bytes; these headers only let the raw body through.
  const documentTypes = [...new Set(Object.values(DOCUMENT_TYPES).map((t) => t.mime))];
  app.addContentTypeParser(documentTypes, { parseAs: 'buffer', bodyLimit: ATTACHMENT_BYTES_MAX }, (_req, body, done) => done(null, body));

  register(
    app,
    ctx,
    routes.uploadAttachment,
    async ({ params, query, body, principal: p }) => {
      requireRole(p, 'editor');
      const page = await findPage(ctx.k, p.tenantId, params.id);
      if (!Buffer.isBuffer(body) || body.length === 0) throw new ApiError('unsupported_media_type', REFUSED);
      const type = sniffDocumentType(body);
      if (!type) throw new ApiError('unsupported_media_type', REFUSED);
      if (!(DOCUMENT_TYPES[type].extensions as readonly string[]).includes(extensionOf(query.name))) {
        throw new ApiError('unsupported_media_type', `De naam past niet bij het bestand: dit is een .${DOCUMENT_TYPES[type].extensions[0]}-bestand.`, [
          { path: 'query.name', message: `Geef het bestand de extensie .${DOCUMENT_TYPES[type].extensions[0]}.` },
        ]);
      }
      const now = ctx.now();
      const row = {
        tenant_id: p.tenantId,
        id: uuidv7(now.getTime()),
        page_id: page.id,
        name: query.name,
        mime: DOCUMENT_TYPES[type].mime,
        byte_size: body.length,
        data: body,
        uploaded_by: p.personId,
        created_at: now.toISOString(),
      };
      await write(ctx, p.tenantId, async (trx, changes) => {
        await trx.insertInto('kb_attachments').values(row).execute();
        // The page lists its files: caches learn of the new one with the page.
        changes.add('page', page.id, 'upsert', 'org');
      });
      return attachmentFromRow(row);
    },
    { bodyLimit: ATTACHMENT_BYTES_MAX },
  );

  register(app, ctx, routes.getAttachment, async ({ params, principal: p, reply }) => {
    const row = await ctx.k.selectFrom('kb_attachments').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', params.id).executeTakeFirst();
    if (!row) throw notFound('Dit bestand bestaat niet (meer).');
    // Always a download, never shown inline: a file is opened by the program it belongs to.
    await reply
      .header('content-type', row.mime)
      .header('content-disposition', `attachment; filename="${asciiName(row.name)}"; filename*=UTF-8''${encodeURIComponent(row.name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(Buffer.from(row.data));
    return REPLY_SENT;
  });

  register(app, ctx, routes.deleteAttachment, async ({ params, principal: p }) => {
    requireRole(p, 'editor');
    const row = await ctx.k.selectFrom('kb_attachments').select(['id', 'page_id']).where('tenant_id', '=', p.tenantId).where('id', '=', params.id).executeTakeFirst();
    if (!row) throw notFound('Dit bestand bestaat niet (meer).');
    await write(ctx, p.tenantId, async (trx, changes) => {
      await trx.deleteFrom('kb_attachments').where('tenant_id', '=', p.tenantId).where('id', '=', row.id).execute();
      changes.add('page', row.page_id, 'upsert', 'org');
    });
    return { ok: true as const };
  });
}

/** The name for the plain `filename=`: ASCII without quotes or backslashes (the UTF-8 one is exact). */
const asciiName = (name: string) => name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'bestand';
