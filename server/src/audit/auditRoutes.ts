import type { FastifyInstance } from 'fastify';
import { decodeCursor, encodeCursor } from '../../../common/src/api/cursor.js';
import { routes } from '../../../common/src/api/routes.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';
import { register } from '../http/register.js';
import { requireRole } from '../auth/principal.js';

/** GET /v1/admin/audit: the authentication log for an admin, newest first, by person, device and period. */
export function registerAuditRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.listAuthEvents, async ({ query, principal: p }) => {
    requireRole(p, 'admin');
    let q = ctx.k.selectFrom('auth_events').select(['id', 'at', 'person_id', 'device_id', 'action', 'result']).where('tenant_id', '=', p.tenantId);
    if (query.personId) q = q.where('person_id', '=', query.personId);
    if (query.deviceId) q = q.where('device_id', '=', query.deviceId);
    // Stored times are toISOString() text; a `from` typed without milliseconds is brought to that form.
    if (query.from) q = q.where('at', '>=', new Date(query.from).toISOString());
    if (query.to) q = q.where('at', '<', new Date(query.to).toISOString());
    if (query.cursor) {
      const c = decodeCursor(query.cursor);
      if (!c) throw new ApiError('validation', 'Ongeldige cursor.', [{ path: 'query.cursor', message: 'Ongeldig.' }]);
      q = q.where((eb) => eb.or([eb('at', '<', c.at), eb.and([eb('at', '=', c.at), eb('id', '<', c.id)])]));
    }
    const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({ id: r.id, at: r.at, personId: r.person_id, deviceId: r.device_id, action: r.action, result: r.result })),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  });
}
