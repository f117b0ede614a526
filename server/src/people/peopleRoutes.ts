import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import type { ServerContext } from '../context.js';
import { ApiError, notFound } from '../http/apiError.js';
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
}
