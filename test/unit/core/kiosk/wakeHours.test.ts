import { describe, expect, it } from 'vitest';
import { createWakeKeeper, keepAwakeAt } from '../../../../main/core/kiosk/wakeHours.js';
import { memoryLog } from '../../../fixtures/core/harness.js';
import { manualTime } from '../../../fixtures/core/manualTime.js';

/** A local time today; the decision reads the machine's local clock, as the break room does. */
const local = (hh: number, mm = 0) => new Date(2026, 2, 2, hh, mm);

describe('when a kiosk keeps its screen awake', () => {
  it('keeps it awake inside its hours and lets it sleep outside them', () => {
    const hours = { from: '07:00', to: '19:00' };
    expect(keepAwakeAt(local(6, 59), hours)).toBe(false);
    expect(keepAwakeAt(local(7, 0), hours)).toBe(true);
    expect(keepAwakeAt(local(18, 59), hours)).toBe(true);
    expect(keepAwakeAt(local(19, 0), hours)).toBe(false);
  });

  it('handles hours across midnight (a night shift\'s break room)', () => {
    const hours = { from: '21:00', to: '07:30' };
    expect(keepAwakeAt(local(23, 0), hours)).toBe(true);
    expect(keepAwakeAt(local(3, 0), hours)).toBe(true);
    expect(keepAwakeAt(local(7, 30), hours)).toBe(false);
    expect(keepAwakeAt(local(12, 0), hours)).toBe(false);
  });

  it('keeps it awake always when no hours are configured', () => {
    expect(keepAwakeAt(local(3, 0), null)).toBe(true);
  });

  it('holds the wake lock at the start of the hours and releases it at their end, once each', () => {
    const time = manualTime(local(6, 58).getTime());
    const calls: string[] = [];
    const keeper = createWakeKeeper({ clock: time.clock, timers: time.timers, log: memoryLog(), hours: { from: '07:00', to: '19:00' }, lock: { hold: () => calls.push('hold'), release: () => calls.push('release') } });
    keeper.start();
    expect(calls).toEqual([]);
    time.advance(60_000);
    expect(calls).toEqual([]);
    time.advance(60_000);
    expect(calls).toEqual(['hold']);
    expect(keeper.held()).toBe(true);
    time.advance(12 * 3600_000);
    expect(calls).toEqual(['hold', 'release']);
    time.advance(24 * 3600_000);
    expect(calls).toEqual(['hold', 'release', 'hold', 'release']);
    // One timer at a time, however long it runs; none after stop.
    expect(time.pendingTimers()).toBe(1);
    keeper.stop();
    expect(time.pendingTimers()).toBe(0);
  });

  it('gives the lock back when it stops during the hours', () => {
    const time = manualTime(local(12, 0).getTime());
    const calls: string[] = [];
    const keeper = createWakeKeeper({ clock: time.clock, timers: time.timers, log: memoryLog(), hours: null, lock: { hold: () => calls.push('hold'), release: () => calls.push('release') } });
    keeper.start();
    keeper.stop();
    expect(calls).toEqual(['hold', 'release']);
  });
});
