import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION_SETTINGS } from '../../../../common/src/api/entities.js';
import {
  DEFAULT_LOCKOUT_RULE,
  NO_FAILURES,
  afterWrongPin,
  amsterdamDay,
  lockedUntil,
  pinDue,
  type LockoutState,
} from '../../../../server/src/auth/pinPolicy.js';

const at = (iso: string) => new Date(iso);
const defaults = DEFAULT_ORGANISATION_SETTINGS;

describe('PIN policy: when a badge tap also needs the PIN', () => {
  it('asks for the PIN from someone who never entered one', () => {
    expect(pinDue(defaults, null, at('2025-06-02T08:00:00.000Z'))).toBe('never_entered');
  });

  it('lets a second tap on the same day through without the PIN', () => {
    expect(pinDue(defaults, at('2025-06-02T05:30:00.000Z'), at('2025-06-02T09:00:00.000Z'))).toBeNull();
  });

  it('asks again on the first tap of the next Amsterdam day, even a few minutes after midnight', () => {
    // 23:50 and 00:10 in Amsterdam (summer time, UTC+2).
    expect(pinDue(defaults, at('2025-06-02T21:50:00.000Z'), at('2025-06-02T22:10:00.000Z'))).toBe('first_tap_of_day');
  });

  it('counts the day in Amsterdam, not in UTC: 23:30 UTC is already tomorrow in Amsterdam', () => {
    // Both in the same UTC day, but 00:30 and 01:30 on the next Amsterdam day vs 23:10 the day before.
    expect(amsterdamDay(at('2025-01-14T23:30:00.000Z'))).toBe('2025-01-15');
    expect(pinDue(defaults, at('2025-01-14T22:10:00.000Z'), at('2025-01-14T23:30:00.000Z'))).toBe('first_tap_of_day');
  });

  it('moves midnight with the spring clock change (CET to CEST)', () => {
    // 30 March 2025: midnight before the change is 23:00 UTC, the next midnight is 22:00 UTC.
    expect(amsterdamDay(at('2025-03-29T22:59:00.000Z'))).toBe('2025-03-29');
    expect(amsterdamDay(at('2025-03-29T23:00:00.000Z'))).toBe('2025-03-30');
    expect(amsterdamDay(at('2025-03-30T21:59:00.000Z'))).toBe('2025-03-30');
    expect(amsterdamDay(at('2025-03-30T22:00:00.000Z'))).toBe('2025-03-31');
    // 23:30 CEST on the 30th, then 00:05 CEST on the 31st: a new day (with UTC+1 it would look like 23:05).
    expect(pinDue(defaults, at('2025-03-30T21:30:00.000Z'), at('2025-03-30T22:05:00.000Z'))).toBe('first_tap_of_day');
  });

  it('keeps a 25-hour autumn day (CEST to CET) one day: 24 hours apart can still be the same day', () => {
    // 26 October 2025 runs from 22:00 UTC on the 25th to 23:00 UTC on the 26th.
    const last = at('2025-10-25T22:30:00.000Z'); // 00:30 CEST
    const now = at('2025-10-26T22:30:00.000Z'); // 23:30 CET, same day
    expect(amsterdamDay(last)).toBe(amsterdamDay(now));
    expect(pinDue({ pinOnFirstTapOfDay: true, pinAfterHours: 48 }, last, now)).toBeNull();
    expect(pinDue(defaults, last, now)).toBe('hours_since_pin');
    expect(pinDue({ pinOnFirstTapOfDay: true, pinAfterHours: 48 }, last, at('2025-10-26T23:00:00.000Z'))).toBe('first_tap_of_day');
  });

  it('asks again 12 hours after the last PIN, on the same day too', () => {
    const last = at('2025-06-02T04:00:00.000Z'); // 06:00 in Amsterdam
    expect(pinDue(defaults, last, at('2025-06-02T15:59:59.999Z'))).toBeNull();
    expect(pinDue(defaults, last, at('2025-06-02T16:00:00.000Z'))).toBe('hours_since_pin');
  });

  it('follows the tenant: without the first-tap rule only the hours count', () => {
    const settings = { pinOnFirstTapOfDay: false, pinAfterHours: 12 };
    expect(pinDue(settings, at('2025-06-02T21:50:00.000Z'), at('2025-06-02T22:10:00.000Z'))).toBeNull();
    expect(pinDue(settings, at('2025-06-02T21:50:00.000Z'), at('2025-06-03T09:50:00.000Z'))).toBe('hours_since_pin');
    expect(pinDue({ pinOnFirstTapOfDay: false, pinAfterHours: 2 }, at('2025-06-02T08:00:00.000Z'), at('2025-06-02T10:00:00.000Z'))).toBe('hours_since_pin');
  });
});

describe('PIN lockout: 5 wrong PINs lock the employee number for a while', () => {
  const rule = DEFAULT_LOCKOUT_RULE;
  const start = at('2025-06-02T08:00:00.000Z');
  const plus = (seconds: number) => new Date(start.getTime() + seconds * 1000);

  function wrong(times: number, from: LockoutState = NO_FAILURES, first = start) {
    let state: LockoutState & { lockedNow: boolean } = { ...from, lockedNow: false };
    for (let i = 0; i < times; i++) state = afterWrongPin(state, new Date(first.getTime() + i * 1000), rule);
    return state;
  }

  it('has 5 tries and 15 minutes of lock by default', () => {
    expect(rule.maxFailures).toBe(5);
    expect(rule.lockoutSeconds).toBe(900);
  });

  it('does not lock after 4 wrong PINs', () => {
    const state = wrong(4);
    expect(state.lockedNow).toBe(false);
    expect(state.failures).toBe(4);
    expect(lockedUntil(state, plus(4))).toBeNull();
  });

  it('locks on the 5th wrong PIN until 15 minutes later', () => {
    const state = wrong(5);
    expect(state.lockedNow).toBe(true);
    expect(state.lockedUntil).toEqual(plus(4 + 900));
    expect(lockedUntil(state, plus(5))).toEqual(plus(904));
    expect(lockedUntil(state, plus(903))).toEqual(plus(904));
  });

  it('opens again when the lock expires, with 5 fresh tries', () => {
    const locked = wrong(5);
    expect(lockedUntil(locked, plus(904))).toBeNull();
    const again = wrong(4, locked, plus(1000));
    expect(again.lockedNow).toBe(false);
    expect(wrong(5, locked, plus(1000)).lockedNow).toBe(true);
  });

  it('takes its length from the rule (a server option shortens it for tests)', () => {
    let state: LockoutState & { lockedNow: boolean } = { ...NO_FAILURES, lockedNow: false };
    for (let i = 0; i < 5; i++) state = afterWrongPin(state, start, { ...rule, lockoutSeconds: 2 });
    expect(state.lockedUntil).toEqual(plus(2));
  });

  it('forgets wrong PINs that lie more than a day apart', () => {
    const old = wrong(4);
    const next = afterWrongPin(old, plus(rule.forgetAfterSeconds + 10), rule);
    expect(next.failures).toBe(1);
    expect(next.lockedNow).toBe(false);
  });
});
