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

describe('the idle lock with the operating system’s idle time', () => {
  /** A machine whose last input was at `lastInputAt` (ms on the manual clock), or that cannot tell (null). */
  function withOs() {
    const time = manualTime();
    const os = { lastInputAt: time.now as number | null };
    const warnings: (number | null)[] = [];
    const locks: number[] = [];
    const start = time.now;
    const idle = createIdleTimer({
      clock: time.clock,
      timers: time.timers,
      idleSource: () => (os.lastInputAt === null ? null : (time.now - os.lastInputAt) / 1000),
      onWarning: (s) => warnings.push(s),
      onIdle: () => locks.push((time.now - start) / 1000),
    });
    return { time, os, idle, warnings, locks, start };
  }

  it('keeps her logged in while she types in another program the page never sees', () => {
    const m = withOs();
    m.idle.start(120);
    m.time.advance(100_000);
    m.os.lastInputAt = m.time.now;
    m.time.advance(110_000);
    expect(m.locks).toEqual([]);
    m.time.advance(10_000);
    expect(m.locks).toEqual([220]);
  });

  it('does not let the page keep alive a session nobody touches: its activity is only a hint', () => {
    const m = withOs();
    m.idle.start(120);
    for (let i = 0; i < 11; i++) {
      m.time.advance(10_000);
      m.idle.activity();
    }
    m.time.advance(10_000);
    expect(m.locks).toEqual([120]);
  });

  it('clears the countdown when the operating system saw input, at the page’s hint', () => {
    const m = withOs();
    m.idle.start(60);
    m.time.advance(50_000);
    expect(m.warnings.at(-1)).toBe(10);
    m.os.lastInputAt = m.time.now;
    m.idle.activity();
    expect(m.warnings.at(-1)).toBeNull();
    m.time.advance(59_000);
    expect(m.locks).toEqual([]);
  });

  it('lets the page decide where the operating system cannot tell', () => {
    const m = withOs();
    m.os.lastInputAt = null;
    m.idle.start(60);
    m.time.advance(50_000);
    m.idle.activity();
    m.time.advance(59_000);
    expect(m.locks).toEqual([]);
    m.time.advance(1_000);
    expect(m.locks).toEqual([110]);
  });

  it('never counts input from before the login as hers', () => {
    const m = withOs();
    m.os.lastInputAt = m.time.now - 3_600_000;
    m.idle.start(60);
    m.time.advance(59_999);
    expect(m.locks).toEqual([]);
    m.time.advance(1);
    expect(m.locks).toEqual([60]);
  });
});

describe('the operating system’s idle time as read from Electron', () => {
  it('is believed where the desktop reports it, and ignored where its state is unknown', async () => {
    const { systemIdleSource } = await import('../../../../main/core/session/systemIdle.js');
    expect(systemIdleSource({ idleState: () => 'idle', idleSeconds: () => 42 })()).toBe(42);
    expect(systemIdleSource({ idleState: () => 'active', idleSeconds: () => 0 })()).toBe(0);
    expect(systemIdleSource({ idleState: () => 'unknown', idleSeconds: () => 0 })()).toBeNull();
    expect(systemIdleSource({ idleState: () => 'locked', idleSeconds: () => Number.NaN })()).toBeNull();
  });
});
