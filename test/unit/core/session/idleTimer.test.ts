import { describe, expect, it } from 'vitest';
import { createIdleTimer } from '../../../../main/core/session/idleTimer.js';
import { manualTime } from '../../../fixtures/core/manualTime.js';

function setUp() {
  const time = manualTime();
  const warnings: { at: number; secondsLeft: number | null }[] = [];
  const locks: number[] = [];
  const start = time.now;
  const idle = createIdleTimer({
    clock: time.clock,
    timers: time.timers,
    onWarning: (secondsLeft) => warnings.push({ at: (time.now - start) / 1000, secondsLeft }),
    onIdle: () => locks.push((time.now - start) / 1000),
  });
  return { time, idle, warnings, locks };
}

describe('the idle lock', () => {
  it('counts down each second of the last 15 and locks when the time is up', () => {
    const { time, idle, warnings, locks } = setUp();
    idle.start(120);

    time.advance(104_999);
    expect(warnings).toEqual([]);
    time.advance(16_000);

    expect(warnings).toEqual(Array.from({ length: 15 }, (_, i) => ({ at: 105 + i, secondsLeft: 15 - i })));
    expect(locks).toEqual([120]);
    expect(time.pendingTimers()).toBe(0);
  });

  it('starts again after activity, and says the countdown is over', () => {
    const { time, idle, warnings, locks } = setUp();
    idle.start(60);
    time.advance(50_000);
    expect(warnings.at(-1)).toEqual({ at: 50, secondsLeft: 10 });

    idle.activity();

    expect(warnings.at(-1)).toEqual({ at: 50, secondsLeft: null });
    time.advance(44_999);
    expect(warnings.at(-1)).toEqual({ at: 50, secondsLeft: null });
    time.advance(16_000);
    expect(locks).toEqual([110]);
  });

  it('keeps one timer however often activity comes', () => {
    const { time, idle, locks } = setUp();
    idle.start(30);
    for (let i = 0; i < 100; i++) {
      time.advance(100);
      idle.activity();
    }
    expect(time.pendingTimers()).toBe(1);
    time.advance(30_000);
    expect(locks).toEqual([40]);
  });

  it('locks at once when the machine slept past the idle time', () => {
    const { time, idle, locks } = setUp();
    idle.start(120);
    time.jump(10 * 60_000);
    time.advance(0);
    expect(locks).toEqual([600]);
  });

  it('counts down from the start when the idle time is shorter than the countdown', () => {
    const { time, idle, warnings, locks } = setUp();
    idle.start(5);
    time.advance(5_000);
    expect(warnings.map((w) => w.secondsLeft)).toEqual([5, 4, 3, 2, 1]);
    expect(locks).toEqual([5]);
  });

  it('stops without locking at logout, and clears a countdown that was shown', () => {
    const { time, idle, warnings, locks } = setUp();
    idle.start(20);
    time.advance(10_000);
    idle.stop();
    expect(warnings.at(-1)?.secondsLeft).toBeNull();
    time.advance(60_000);
    expect(locks).toEqual([]);
    idle.activity();
    expect(time.pendingTimers()).toBe(0);
  });
});
