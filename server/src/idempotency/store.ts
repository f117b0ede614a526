import { createHash } from 'node:crypto';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse };

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const ABANDONED_AFTER_MS = 2 * 60_000;

export function validKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${url}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

/**
 * Claims an Idempotency-Key for one request (IETF draft semantics). The claim is a row insert that
 * only one racing request can win; the losers see it in progress (409), with another payload (422), or
 * finished, in which case they replay the stored answer.
 */
export async function claimKey(
  ctx: ServerContext,
  scope: { tenantId: string; principal: string; key: string },
  fingerprint: string,
): Promise<Claim> {
  const now = ctx.now();
  const expiredBefore = new Date(now.getTime() - ctx.options.idempotencyHours * 3_600_000).toISOString();
  for (let attempt = 0; attempt < 2; attempt++) {
    const inserted = await ctx.k
      .insertInto('idempotency_keys')
      .values({
        tenant_id: scope.tenantId,
        principal: scope.principal,
        key: scope.key,
        request_hash: fingerprint,
        state: 'in_progress',
        status: null,
        response: null,
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'principal', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return { kind: 'claimed' };

    const existing = await ctx.k
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('tenant_id', '=', scope.tenantId)
      .where('principal', '=', scope.principal)
      .where('key', '=', scope.key)
      .executeTakeFirst();
    if (!existing) continue;
    if (existing.created_at < expiredBefore) {
      await releaseKey(ctx, scope);
      continue;
    }
    // A claim left in progress this long belongs to a request whose node died mid-way; its writes
    // either committed (and client-made ids make a second run a no-op) or rolled back: retry it.
    const abandoned = existing.state !== 'done' && existing.created_at < new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString();
    if (abandoned) {
      await releaseKey(ctx, scope);
      continue;
    }
    if (existing.request_hash !== fingerprint) {
      throw new ApiError('idempotency_key_reused', 'Deze Idempotency-Key is al gebruikt voor een ander verzoek.');
    }
    if (existing.state !== 'done' || existing.status === null) {
      throw new ApiError('idempotency_in_progress', 'Dit verzoek wordt al verwerkt. Probeer het zo opnieuw.');
    }
    return { kind: 'replay', response: { status: existing.status, body: JSON.parse(existing.response ?? 'null') } };
  }
  throw new ApiError('idempotency_in_progress', 'Dit verzoek wordt al verwerkt. Probeer het zo opnieuw.');
}

export async function completeKey(
  ctx: ServerContext,
  scope: { tenantId: string; principal: string; key: string },
  response: StoredResponse,
): Promise<void> {
  await ctx.k
    .updateTable('idempotency_keys')
    .set({ state: 'done', status: response.status, response: JSON.stringify(response.body) })
    .where('tenant_id', '=', scope.tenantId)
    .where('principal', '=', scope.principal)
    .where('key', '=', scope.key)
    .execute();
}

/** Forgets a claim whose request failed in a way worth retrying (server error, rate limit). */
export async function releaseKey(ctx: ServerContext, scope: { tenantId: string; principal: string; key: string }): Promise<void> {
  await ctx.k
    .deleteFrom('idempotency_keys')
    .where('tenant_id', '=', scope.tenantId)
    .where('principal', '=', scope.principal)
    .where('key', '=', scope.key)
    .execute();
}

export async function purgeExpiredKeys(ctx: ServerContext): Promise<void> {
  const before = new Date(ctx.now().getTime() - ctx.options.idempotencyHours * 3_600_000).toISOString();
  await ctx.k.deleteFrom('idempotency_keys').where('created_at', '<', before).execute();
}
