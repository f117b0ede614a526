import type { ServerContext } from '../context.js';
import { ApiError, retryAt } from '../http/apiError.js';
import { DEFAULT_LOCKOUT_RULE, afterWrongPin, lockedUntil, type LockoutRule, type LockoutState } from './pinPolicy.js';

/**
 * The PIN lockout of one employee number, kept in the database so every server node counts the same
 * wrong PINs from every device. Keyed by the number as typed, not by person: a number nobody has
 * counts, locks and answers exactly like a real one.
 */
export function lockoutRule(ctx: ServerContext): LockoutRule {
  return { ...DEFAULT_LOCKOUT_RULE, lockoutSeconds: ctx.options.pinLockoutSeconds };
}

export const pinLockedError = (until: Date, now: Date) =>
  new ApiError('pin_locked', 'Te vaak een verkeerde pincode. Probeer het later opnieuw.', undefined, retryAt(until, now));

/** Throws pin_locked while the number is locked. */
export async function assertNotLocked(ctx: ServerContext, tenantId: string, employeeNumber: string): Promise<void> {
  const row = await ctx.k
    .selectFrom('pin_lockouts')
    .select('locked_until')
    .where('tenant_id', '=', tenantId)
    .where('employee_number', '=', employeeNumber)
    .executeTakeFirst();
  const now = ctx.now();
  const until = row?.locked_until ? lockedUntil({ failures: 0, lastFailureAt: null, lockedUntil: new Date(row.locked_until) }, now) : null;
  if (until) throw pinLockedError(until, now);
}

/**
 * Counts one wrong PIN. Runs under a row lock (PostgreSQL) or the single writer (SQLite), so wrong
 * PINs sent at the same moment from several ward PCs are all counted.
 */
export async function countWrongPin(ctx: ServerContext, tenantId: string, employeeNumber: string): Promise<{ lockedUntil: Date | null }> {
  const now = ctx.now();
  const rule = lockoutRule(ctx);
  return ctx.k.transaction().execute(async (trx) => {
    await trx
      .insertInto('pin_lockouts')
      .values({ tenant_id: tenantId, employee_number: employeeNumber, failures: 0, last_failure_at: null, locked_until: null })
      .onConflict((oc) => oc.columns(['tenant_id', 'employee_number']).doNothing())
      .execute();
    let query = trx.selectFrom('pin_lockouts').selectAll().where('tenant_id', '=', tenantId).where('employee_number', '=', employeeNumber);
    if (ctx.db.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirstOrThrow();
    const before: LockoutState = {
      failures: row.failures,
      lastFailureAt: row.last_failure_at ? new Date(row.last_failure_at) : null,
      lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
    };
    const next = afterWrongPin(before, now, rule);
    await trx
      .updateTable('pin_lockouts')
      .set({
        failures: next.failures,
        last_failure_at: next.lastFailureAt?.toISOString() ?? null,
        locked_until: next.lockedUntil?.toISOString() ?? null,
      })
      .where('tenant_id', '=', tenantId)
      .where('employee_number', '=', employeeNumber)
      .execute();
    return { lockedUntil: next.lockedNow ? next.lockedUntil : null };
  });
}

/** A right PIN wipes the count. */
export async function clearWrongPins(ctx: ServerContext, tenantId: string, employeeNumber: string): Promise<void> {
  await ctx.k.deleteFrom('pin_lockouts').where('tenant_id', '=', tenantId).where('employee_number', '=', employeeNumber).execute();
}

/** Maintenance: rows whose lock is over and whose count has been forgotten. */
export async function purgeOldLockouts(ctx: ServerContext): Promise<void> {
  const now = ctx.now();
  const forgotten = new Date(now.getTime() - DEFAULT_LOCKOUT_RULE.forgetAfterSeconds * 1000).toISOString();
  await ctx.k
    .deleteFrom('pin_lockouts')
    .where((eb) => eb.or([eb('last_failure_at', 'is', null), eb('last_failure_at', '<', forgotten)]))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
    .execute();
}
