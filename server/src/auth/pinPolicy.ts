import type { OrganisationSettings } from '../../../common/src/api/entities.js';

/**
 * When a badge tap also needs the PIN, and when wrong PINs lock an employee number. Pure functions of
 * the stored state and the clock; the routes keep the state in the database.
 */

export const PIN_TIME_ZONE = 'Europe/Amsterdam';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: PIN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Amsterdam (`YYYY-MM-DD`), whatever the server's own time zone or DST. */
export const amsterdamDay = (at: Date): string => dayFormat.format(at);

export type PinReason = 'never_entered' | 'first_tap_of_day' | 'hours_since_pin';

/**
 * Why the PIN is due at this tap, or null when the badge alone is enough. The first tap of a day always
 * needs the PIN (when the tenant asks for it) and a PIN entered today counts on every device, so "first
 * tap of the day" is the same as "no PIN yet today".
 */
export function pinDue(settings: Pick<OrganisationSettings, 'pinOnFirstTapOfDay' | 'pinAfterHours'>, lastPinAt: Date | null, now: Date): PinReason | null {
  if (lastPinAt === null) return 'never_entered';
  if (settings.pinOnFirstTapOfDay && amsterdamDay(lastPinAt) !== amsterdamDay(now)) return 'first_tap_of_day';
  if (now.getTime() - lastPinAt.getTime() >= settings.pinAfterHours * 3_600_000) return 'hours_since_pin';
  return null;
}

export interface LockoutRule {
  /** Wrong PINs in a row that lock the employee number. */
  maxFailures: number;
  /** How long the lock lasts. */
  lockoutSeconds: number;
  /** Wrong PINs further apart than this start counting again. */
  forgetAfterSeconds: number;
}

export const DEFAULT_LOCKOUT_RULE: LockoutRule = { maxFailures: 5, lockoutSeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 };

export interface LockoutState {
  failures: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

export const NO_FAILURES: LockoutState = { failures: 0, lastFailureAt: null, lockedUntil: null };

/** The end of the lock when the employee number is locked now; null when a PIN may be tried. */
export function lockedUntil(state: LockoutState, now: Date): Date | null {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;
}

/**
 * The state after one more wrong PIN. The one that reaches `maxFailures` locks the number and starts
 * the count again, so after the lock expires there are `maxFailures` new tries.
 */
export function afterWrongPin(state: LockoutState, now: Date, rule: LockoutRule): LockoutState & { lockedNow: boolean } {
  const recent = state.lastFailureAt !== null && now.getTime() - state.lastFailureAt.getTime() < rule.forgetAfterSeconds * 1000;
  const failures = (recent ? state.failures : 0) + 1;
  if (failures >= rule.maxFailures) {
    return { failures: 0, lastFailureAt: now, lockedUntil: new Date(now.getTime() + rule.lockoutSeconds * 1000), lockedNow: true };
  }
  return { failures, lastFailureAt: now, lockedUntil: state.lockedUntil, lockedNow: false };
}
