import { sql, type Selectable } from 'kysely';
import type { ServerContext } from '../context.js';
import type { PinLockoutsTable } from '../db/schema.js';
import { ApiError, retryAt } from '../http/apiError.js';
import { DEFAULT_LOCKOUT_RULE, afterRightPin, afterWrongPin, lockedUntil, reserveAttempt, type LockoutDecision, type LockoutRule, type LockoutState } from './pinPolicy.js';

/**
 * The PIN lockout of one employee number, kept in the database so every server node counts the same
 * attempts from every device. Keyed by the number as typed, not by person: a number nobody has
 * counts, locks and answers exactly like a real one.
 */
export function lockoutRule(ctx: ServerContext): LockoutRule {
  return { ...DEFAULT_LOCKOUT_RULE, lockoutSeconds: ctx.options.pinLockoutSeconds };
}

export const pinLockedError = (until: Date, now: Date) =>
  new ApiError('pin_locked', 'Te vaak een verkeerde pincode. Probeer het later opnieuw.', undefined, retryAt(until, now));

const stateFromRow = (row: Selectable<PinLockoutsTable>): LockoutState => ({
  failures: row.failures,
  lastFailureAt: row.last_failure_at ? new Date(row.last_failure_at) : null,
  lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
  lockouts: row.lockouts,
});

/** Throws pin_locked while the number is locked; counts nothing (a badge tap that still needs its PIN). */
export async function assertNotLocked(ctx: ServerContext, tenantId: string, employeeNumber: string): Promise<void> {
  const row = await ctx.k
    .selectFrom('pin_lockouts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('employee_number', '=', employeeNumber)
    .executeTakeFirst();
  const now = ctx.now();
  const until = row ? lockedUntil(stateFromRow(row), now) : null;
  if (until) throw pinLockedError(until, now);
}

/**
 * Runs one step of the lockout on the number's row, with the row locked for the whole step. The
 * upsert both creates a missing row and locks an existing one (a row lock on PostgreSQL, whose
 * ON CONFLICT also retries when the row is deleted meanwhile; the single writer on SQLite, taken by
 * this first statement), so attempts on one number are decided one after the other, each on the
 * state the previous one left.
 */
async function step<T>(ctx: ServerContext, tenantId: string, employeeNumber: string, decide: (state: LockoutState, now: Date) => { state: LockoutState; result: T }): Promise<T> {
  return ctx.k.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('pin_lockouts')
      .values({ tenant_id: tenantId, employee_number: employeeNumber, failures: 0, last_failure_at: null, locked_until: null, lockouts: 0 })
      .onConflict((oc) => oc.columns(['tenant_id', 'employee_number']).doUpdateSet({ failures: sql`pin_lockouts.failures` }))
      .returningAll()
      .executeTakeFirstOrThrow();
    const before = stateFromRow(row);
    const { state, result } = decide(before, ctx.now());
    if (state !== before) {
      await trx
        .updateTable('pin_lockouts')
        .set({
          failures: state.failures,
          last_failure_at: state.lastFailureAt?.toISOString() ?? null,
          locked_until: state.lockedUntil?.toISOString() ?? null,
          lockouts: state.lockouts,
        })
        .where('tenant_id', '=', tenantId)
        .where('employee_number', '=', employeeNumber)
        .execute();
    }
    return result;
  });
}

/** Counts a PIN attempt on the number before its PIN is compared; refused while locked or when full. */
export function reserveNumberAttempt(ctx: ServerContext, tenantId: string, employeeNumber: string): Promise<LockoutDecision> {
  const rule = lockoutRule(ctx);
  return step(ctx, tenantId, employeeNumber, (state, now) => {
    const decision = reserveAttempt(state, now, rule);
    return { state: decision.state, result: decision };
  });
}

/** The reserved attempt's PIN was wrong: it stays counted. Returns the lock to answer with, if any. */
export function keepWrongPin(ctx: ServerContext, tenantId: string, employeeNumber: string): Promise<{ lockedUntil: Date | null; lockedNow: boolean }> {
  const rule = lockoutRule(ctx);
  return step(ctx, tenantId, employeeNumber, (state, now) => {
    const after = afterWrongPin(state, now, rule);
    return { state: after.state, result: { lockedUntil: after.lockedUntil, lockedNow: after.lockedNow } };
  });
}

/** The reserved attempt's PIN was right: the count starts over (the run of locks stays). */
export function clearAfterRightPin(ctx: ServerContext, tenantId: string, employeeNumber: string): Promise<void> {
  return step(ctx, tenantId, employeeNumber, (state, now) => ({ state: afterRightPin(state, now), result: undefined }));
}

/** Maintenance: rows that are not locked, whose count is forgotten and whose run of locks is too. */
export async function purgeOldLockouts(ctx: ServerContext): Promise<void> {
  const now = ctx.now();
  const rule = DEFAULT_LOCKOUT_RULE;
  const forgotten = new Date(now.getTime() - rule.forgetAfterSeconds * 1000).toISOString();
  const quietSince = new Date(now.getTime() - rule.quietSeconds * 1000).toISOString();
  await ctx.k
    .deleteFrom('pin_lockouts')
    .where((eb) => eb.or([eb('last_failure_at', 'is', null), eb('last_failure_at', '<', forgotten)]))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
    .where((eb) => eb.or([eb('lockouts', '=', 0), eb('locked_until', '<', quietSince)]))
    .execute();
}
