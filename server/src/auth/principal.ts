import type { FastifyRequest } from 'fastify';
import type { Device } from '../../../common/src/api/entities.js';
import type { StatsDeviceKind } from '../../../common/src/api/routes/stats.js';
import type { RouteDef } from '../../../common/src/api/route.js';
import type { Role } from '../../../common/src/api/primitives.js';
import type { ServerContext } from '../context.js';
import { ApiError, forbidden } from '../http/apiError.js';
import { recordAuthEvent } from '../audit/audit.js';
import { parseToken } from './tokens.js';

export type DeviceMode = Device['mode'];

/**
 * A person calling with a session token, or with a delivery grant (`via: 'grant'`, write routes only).
 * Resolved from the token on every request, never cached in the process (requests that arrive together
 * share one statement: auth/sessionLookup.ts).
 */
export interface Principal {
  kind: 'person';
  tenantId: string;
  personId: string;
  /** The person's roles; only `employee` for a session made on a kiosk, and for a delivery grant. */
  roles: Role[];
  tokenHash: string;
  /** The enrolled device the session was made on (and that sent its token with this request). */
  deviceId: string | null;
  /**
   * Which kind of device that is, read with the device itself when the request was authenticated, so
   * the statistics a write records (a like from a ward PC) cost no lookup inside its transaction.
   */
  deviceKind: StatsDeviceKind;
  via: 'session' | 'grant';
}

/** An enrolled device calling with its own token alone: it sees what every employee sees. */
export interface DevicePrincipal {
  kind: 'device';
  tenantId: string;
  deviceId: string;
  mode: DeviceMode;
}

/** The kind of device a request came from: a personal workstation, a shared ward PC or a kiosk. */
export const deviceKindOf = (p: Principal | DevicePrincipal): StatsDeviceKind => (p.kind === 'device' ? p.mode : p.deviceKind);

/** What a handler receives for each kind of route. */
export type PrincipalFor<A extends RouteDef['auth']> = A extends 'session'
  ? Principal
  : A extends 'device'
    ? DevicePrincipal
    : A extends 'sessionOrDevice'
      ? Principal | DevicePrincipal
      : null;

/** The header an enrolled device sends its token in, with every request. */
export const DEVICE_HEADER = 'x-samen-device';

/** `last_seen_at` is written at most this often per device, so a busy ward PC costs no writes. */
const LAST_SEEN_EVERY_MS = 60_000;

export const hasRole = (p: Principal, role: Role) => p.roles.includes(role) || p.roles.includes('admin');

/**
 * May act on other people's content (remove it, pin it): an editor with her own session. A delivery
 * grant lies on a shared PC's disk for up to a day, so it never carries this, whatever her roles.
 */
export const mayModerate = (p: Principal) => p.via === 'session' && hasRole(p, 'editor');

/** Throws forbidden unless the caller has the role (admins have every role). */
export function requireRole(p: Principal, role: Role): void {
  if (!hasRole(p, role)) throw forbidden(role === 'admin' ? 'Alleen een beheerder kan dit.' : 'Dit mag je niet doen.');
}

export function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return null;
}

const unlinked = () => new ApiError('device_unlinked', 'Dit apparaat is niet (meer) gekoppeld. Vraag de beheerder om een nieuwe koppelcode.');

/**
 * Authenticates a request as its route asks (see RouteDef['auth']). A device token that is sent is
 * always checked, so a revoked device learns it on its next request, whatever it calls.
 */
export async function authenticateRoute<R extends Pick<RouteDef, 'auth' | 'grantable'>>(
  ctx: ServerContext,
  req: FastifyRequest,
  route: R,
): Promise<PrincipalFor<R['auth']>> {
  return (await authenticate(ctx, req, route)) as PrincipalFor<R['auth']>;
}

