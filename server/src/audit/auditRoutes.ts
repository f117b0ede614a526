import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { decodeCursor, encodeCursor } from '../../../common/src/api/cursor.js';
import { routes } from '../../../common/src/api/routes.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';
import { REPLY_SENT, register } from '../http/register.js';
import { auditCsv } from './auditCsv.js';
import { auditEventFromRow, auditPage } from './auditQuery.js';
import { admitAuditReader } from './readAccess.js';

/**
 * The audit log for admins: `GET /v1/admin/audit` newest first in pages, `GET /v1/admin/audit.csv`
 * all of it as a streamed CSV file. Every read and export, and every refused attempt, is itself an entry.
 */
export function registerAuditRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.listAuditEvents, async ({ query, principal: p }) => {
    const { cursor, limit, ...filters } = query;
    await admitAuditReader(ctx, p, 'audit_read', filters, cursor ? { page: 'next' } : {});
    const after = cursor ? decodeCursor(cursor) : null;
    if (cursor && !after) throw new ApiError('validation', 'Ongeldige cursor.', [{ path: 'query.cursor', message: 'Ongeldig.' }]);
    const rows = await auditPage(ctx.k, p.tenantId, filters, { order: 'newest', after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(auditEventFromRow),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  });

  register(app, ctx, routes.exportAuditEvents, async ({ query, principal: p, reply }) => {
    await admitAuditReader(ctx, p, 'audit_exported', query);
    const now = ctx.now();
    // Up to and including the export's own entry, written just now.
    const until = new Date(now.getTime() + 1);
    void reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="auditlog-${now.toISOString().slice(0, 10)}.csv"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(Readable.from(auditCsv(ctx.k, p.tenantId, query, until)));
    return REPLY_SENT;
  });
}
