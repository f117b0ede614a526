import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { recordActionOf, recordAuditEvent, recordAuthEvent, targetRef } from '../audit/audit.js';
import { liftSuspension } from '../auth/deviceSuspension.js';
import { requireRole } from '../auth/principal.js';
import { resolveOrganisation } from '../auth/resolveOrganisation.js';
import type { ServerContext } from '../context.js';
import { ApiError, notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { reserveHits } from '../limits/rateLimit.js';
import { organisationFromRow } from '../people/serialize.js';
import { issueEnrolmentCode, redeemEnrolmentCode } from './enrolment.js';
import { deviceFromRow } from './serialize.js';

/** Failed enrolments from one address, and for one organisation from anywhere. */
const FAILED_ENROLMENTS_PER_ADDRESS = { limit: 30, windowSeconds: 900 };
const FAILED_ENROLMENTS_PER_TENANT = { limit: 300, windowSeconds: 900 };

const invalidCode = () => new ApiError('invalid_enrolment_code', 'Deze koppelcode klopt niet, is al gebruikt of is verlopen.');

/**
 * Enrolled devices: an admin makes a one-time code, a ward PC or kiosk exchanges it for a device
 * token, and an admin can list and revoke devices (which ends their sessions and grants at once) and
 * lift a device's suspension from PIN entry.
 */
export function registerDeviceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.createEnrolmentCode, async ({ body, principal: p }) => {
    requireRole(p, 'admin');
    const issued = await issueEnrolmentCode(ctx, { tenantId: p.tenantId, name: body.name, mode: body.mode, validMinutes: body.validMinutes, createdBy: p.personId });
    await recordAuditEvent(
      ctx.k,
      { tenantId: p.tenantId, personId: p.personId, deviceId: p.deviceId, action: 'enrolment_code_created', result: 'ok', detail: { name: body.name, mode: body.mode, expiresAt: issued.expiresAt } },
      ctx.now(),
    );
    return issued;
  });

  register(app, ctx, routes.enrolDevice, async ({ body, req }) => {
    const org = await resolveOrganisation(ctx, body.organisation, invalidCode);
    const t = org.tenant_id;
    // Counted before the code is looked up, so codes tried at once cannot all slip under the limits;
    // a code that works takes its attempt back.
    const reserved = await reserveHits(ctx, t, [
      { bucket: `enrol-ip:${req.ip}`, rule: FAILED_ENROLMENTS_PER_ADDRESS },
      { bucket: 'enrol-tenant', rule: FAILED_ENROLMENTS_PER_TENANT },
    ]).catch(async (err: unknown) => {
      await recordAuthEvent(ctx.k, { tenantId: t, personId: null, deviceId: null, action: 'device_enrolled', result: 'rate_limited' }, ctx.now());
      throw err;
    });
    const redeemed = await redeemEnrolmentCode(ctx, t, body.code);
    if (!redeemed) {
      await recordAuthEvent(ctx.k, { tenantId: t, personId: null, deviceId: null, action: 'device_enrolled', result: 'invalid_code' }, ctx.now());
      throw invalidCode();
    }
    for (const r of reserved) await r.giveBack();
    await recordAuditEvent(ctx.k, { tenantId: t, personId: null, deviceId: redeemed.device.id, action: 'device_enrolled', result: 'ok', target: targetRef('device', redeemed.device.id) }, ctx.now());
    return { deviceToken: redeemed.deviceToken, device: deviceFromRow(redeemed.device), organisation: organisationFromRow(org) };
  });

  register(app, ctx, routes.deviceMe, async ({ principal: d }) => {
    const device = await ctx.k.selectFrom('devices').selectAll().where('tenant_id', '=', d.tenantId).where('id', '=', d.deviceId).executeTakeFirstOrThrow();
    const org = await ctx.k.selectFrom('organisations').selectAll().where('tenant_id', '=', d.tenantId).executeTakeFirstOrThrow();
    return { device: deviceFromRow(device), organisation: organisationFromRow(org) };
  });

  register(app, ctx, routes.listDevices, async ({ principal: p }) => {
    requireRole(p, 'admin');
    const rows = await ctx.k.selectFrom('devices').selectAll().where('tenant_id', '=', p.tenantId).orderBy('name').orderBy('id').execute();
    return { items: rows.map(deviceFromRow) };
  });

  register(app, ctx, routes.revokeDevice, async ({ params, principal: p }) => {
    requireRole(p, 'admin');
    const now = ctx.now().toISOString();
    const found = await ctx.k.transaction().execute(async (trx) => {
      const device = await trx.selectFrom('devices').select(['id', 'revoked_at']).where('tenant_id', '=', p.tenantId).where('id', '=', params.id).executeTakeFirst();
      if (!device) return false;
      if (device.revoked_at === null) {
        await trx.updateTable('devices').set({ revoked_at: now }).where('tenant_id', '=', p.tenantId).where('id', '=', params.id).execute();
      }
      // Its sessions and delivery grants end with it, even for a request that carries no device token.
      await trx
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('tenant_id', '=', p.tenantId)
        .where('device_id', '=', params.id)
        .where('revoked_at', 'is', null)
        .execute();
      await recordActionOf(trx, p, { action: 'device_revoked', target: targetRef('device', params.id) }, ctx.now());
      return true;
    });
    if (!found) throw notFound('Dit apparaat is niet gevonden.');
    return { ok: true as const };
  });

  register(app, ctx, routes.liftDeviceSuspension, async ({ params, principal: p }) => {
    requireRole(p, 'admin');
    const device = await ctx.k.selectFrom('devices').select('id').where('tenant_id', '=', p.tenantId).where('id', '=', params.id).executeTakeFirst();
    if (!device) throw notFound('Dit apparaat is niet gevonden.');
    if (await liftSuspension(ctx, p.tenantId, params.id)) {
      await recordAuditEvent(
        ctx.k,
        { tenantId: p.tenantId, personId: p.personId, deviceId: p.deviceId, action: 'device_suspension', result: 'lifted', target: targetRef('device', params.id) },
        ctx.now(),
      );
    }
    return { ok: true as const };
  });
}
