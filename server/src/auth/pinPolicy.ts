import type { OrganisationSettings } from '../../../common/src/api/entities.js';
import { amsterdamDay } from '../../../common/src/time/amsterdamDay.js';

/**
 * When a badge tap also needs the PIN, when PIN attempts lock an employee number and when they
 * suspend a device. Pure functions of the stored state and the clock; the database keeps the state.
 */

export const PIN_TIME_ZONE = 'Europe/Amsterdam';

export { amsterdamDay };

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
  /** PIN attempts in a row that may be tried; the next one locks the employee number. */
  maxFailures: number;
  /** How long the first lock lasts. */
  lockoutSeconds: number;
  /** Each further lock lasts this many times the first; the last factor repeats. */
  escalation: readonly number[];
  /** Wrong PINs further apart than this start counting again. */
  forgetAfterSeconds: number;
  /** After this long without a lock (counted from the end of the last one), locks start short again. */
  quietSeconds: number;
}

/** 15 minutes, then an hour, then a day; forgotten after a quiet week. */
export const DEFAULT_LOCKOUT_RULE: LockoutRule = {
  maxFailures: 5,
  lockoutSeconds: 15 * 60,
  escalation: [1, 4, 96],
  forgetAfterSeconds: 24 * 3600,
  quietSeconds: 7 * 24 * 3600,
};

export interface LockoutState {
  /** PINs counted against the number: wrong ones, and ones still being compared. */
  failures: number;
  lastFailureAt: Date | null;
  /** The end of the current or the last lock. */
  lockedUntil: Date | null;
  /** Locks in the current run: the next one lasts longer. */
  lockouts: number;
}

export const NO_FAILURES: LockoutState = { failures: 0, lastFailureAt: null, lockedUntil: null, lockouts: 0 };

/** The end of the lock when the employee number is locked now; null when a PIN may be tried. */
export function lockedUntil(state: LockoutState, now: Date): Date | null {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;
}

/** The longest lock of the rule: also how long a device stays suspended. */
export const longestLockSeconds = (rule: LockoutRule): number => rule.lockoutSeconds * Math.max(...rule.escalation);

/** Locks the number from now, one step further in its run; the count starts again for after the lock. */
function lock(state: LockoutState, now: Date, rule: LockoutRule): LockoutState {
  const quiet = state.lockedUntil === null || now.getTime() - state.lockedUntil.getTime() >= rule.quietSeconds * 1000;
  const lockouts = (quiet ? 0 : state.lockouts) + 1;
  const factor = rule.escalation[Math.min(lockouts, rule.escalation.length) - 1]!;
  return { failures: 0, lastFailureAt: state.lastFailureAt, lockedUntil: new Date(now.getTime() + rule.lockoutSeconds * factor * 1000), lockouts };
}

export type LockoutDecision =
  | { allowed: true; state: LockoutState }
  | { allowed: false; state: LockoutState; lockedUntil: Date; lockedNow: boolean };

/**
 * Counts one PIN attempt before its PIN is compared, and decides on the count that includes it: a
 * locked number refuses, and an attempt beyond `maxFailures` (the others still being compared)
 * locks the number and is refused.
 */
export function reserveAttempt(state: LockoutState, now: Date, rule: LockoutRule): LockoutDecision {
  const until = lockedUntil(state, now);
  if (until) return { allowed: false, state, lockedUntil: until, lockedNow: false };
  const recent = state.lastFailureAt !== null && now.getTime() - state.lastFailureAt.getTime() < rule.forgetAfterSeconds * 1000;
  const failures = (recent ? state.failures : 0) + 1;
  if (failures > rule.maxFailures) {
    const locked = lock(state, now, rule);
    return { allowed: false, state: locked, lockedUntil: locked.lockedUntil!, lockedNow: true };
  }
  return { allowed: true, state: { ...state, failures, lastFailureAt: now } };
}

/**
 * A reserved attempt had the wrong PIN: it stays counted. The one that finds the count full locks the
 * number; the answer is the lock (pin_locked) whenever the number is locked by now.
 */
export function afterWrongPin(state: LockoutState, now: Date, rule: LockoutRule): { state: LockoutState; lockedUntil: Date | null; lockedNow: boolean } {
  const until = lockedUntil(state, now);
  if (until) return { state, lockedUntil: until, lockedNow: false };
  if (state.failures < rule.maxFailures) return { state, lockedUntil: null, lockedNow: false };
  const locked = lock(state, now, rule);
  return { state: locked, lockedUntil: locked.lockedUntil, lockedNow: true };
}

/**
 * A reserved attempt had the right PIN: the count starts over. A lock that is on now was set while this
 * PIN was being compared (it was let through unlocked), counting it as a wrong one, so it is lifted and
 * its step taken back. Earlier locks stay in the run: only a quiet week forgets them.
 */
export function afterRightPin(state: LockoutState, now: Date): LockoutState {
  if (!lockedUntil(state, now)) return { ...state, failures: 0 };
  return { ...state, failures: 0, lockedUntil: now, lockouts: Math.max(0, state.lockouts - 1) };
}

export interface DeviceSuspensionRule {
  /** Wrong PINs (and ones being compared) one device may send in a clock hour… */
  maxAttempts: number;
  /** …when they cover at least this many employee numbers; the next attempt suspends the device. */
  minNumbers: number;
  windowSeconds: number;
}

export const DEVICE_SUSPENSION_RULE: DeviceSuspensionRule = { maxAttempts: 20, minNumbers: 3, windowSeconds: 3600 };

/**
 * Whether a device's attempts in the current window, this one included, suspend it. A device guessing
 * one or two numbers is already held by their locks; trying many numbers is what a lock per number misses.
 */
export const suspendsDevice = (attempts: number, numbers: number, rule: DeviceSuspensionRule): boolean =>
  attempts > rule.maxAttempts && numbers >= rule.minNumbers;
