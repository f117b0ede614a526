import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION_SETTINGS } from '../../../../common/src/api/entities.js';
import {
  DEFAULT_LOCKOUT_RULE,
  DEVICE_SUSPENSION_RULE,
  NO_FAILURES,
  afterRightPin,
  afterWrongPin,
  amsterdamDay,
  lockedUntil,
  longestLockSeconds,
  pinDue,
  reserveAttempt,
  suspendsDevice,
  type LockoutRule,
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

describe('PIN lockout: 5 wrong PINs lock the employee number, each lock longer than the last', () => {
  const rule = DEFAULT_LOCKOUT_RULE;
  const start = at('2025-06-02T08:00:00.000Z');
  const plus = (seconds: number) => new Date(start.getTime() + seconds * 1000);
  const MINUTE = 60;
  const HOUR = 3600;
  const DAY = 24 * HOUR;

  /** One attempt from reservation to answer: the lock it answers with, or null (invalid_credentials). */
  function tryWrong(state: LockoutState, now: Date, r: LockoutRule = rule): { state: LockoutState; lockedUntil: Date | null } {
    const reserved = reserveAttempt(state, now, r);
    if (!reserved.allowed) return { state: reserved.state, lockedUntil: reserved.lockedUntil };
    const after = afterWrongPin(reserved.state, now, r);
    return { state: after.state, lockedUntil: after.lockedUntil };
  }
  function wrongTimes(times: number, from: LockoutState = NO_FAILURES, first = start, r: LockoutRule = rule) {
    let out = { state: from, lockedUntil: null as Date | null };
    for (let i = 0; i < times; i++) out = tryWrong(out.state, new Date(first.getTime() + i * 1000), r);
    return out;
  }
  /** Five wrong PINs from `from`: the seconds of the lock the fifth one answers with. */
  function lockSeconds(from: LockoutState, now: Date, r: LockoutRule = rule) {
    const out = wrongTimes(5, from, now, r);
    const fifth = new Date(now.getTime() + 4000);
    return { state: out.state, seconds: (out.lockedUntil!.getTime() - fifth.getTime()) / 1000, until: out.lockedUntil! };
  }

  it('has 5 tries and locks for 15 minutes, then an hour, then a day, forgotten after a quiet week', () => {
    expect(rule.maxFailures).toBe(5);
    expect(rule.lockoutSeconds).toBe(15 * MINUTE);
    expect(rule.escalation.map((f) => f * rule.lockoutSeconds)).toEqual([15 * MINUTE, HOUR, DAY]);
    expect(rule.quietSeconds).toBe(7 * DAY);
  });

  it('does not lock after 4 wrong PINs', () => {
    const out = wrongTimes(4);
    expect(out.lockedUntil).toBeNull();
    expect(out.state.failures).toBe(4);
    expect(lockedUntil(out.state, plus(4))).toBeNull();
  });

  it('locks on the 5th wrong PIN until 15 minutes later', () => {
    const out = wrongTimes(5);
    expect(out.lockedUntil).toEqual(plus(4 + 15 * MINUTE));
    expect(lockedUntil(out.state, plus(5))).toEqual(plus(4 + 15 * MINUTE));
    expect(reserveAttempt(out.state, plus(10), rule)).toMatchObject({ allowed: false, lockedUntil: plus(4 + 15 * MINUTE), lockedNow: false });
  });

  it('counts attempts while their PIN is still being compared: the 6th at once is refused and locks the number', () => {
    let state = NO_FAILURES;
    for (let i = 0; i < 5; i++) {
      const reserved = reserveAttempt(state, start, rule);
      expect(reserved.allowed).toBe(true);
      state = reserved.state;
    }
    const sixth = reserveAttempt(state, start, rule);
    expect(sixth).toMatchObject({ allowed: false, lockedNow: true, lockedUntil: plus(15 * MINUTE) });
    // The five still being compared, when wrong, answer with that same lock.
    expect(afterWrongPin(sixth.state, start, rule)).toMatchObject({ lockedUntil: plus(15 * MINUTE), lockedNow: false });
  });

  it('opens again when the lock expires, with 5 fresh tries', () => {
    const locked = wrongTimes(5);
    expect(lockedUntil(locked.state, plus(4 + 15 * MINUTE))).toBeNull();
    expect(wrongTimes(4, locked.state, plus(1000)).lockedUntil).toBeNull();
    expect(wrongTimes(5, locked.state, plus(1000)).lockedUntil).not.toBeNull();
  });

  it('starts the count over after the right PIN', () => {
    const four = wrongTimes(4);
    const reserved = reserveAttempt(four.state, plus(10), rule);
    expect(reserved.allowed).toBe(true);
    const cleared = afterRightPin(reserved.state, plus(10));
    expect(cleared.failures).toBe(0);
    expect(wrongTimes(4, cleared, plus(20)).lockedUntil).toBeNull();
  });

  it('lifts a lock that attempts being compared at the same time set, when this one had the right PIN', () => {
    let state = NO_FAILURES;
    for (let i = 0; i < 5; i++) state = (reserveAttempt(state, start, rule) as { state: LockoutState }).state;
    const locked = afterWrongPin(state, start, rule);
    expect(locked.lockedNow).toBe(true);
    const right = afterRightPin(locked.state, plus(1));
    expect(lockedUntil(right, plus(1))).toBeNull();
    expect(right.lockouts).toBe(0);
    expect(lockSeconds(right, plus(2)).seconds).toBe(15 * MINUTE);
  });

  it('locks longer each time: 15 minutes, an hour, a day, and a day from then on', () => {
    const first = lockSeconds(NO_FAILURES, start);
    const second = lockSeconds(first.state, new Date(first.until.getTime() + 1000));
    const third = lockSeconds(second.state, new Date(second.until.getTime() + 1000));
    const fourth = lockSeconds(third.state, new Date(third.until.getTime() + 1000));
    expect([first.seconds, second.seconds, third.seconds, fourth.seconds]).toEqual([15 * MINUTE, HOUR, DAY, DAY]);
  });

  it('keeps the run through a right PIN, and starts it over only after a quiet week from the end of the last lock', () => {
    const first = lockSeconds(NO_FAILURES, start);
    const cleared = afterRightPin((reserveAttempt(first.state, new Date(first.until.getTime() + 1000), rule) as { state: LockoutState }).state, first.until);
    const second = lockSeconds(cleared, new Date(first.until.getTime() + 2000));
    expect(second.seconds).toBe(HOUR);
    expect(lockSeconds(second.state, new Date(second.until.getTime() + (7 * DAY - 60) * 1000)).seconds).toBe(DAY);
    expect(lockSeconds(second.state, new Date(second.until.getTime() + 7 * DAY * 1000)).seconds).toBe(15 * MINUTE);
  });

  it('takes its lengths from the rule (a server option shortens them for tests)', () => {
    const short = { ...rule, lockoutSeconds: 2 };
    const first = lockSeconds(NO_FAILURES, start, short);
    const second = lockSeconds(first.state, new Date(first.until.getTime() + 1000), short);
    const third = lockSeconds(second.state, new Date(second.until.getTime() + 1000), short);
    expect([first.seconds, second.seconds, third.seconds]).toEqual([2, 8, 192]);
    expect(longestLockSeconds(short)).toBe(192);
  });

  it('forgets wrong PINs that lie more than a day apart', () => {
    const old = wrongTimes(4);
    const next = reserveAttempt(old.state, plus(rule.forgetAfterSeconds + 10), rule);
    expect(next).toMatchObject({ allowed: true, state: { failures: 1 } });
  });
});

describe('device suspension: many wrong PINs across employee numbers', () => {
  const rule = DEVICE_SUSPENSION_RULE;

  it('suspends a device at its 21st attempt in an hour when they cover 3 or more employee numbers', () => {
    expect(rule).toEqual({ maxAttempts: 20, minNumbers: 3, windowSeconds: 3600 });
    expect(suspendsDevice(20, 20, rule)).toBe(false);
    expect(suspendsDevice(21, 3, rule)).toBe(true);
    expect(suspendsDevice(21, 20, rule)).toBe(true);
  });

  it('leaves a device guessing one or two numbers to the locks of those numbers', () => {
    expect(suspendsDevice(30, 2, rule)).toBe(false);
    expect(suspendsDevice(30, 1, rule)).toBe(false);
  });

  it('suspends for as long as the longest PIN lock: a day by default', () => {
    expect(longestLockSeconds(DEFAULT_LOCKOUT_RULE)).toBe(24 * 3600);
  });
});
