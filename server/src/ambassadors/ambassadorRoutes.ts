import type { FastifyInstance } from 'fastify';
import { AMBASSADOR_LINE_MAX, normaliseAmbassadorLine } from '../../../common/src/ambassadors/line.js';
import { routes } from '../../../common/src/api/routes.js';
import type { AmbassadorEntry, MyTour } from '../../../common/src/api/routes/ambassadors.js';
import { recordActionOf, targetRef } from '../audit/audit.js';
import { hasRole } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { ApiError, forbidden, notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { personFromRow } from '../people/serialize.js';
import { write } from '../sync/feed.js';
import { nearness, NEARNESS_ORDER } from './nearness.js';

/**
 * Ambassadors: who they are (marked by an admin or editor, audited, carried on the person in the
 * feed), "Vraag het een ambassadeur", and the first-time tour that an ambassador can show again.
 */
export function registerAmbassadorRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const tourOf = async (tenantId: string, personId: string): Promise<MyTour> => {
    const row = await ctx.k
      .selectFrom('people')
      .select(['tour_completed_at', 'tour_requested_at', 'tour_requested_by'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', personId)
      .executeTakeFirst();
    if (!row) throw notFound('Deze collega is niet gevonden.');
    return { pending: row.tour_completed_at == null || row.tour_requested_at != null, requestedBy: row.tour_requested_by ?? null };
  };

  register(app, ctx, routes.listAmbassadors, async ({ query, principal: p }) => {
    const me = await ctx.k.selectFrom('people').select(['location_id', 'department_id']).where('tenant_id', '=', p.tenantId).where('id', '=', p.personId).executeTakeFirstOrThrow();
    let q = ctx.k.selectFrom('people').selectAll().where('tenant_id', '=', p.tenantId).where('ambassador', '=', 1).where('active', '=', 1);
    if (query.locationId) q = q.where('location_id', '=', query.locationId);
    if (query.departmentId) q = q.where('department_id', '=', query.departmentId);
    const rows = await q.orderBy('name').orderBy('id').execute();
    const items: AmbassadorEntry[] = rows.map((r) => ({ person: personFromRow(r), near: nearness(me, r) }));
    // Stable: within each nearness the names stay in the database's order.
    return { items: items.sort((a, b) => NEARNESS_ORDER[a.near] - NEARNESS_ORDER[b.near]) };
  });

  register(app, ctx, routes.setAmbassador, async ({ params, body, principal: p }) => {
    if (!hasRole(p, 'editor')) throw forbidden('Alleen een beheerder of redacteur kan ambassadeurs aanwijzen.');
    const line = body.ambassador ? normaliseAmbassadorLine(body.line) : null;
    if (line !== null && [...line].length > AMBASSADOR_LINE_MAX) {
      throw new ApiError('validation', `De regel mag hoogstens ${AMBASSADOR_LINE_MAX} tekens zijn.`, [{ path: 'body.line', message: 'Te lang.' }]);
    }
    return write(ctx, p.tenantId, async (trx, changes) => {
      const before = await trx.selectFrom('people').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', params.id).executeTakeFirst();
      if (!before) throw notFound('Deze collega is niet gevonden.');
      const wasAmbassador = before.ambassador === 1;
      if (wasAmbassador === body.ambassador && (before.ambassador_line ?? null) === line) return personFromRow(before);
      const after = await trx
        .updateTable('people')
        .set({ ambassador: body.ambassador ? 1 : 0, ambassador_line: line, updated_at: ctx.now().toISOString() })
        .where('tenant_id', '=', p.tenantId)
        .where('id', '=', params.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      changes.add('person', params.id, 'upsert', 'org');
      await recordActionOf(
        trx,
        p,
        { action: body.ambassador ? 'ambassador_marked' : 'ambassador_unmarked', target: targetRef('person', params.id), ...(line === null ? {} : { detail: { line } }) },
        ctx.now(),
      );
      return personFromRow(after);
    });
  });

  register(app, ctx, routes.getMyTour, async ({ principal: p }) => tourOf(p.tenantId, p.personId));

  register(app, ctx, routes.finishMyTour, async ({ principal: p }) => {
    await ctx.k
      .updateTable('people')
      .set({ tour_completed_at: ctx.now().toISOString(), tour_requested_at: null, tour_requested_by: null })
      .where('tenant_id', '=', p.tenantId)
      .where('id', '=', p.personId)
      .execute();
    return tourOf(p.tenantId, p.personId);
  });

  register(app, ctx, routes.restartTour, async ({ params, principal: p }) => {
    // A delivery grant acts as an employee, so an editor's or admin's role counts only with her own
    // session; being an ambassador is a mark on the person, which a grant carries.
    if (!hasRole(p, 'editor')) {
      const asker = await ctx.k.selectFrom('people').select('ambassador').where('tenant_id', '=', p.tenantId).where('id', '=', p.personId).executeTakeFirst();
      if (asker?.ambassador !== 1) throw forbidden('Alleen een ambassadeur kan de rondleiding opnieuw starten.');
    }
    const result = await ctx.k
      .updateTable('people')
      .set({ tour_requested_at: ctx.now().toISOString(), tour_requested_by: p.personId })
      .where('tenant_id', '=', p.tenantId)
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('Deze collega is niet gevonden.');
    return tourOf(p.tenantId, params.id);
  });
}
