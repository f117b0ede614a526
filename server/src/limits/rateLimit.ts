import { sql } from 'kysely';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';

/**
 * Fixed-window counter kept in the database, so every server node counts the same hits.
 * Throws `rate_limited` once `limit` hits fall in the current window.
 */
export async function hitRateLimit(
  ctx: ServerContext,
  tenantId: string,
  bucket: string,
  rule: { limit: number; windowSeconds: number },
): Promise<void> {
  const hits = await countHit(ctx, tenantId, bucket, rule);
  if (hits > rule.limit) {
    throw new ApiError('rate_limited', 'Even rustig aan: probeer het over een paar minuten opnieuw.');
  }
}

/** Throws `rate_limited` when the bucket is already full, without counting this request. */
export async function checkRateLimit(
  ctx: ServerContext,
  tenantId: string,
  bucket: string,
  rule: { limit: number; windowSeconds: number },
): Promise<void> {
  const row = await ctx.k
    .selectFrom('rate_limits')
    .select('hits')
    .where('tenant_id', '=', tenantId)
    .where('bucket', '=', bucket)
    .where('window_start', '=', windowStart(ctx, rule.windowSeconds))
    .executeTakeFirst();
  if (row && row.hits >= rule.limit) {
    throw new ApiError('rate_limited', 'Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.');
  }
}

const windowStart = (ctx: ServerContext, windowSeconds: number) => {
  const windowMs = windowSeconds * 1000;
  return new Date(Math.floor(ctx.now().getTime() / windowMs) * windowMs).toISOString();
};

/** Counts one hit and returns the hits in the current window. */
export async function countHit(
  ctx: ServerContext,
  tenantId: string,
  bucket: string,
  rule: { limit: number; windowSeconds: number },
): Promise<number> {
  const row = await ctx.k
    .insertInto('rate_limits')
    .values({ tenant_id: tenantId, bucket, window_start: windowStart(ctx, rule.windowSeconds), hits: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'bucket', 'window_start']).doUpdateSet({ hits: sql`rate_limits.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits;
}

export async function purgeOldRateLimits(ctx: ServerContext): Promise<void> {
  const before = new Date(ctx.now().getTime() - 24 * 3_600_000).toISOString();
  await ctx.k.deleteFrom('rate_limits').where('window_start', '<', before).execute();
}
