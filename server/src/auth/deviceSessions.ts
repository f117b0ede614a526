import type { ServerContext } from '../context.js';
import { makeToken } from './tokens.js';

/** A delivery grant lives this long: queued writes of a person stay deliverable for a day. */
export const DELIVERY_GRANT_HOURS = 24;

export interface DeviceSession {
  token: string;
  expiresAt: string;
  deliveryGrant: { token: string; expiresAt: string };
}

/**
 * A badge or PIN login on an enrolled device: a session bound to that device, plus a delivery grant
 * for the same person and device that only the write routes accept. Logging out revokes the session
 * alone; the grant stays valid so writes the person queued offline can still be delivered as her.
 */
export async function issueDeviceSession(ctx: ServerContext, s: { tenantId: string; personId: string; deviceId: string }): Promise<DeviceSession> {
  const now = ctx.now();
  const session = makeToken(s.tenantId);
  const grant = makeToken(s.tenantId);
  const expiresAt = new Date(now.getTime() + ctx.options.deviceSessionHours * 3_600_000).toISOString();
  const grantExpiresAt = new Date(now.getTime() + DELIVERY_GRANT_HOURS * 3_600_000).toISOString();
  const row = { tenant_id: s.tenantId, person_id: s.personId, device_id: s.deviceId, created_at: now.toISOString(), revoked_at: null };
  await ctx.k
    .insertInto('sessions')
    .values([
      { ...row, token_hash: session.hash, expires_at: expiresAt, kind: 'session' },
      { ...row, token_hash: grant.hash, expires_at: grantExpiresAt, kind: 'grant' },
    ])
    .execute();
  return { token: session.token, expiresAt, deliveryGrant: { token: grant.token, expiresAt: grantExpiresAt } };
}
