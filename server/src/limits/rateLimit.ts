import { sql } from 'kysely';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';

/**
 * Fixed-window counters kept in the database, so every server node counts the same hits. A hit is
 * counted before the work it guards and the decision is taken on the count that includes it, in one
 * statement (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), so requests arriving together cannot all
 * slip under the limit.
 */

export interface LimitRule {
  limit: number;
  windowSeconds: number;
}

/** Throws `rate_limited` once more than `limit` hits fall in the current window; every hit counts. */
export async function hitRateLimit(ctx: ServerContext, tenantId: string, bucket: string, rule: LimitRule): Promise<void> {
  const hits = await countHit(ctx, tenantId, bucket, windowStart(ctx, rule.windowSeconds));
  if (hits > rule.limit) {
    throw new ApiError('rate_limited', 'Even rustig aan: probeer het over een paar minuten opnieuw.');
  }
}

/** An attempt counted in a bucket, to be kept (it failed) or handed back (it succeeded). */
export interface HitReservation {
  /** Takes this attempt off the count again. */
  giveBack(): Promise<void>;
  /** Wipes the bucket: the attempt proved who is asking, so earlier failures no longer count. */
  clear(): Promise<void>;
}

const tooMany = () => new ApiError('rate_limited', 'Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.');

/**
 * Counts an attempt (a login, an enrolment) before it is checked. When the count, this attempt
 * included, is over the limit, the attempt is taken off again and refused with `rate_limited`: the
 * count is always of attempts that were let through.
 */
export async function reserveHit(ctx: ServerContext, tenantId: string, bucket: string, rule: LimitRule): Promise<HitReservation> {
  const window = windowStart(ctx, rule.windowSeconds);
  const reservation: HitReservation = {
    giveBack: async () => {
      await ctx.k
        .updateTable('rate_limits')
        .set({ hits: sql`hits - 1` })
        .where('tenant_id', '=', tenantId)
        .where('bucket', '=', bucket)
        .where('window_start', '=', window)
        .where('hits', '>', 0)
        .execute();
    },
    clear: async () => {
      await ctx.k.deleteFrom('rate_limits').where('tenant_id', '=', tenantId).where('bucket', '=', bucket).execute();
    },
  };
  if ((await countHit(ctx, tenantId, bucket, window)) > rule.limit) {
    await reservation.giveBack();
    throw tooMany();
  }
  return reservation;
}

/**
 * Reserves an attempt in several buckets, in order. When one refuses, those already taken are given
 * back, so an attempt that was never checked counts nowhere.
 */
export async function reserveHits<const B extends readonly { bucket: string; rule: LimitRule }[]>(
  ctx: ServerContext,
  tenantId: string,
  buckets: B,
): Promise<{ [K in keyof B]: HitReservation }> {
  const taken: HitReservation[] = [];
  try {
    for (const b of buckets) taken.push(await reserveHit(ctx, tenantId, b.bucket, b.rule));
    return taken as { [K in keyof B]: HitReservation };
  } catch (err) {
    for (const r of taken.reverse()) await r.giveBack();
    throw err;
  }
}

const windowStart = (ctx: ServerContext, windowSeconds: number) => {
  const windowMs = windowSeconds * 1000;
  return new Date(Math.floor(ctx.now().getTime() / windowMs) * windowMs).toISOString();
};

/** Counts one hit and returns the hits in the window, this one included, in a single statement. */
async function countHit(ctx: ServerContext, tenantId: string, bucket: string, window: string): Promise<number> {
  const row = await ctx.k
    .insertInto('rate_limits')
    .values({ tenant_id: tenantId, bucket, window_start: window, hits: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'bucket', 'window_start']).doUpdateSet({ hits: sql`rate_limits.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits;
}

export async function purgeOldRateLimits(ctx: ServerContext): Promise<void> {
  const before = new Date(ctx.now().getTime() - 24 * 3_600_000).toISOString();
  await ctx.k.deleteFrom('rate_limits').where('window_start', '<', before).execute();
}
