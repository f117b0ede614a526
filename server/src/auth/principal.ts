import type { FastifyRequest } from 'fastify';
import type { Role } from '../../../common/src/api/primitives.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';
import { parseToken } from './tokens.js';

/** Who is calling: resolved from the bearer token on every request, never cached in the process. */
export interface Principal {
  tenantId: string;
  personId: string;
  roles: Role[];
  tokenHash: string;
  deviceId: string | null;
}

export const hasRole = (p: Principal, role: Role) => p.roles.includes(role) || p.roles.includes('admin');

export function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return null;
}

export async function authenticate(ctx: ServerContext, req: FastifyRequest): Promise<Principal> {
  const token = bearerToken(req);
  if (!token) throw new ApiError('unauthenticated', 'Log eerst in.');
  const parsed = parseToken(token);
  if (!parsed) throw new ApiError('unauthenticated', 'Je sessie is ongeldig. Log opnieuw in.');
  const row = await ctx.k
    .selectFrom('sessions')
    .innerJoin('people', (j) =>
      j.onRef('people.tenant_id', '=', 'sessions.tenant_id').onRef('people.id', '=', 'sessions.person_id'),
    )
    .select(['sessions.person_id', 'sessions.device_id', 'sessions.expires_at', 'sessions.revoked_at', 'people.roles', 'people.active'])
    .where('sessions.tenant_id', '=', parsed.tenantId)
    .where('sessions.token_hash', '=', parsed.hash)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.active !== 1) {
    throw new ApiError('unauthenticated', 'Je sessie is beëindigd. Log opnieuw in.');
  }
  if (row.expires_at <= ctx.now().toISOString()) {
    throw new ApiError('token_expired', 'Je sessie is verlopen. Log opnieuw in.');
  }
  return {
    tenantId: parsed.tenantId,
    personId: row.person_id,
    roles: JSON.parse(row.roles) as Role[],
    tokenHash: parsed.hash,
    deviceId: row.device_id,
  };
}
