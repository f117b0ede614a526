import { sql, type Transaction } from 'kysely';
import type { ServerContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { ApiError, retryAt } from '../http/apiError.js';
import { lockoutRule } from './pinLockout.js';
import { DEVICE_SUSPENSION_RULE, longestLockSeconds, suspendsDevice } from './pinPolicy.js';

/**
 * Suspension of a device from PIN entry: a ward PC that sends many wrong PINs over several employee
 * numbers in a clock hour refuses every PIN (also with a badge) until an admin lifts it or the
 * longest PIN lock has passed (a day by default). A badge tap that needs no PIN still works: the
 * badge is the proof, and nobody is kept off the ward for someone else's guessing.
 */

export const deviceSuspendedError = (until: Date, now: Date) =>
  new ApiError(
    'device_suspended',
    'Op dit apparaat is te vaak een verkeerde pincode ingevuld. Inloggen met een pincode kan hier even niet: gebruik een andere computer of vraag de beheerder.',
    undefined,
    retryAt(until, now),
  );

const suspensionSeconds = (ctx: ServerContext) => longestLockSeconds(lockoutRule(ctx));

const windowStart = (now: Date) => {
  const windowMs = DEVICE_SUSPENSION_RULE.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();
};

/**
 * Locks the device's row for the rest of the transaction (creating it on the first PIN the device
 * sends), so the attempts of one device are counted and decided one after the other on every node.
 */
async function lockDevice(trx: Transaction<Database>, tenantId: string, deviceId: string) {
  return trx
    .insertInto('device_pin_throttles')
    .values({ tenant_id: tenantId, device_id: deviceId, suspended_at: null, suspended_until: null })
    .onConflict((oc) => oc.columns(['tenant_id', 'device_id']).doUpdateSet({ suspended_until: sql`device_pin_throttles.suspended_until` }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

const activeUntil = (suspendedUntil: string | null, now: Date): Date | null =>
  suspendedUntil !== null && Date.parse(suspendedUntil) > now.getTime() ? new Date(suspendedUntil) : null;

export type DeviceAttempt =
  | { allowed: true; giveBack: () => Promise<void> }
  | { allowed: false; suspendedUntil: Date; suspendedNow: boolean };

/**
 * Counts a PIN attempt of the device for an employee number before the PIN is compared, and decides
 * on the count that includes it: a suspended device refuses, and the attempt that goes over the rule
 * suspends the device (its count starts over for after the suspension) and is refused.
 */
export async function reserveDeviceAttempt(ctx: ServerContext, tenantId: string, deviceId: string, employeeNumber: string): Promise<DeviceAttempt> {
  return ctx.k.transaction().execute(async (trx) => {
    const device = await lockDevice(trx, tenantId, deviceId);
    const now = ctx.now();
    const until = activeUntil(device.suspended_until, now);
    if (until) return { allowed: false, suspendedUntil: until, suspendedNow: false };
    const window = windowStart(now);
    await trx
      .insertInto('device_pin_attempts')
      .values({ tenant_id: tenantId, device_id: deviceId, window_start: window, employee_number: employeeNumber, attempts: 1 })
      .onConflict((oc) => oc.columns(['tenant_id', 'device_id', 'window_start', 'employee_number']).doUpdateSet({ attempts: sql`device_pin_attempts.attempts + 1` }))
      .execute();
    const counted = await trx
      .selectFrom('device_pin_attempts')
      .select((eb) => [eb.fn.sum<number>('attempts').as('attempts'), eb.fn.countAll<number>().as('numbers')])
      .where('tenant_id', '=', tenantId)
      .where('device_id', '=', deviceId)
      .where('window_start', '=', window)
      .where('attempts', '>', 0)
      .executeTakeFirstOrThrow();
    if (!suspendsDevice(Number(counted.attempts), Number(counted.numbers), DEVICE_SUSPENSION_RULE)) {
      return {
        allowed: true,
        giveBack: async () => {
          await ctx.k
            .updateTable('device_pin_attempts')
            .set({ attempts: sql`attempts - 1` })
            .where('tenant_id', '=', tenantId)
            .where('device_id', '=', deviceId)
            .where('window_start', '=', window)
            .where('employee_number', '=', employeeNumber)
            .where('attempts', '>', 0)
            .execute();
        },
      };
    }
    const suspendedUntil = new Date(now.getTime() + suspensionSeconds(ctx) * 1000);
    await trx
      .updateTable('device_pin_throttles')
      .set({ suspended_at: now.toISOString(), suspended_until: suspendedUntil.toISOString() })
      .where('tenant_id', '=', tenantId)
      .where('device_id', '=', deviceId)
      .execute();
    await trx.deleteFrom('device_pin_attempts').where('tenant_id', '=', tenantId).where('device_id', '=', deviceId).execute();
    return { allowed: false, suspendedUntil, suspendedNow: true };
  });
}

/** Throws device_suspended while the device is suspended; counts nothing (a badge tap that still needs its PIN). */
export async function assertNotSuspended(ctx: ServerContext, tenantId: string, deviceId: string): Promise<void> {
  const row = await ctx.k
    .selectFrom('device_pin_throttles')
    .select('suspended_until')
    .where('tenant_id', '=', tenantId)
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  const now = ctx.now();
  const until = row ? activeUntil(row.suspended_until, now) : null;
  if (until) throw deviceSuspendedError(until, now);
}

/** An admin lifts the suspension; the device's count starts over. True when it was suspended. */
export async function liftSuspension(ctx: ServerContext, tenantId: string, deviceId: string): Promise<boolean> {
  return ctx.k.transaction().execute(async (trx) => {
    const device = await lockDevice(trx, tenantId, deviceId);
    const wasSuspended = activeUntil(device.suspended_until, ctx.now()) !== null;
    await trx
      .updateTable('device_pin_throttles')
      .set({ suspended_at: null, suspended_until: null })
      .where('tenant_id', '=', tenantId)
      .where('device_id', '=', deviceId)
      .execute();
    await trx.deleteFrom('device_pin_attempts').where('tenant_id', '=', tenantId).where('device_id', '=', deviceId).execute();
    return wasSuspended;
  });
}

/** Maintenance: attempts of windows long past. */
export async function purgeOldDeviceAttempts(ctx: ServerContext): Promise<void> {
  const before = new Date(ctx.now().getTime() - 24 * 3_600_000).toISOString();
  await ctx.k.deleteFrom('device_pin_attempts').where('window_start', '<', before).execute();
}
