import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { requireRole } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { ApiError, notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { loadPlaylist, savePlaylist } from './playlists.js';
import { kioskFromRow, kioskRows, kioskSignage } from './signage.js';

const noKiosk = () => notFound('Deze kiosk bestaat niet (meer).');

/**
 * Kiosks: the heartbeat a kiosk sends (and the signage it is answered with), and the editors' side:
 * the list with last heartbeat and version, where each stands, and the playlists.
 */
export function registerKioskRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.kioskHeartbeat, async ({ body, principal: d }) => {
    if (d.mode !== 'kiosk') throw new ApiError('forbidden', 'Alleen een kiosk stuurt een hartslag.');
    const now = ctx.now();
    const seen = { last_seen_at: now.toISOString(), version: body.version };
    await ctx.k
      .insertInto('kiosks')
      .values({ tenant_id: d.tenantId, device_id: d.deviceId, location_id: null, ...seen })
      .onConflict((c) => c.columns(['tenant_id', 'device_id']).doUpdateSet(seen))
      .execute();
    const row = await kioskRows(ctx.k, d.tenantId).where('d.id', '=', d.deviceId).executeTakeFirstOrThrow();
    return kioskSignage(ctx.k, d.tenantId, row, now);
  });

  register(app, ctx, routes.listKiosks, async ({ principal: p }) => {
    requireRole(p, 'editor');
    const rows = await kioskRows(ctx.k, p.tenantId).orderBy('d.name').orderBy('d.id').execute();
    return { items: await Promise.all(rows.map((r) => kioskFromRow(ctx.k, p.tenantId, r))) };
  });

  register(app, ctx, routes.setKioskLocation, async ({ params, body, principal: p }) => {
    requireRole(p, 'editor');
    const found = await kioskRows(ctx.k, p.tenantId).where('d.id', '=', params.id).executeTakeFirst();
    if (!found) throw noKiosk();
    if (body.locationId) {
      const location = await ctx.k.selectFrom('locations').select('id').where('tenant_id', '=', p.tenantId).where('id', '=', body.locationId).executeTakeFirst();
      if (!location) throw notFound('Deze locatie bestaat niet (meer).');
    }
    await ctx.k
      .insertInto('kiosks')
      .values({ tenant_id: p.tenantId, device_id: params.id, location_id: body.locationId, last_seen_at: null, version: null })
      .onConflict((c) => c.columns(['tenant_id', 'device_id']).doUpdateSet({ location_id: body.locationId }))
      .execute();
    const row = await kioskRows(ctx.k, p.tenantId).where('d.id', '=', params.id).executeTakeFirstOrThrow();
    return kioskFromRow(ctx.k, p.tenantId, row);
  });

  register(app, ctx, routes.kioskSignagePreview, async ({ params, principal: p }) => {
    requireRole(p, 'editor');
    const row = await kioskRows(ctx.k, p.tenantId).where('d.id', '=', params.id).executeTakeFirst();
    if (!row) throw noKiosk();
    return kioskSignage(ctx.k, p.tenantId, row, ctx.now());
  });

  register(app, ctx, routes.getPlaylist, async ({ query, principal: p }) => {
    requireRole(p, 'editor');
    return { playlist: await loadPlaylist(ctx.k, p.tenantId, query.scope, query.targetId ?? null) };
  });

  register(app, ctx, routes.savePlaylist, async ({ body, principal: p }) => {
    requireRole(p, 'editor');
    if (body.scope !== 'organisation' && !body.targetId) throw new ApiError('validation', 'Kies voor welke locatie of kiosk deze afspeellijst is.');
    if (body.scope === 'location' && body.targetId) {
      const location = await ctx.k.selectFrom('locations').select('id').where('tenant_id', '=', p.tenantId).where('id', '=', body.targetId).executeTakeFirst();
      if (!location) throw notFound('Deze locatie bestaat niet (meer).');
    }
    if (body.scope === 'kiosk' && body.targetId && !(await kioskRows(ctx.k, p.tenantId).where('d.id', '=', body.targetId).executeTakeFirst())) throw noKiosk();
    const playlist = await savePlaylist(ctx.k, { tenantId: p.tenantId, scope: body.scope, targetId: body.targetId, entries: body.entries, by: p.personId, now: ctx.now() });
    return { playlist };
  });
}