export async function authenticate(ctx: ServerContext, req: FastifyRequest, route: Pick<RouteDef, 'auth' | 'grantable'>): Promise<Principal | DevicePrincipal | null> {
  if (route.auth === 'none') return null;
  const device = await authenticateDevice(ctx, req);
  if (route.auth === 'device') {
    if (!device) throw unlinked();
    return device;
  }
  const token = bearerToken(req);
  if (!token && route.auth === 'sessionOrDevice' && device) return device;
  return authenticatePerson(ctx, token, device, route.grantable === true);
}

/** The calling device from X-Samen-Device; null when the header is absent, device_unlinked when it is wrong or revoked. */
export async function authenticateDevice(ctx: ServerContext, req: FastifyRequest): Promise<DevicePrincipal | null> {
  const header = req.headers[DEVICE_HEADER];
  if (header === undefined) return null;
  const parsed = typeof header === 'string' ? parseToken(header.trim()) : null;
  if (!parsed) throw unlinked();
  const row = await ctx.k
    .selectFrom('devices')
    .select(['id', 'mode', 'revoked_at', 'last_seen_at'])
    .where('tenant_id', '=', parsed.tenantId)
    .where('token_hash', '=', parsed.hash)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) throw unlinked();
  const now = ctx.now();
  if (row.last_seen_at === null || Date.parse(row.last_seen_at) <= now.getTime() - LAST_SEEN_EVERY_MS) {
    await ctx.k.updateTable('devices').set({ last_seen_at: now.toISOString() }).where('tenant_id', '=', parsed.tenantId).where('id', '=', row.id).execute();
  }
  return { kind: 'device', tenantId: parsed.tenantId, deviceId: row.id, mode: row.mode as DeviceMode };
}

async function authenticatePerson(ctx: ServerContext, token: string | null, device: DevicePrincipal | null, grantable: boolean): Promise<Principal> {
  if (!token) throw new ApiError('unauthenticated', 'Log eerst in.');
  const parsed = parseToken(token);
  if (!parsed) throw new ApiError('unauthenticated', 'Je sessie is ongeldig. Log opnieuw in.');
  const row = await ctx.lookups.session(parsed.tenantId, parsed.hash);
  if (!row || row.revoked_at !== null || row.active !== 1) {
    throw new ApiError('unauthenticated', 'Je sessie is beëindigd. Log opnieuw in.');
  }
  if (row.expires_at <= ctx.now().toISOString()) {
    throw new ApiError('token_expired', 'Je sessie is verlopen. Log opnieuw in.');
  }
  // A delivery grant only ever delivers queued writes; it reads nothing and administers nothing.
  if (row.kind === 'grant' && !grantable) throw forbidden('Dit token mag alleen wachtende berichten afleveren.');
  const sameDevice = row.device_id === null ? device === null || device.tenantId === parsed.tenantId : device?.deviceId === row.device_id && device.tenantId === parsed.tenantId;
  if (!sameDevice) {
    await recordAuthEvent(
      ctx.k,
      { tenantId: parsed.tenantId, personId: row.person_id, deviceId: row.device_id, action: 'session_rejected', result: 'device_mismatch' },
      ctx.now(),
    );
    throw new ApiError('device_mismatch', 'Deze sessie hoort bij een ander apparaat. Log opnieuw in.');
  }
  const roles = JSON.parse(row.roles) as Role[];
  // A kiosk is for reading and reacting: whoever taps in there edits and administers nothing. A
  // grant delivers what its author queued (her own posts, comments, likes and deletes) and nothing an
  // editor or admin may do, so a grant copied off a ward PC cannot moderate or administer.
  const employeeOnly = row.kind === 'grant' || (row.device_id !== null && device?.mode === 'kiosk');
  return {
    kind: 'person',
    tenantId: parsed.tenantId,
    personId: row.person_id,
    roles: employeeOnly ? ['employee'] : roles,
    tokenHash: parsed.hash,
    deviceId: row.device_id,
    deviceKind: row.device_id === null ? 'workstation' : (device?.mode ?? 'shared'),
    via: row.kind === 'grant' ? 'grant' : 'session',
  };
}
