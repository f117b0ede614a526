import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import type { ServerContext } from '../context.js';
import { hasRole } from '../auth/principal.js';
import { followPlacement } from '../groups/directoryGroups.js';
import { ApiError, forbidden, notFound } from '../http/apiError.js';
import { write } from '../sync/feed.js';
import { register } from '../http/register.js';
import { personFromRow } from './serialize.js';

export function registerPeopleRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.listPeople, async ({ query, principal: p }) => {
    let q = ctx.k.selectFrom('people').selectAll().where('tenant_id', '=', p.tenantId);
    if (query.q) {
      // Wildcards are dropped rather than escaped: SQLite and PostgreSQL disagree on LIKE's escape character.
      const term = `%${query.q.toLowerCase().replace(/[\\%_]/g, '')}%`;
      q = q.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', term), eb('employee_number', '=', query.q!)]));
    }
    if (query.cursor) {
      const [name, id] = Buffer.from(query.cursor, 'base64url').toString('utf8').split('\u0000');
      if (name === undefined || !id) throw new ApiError('validation', 'Ongeldige cursor.', [{ path: 'query.cursor', message: 'Ongeldig.' }]);
      q = q.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
    }
    const rows = await q.orderBy('name').orderBy('id').limit(query.limit + 1).execute();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(personFromRow),
      nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.name}\u0000${last.id}`).toString('base64url') : null,
    };
  });

  register(app, ctx, routes.getPerson, async ({ params, principal: p }) => {
    const row = await ctx.k.selectFrom('people').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', params.id).executeTakeFirst();
    if (!row) throw notFound('Deze collega is niet gevonden.');
    return personFromRow(row);
  });

  register(app, ctx, routes.updatePlacement, async ({ params, body, principal: p }) => {
    if (!hasRole(p, 'admin')) throw forbidden('Alleen een beheerder kan de afdeling of locatie van een collega wijzigen.');
    return write(ctx, p.tenantId, async (trx, changes) => {
      const before = await trx.selectFrom('people').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', params.id).executeTakeFirst();
      if (!before) throw notFound('Deze collega is niet gevonden.');
      if (body.departmentId) {
        const dept = await trx.selectFrom('departments').select('id').where('tenant_id', '=', p.tenantId).where('id', '=', body.departmentId).executeTakeFirst();
        if (!dept) throw new ApiError('validation', 'Deze afdeling bestaat niet.', [{ path: 'body.departmentId', message: 'Onbekend.' }]);
      }
      if (body.locationId) {
        const loc = await trx.selectFrom('locations').select('id').where('tenant_id', '=', p.tenantId).where('id', '=', body.locationId).executeTakeFirst();
        if (!loc) throw new ApiError('validation', 'Deze locatie bestaat niet.', [{ path: 'body.locationId', message: 'Onbekend.' }]);
      }
      const now = ctx.now();
      const after = await trx
        .updateTable('people')
        .set({ department_id: body.departmentId, location_id: body.locationId, updated_at: now.toISOString() })
        .where('tenant_id', '=', p.tenantId)
        .where('id', '=', params.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      changes.add('person', params.id, 'upsert', 'org');
      await followPlacement(trx, changes, p.tenantId, params.id, { departmentId: before.department_id, locationId: before.location_id }, body, now);
      return personFromRow(after);
    });
  });
}
