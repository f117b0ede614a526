import type { Clock } from '../clock.js';

/** Timers as the idle timer uses them: the real ones by default, a hand-driven one in tests. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const systemTimers: Timers = {
  set(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Seconds before the lock during which a countdown is shown. */
export const IDLE_WARNING_SECONDS = 15;

/**
 * Seconds since the last keyboard or mouse input anywhere on the machine, as the operating system
 * counts it; null where it cannot tell (the browser shell, or a desktop that does not report it).
 */
export type IdleSource = () => number | null;

export interface IdleTimerDeps {
  clock: Clock;
  /** The operating system's count; without one (or while it answers null) the renderer's activity decides. */
  idleSource?: IdleSource;
  timers?: Timers;
  /** Seconds left (each second of the last `warningSeconds`), or null when the person was active again. */
  onWarning(secondsLeft: number | null): void;
  /** The time ran out: lock now. */
  onIdle(): void;
  warningSeconds?: number;
}

/**
 * Locks after `idleSeconds` without activity. Where the operating system counts idle time, that count
 * is the authority: the renderer's activity is only a hint to look again (a page cannot keep a session
 * alive that nobody touches), and input the page never sees (typing in another program) counts. In the last `warningSeconds` it counts down once a
 * second, so the screen can show "nog 15 seconden"; any activity restarts the time and clears the
 * countdown. The time is measured on the clock, not by counting ticks, so a late timer (a busy or
 * sleeping machine) never lets a session outlive its idle time.
 */
export function createIdleTimer(d: IdleTimerDeps) {
  const timers = d.timers ?? systemTimers;
  const warningMs = (d.warningSeconds ?? IDLE_WARNING_SECONDS) * 1000;
  let idleMs: number | null = null;
  let startedAt = 0;
  let lastActivity = 0;
  let handle: unknown = null;
  let shown: number | null = null;

  const now = () => d.clock.now().getTime();
  const cancel = () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
  };
  const schedule = (ms: number) => {
    cancel();
    handle = timers.set(() => {
      handle = null;
      tick();
    }, Math.max(0, ms));
  };

  /** The last input: the operating system's, never before the session began; else the renderer's. */
  const lastInput = () => {
    const seconds = d.idleSource?.() ?? null;
    return seconds === null ? lastActivity : Math.max(startedAt, now() - seconds * 1000);
  };

  function tick() {
    cancel();
    if (idleMs === null) return;
    const left = idleMs - (now() - lastInput());
    if (left <= 0) {
      idleMs = null;
      shown = null;
      d.onIdle();
      return;
    }
    if (left <= warningMs) {
      const seconds = Math.ceil(left / 1000);
      if (seconds !== shown) {
        shown = seconds;
        d.onWarning(seconds);
      }
      // Wake when the count drops to the next whole second (or to zero: the lock).
      return schedule(left - (seconds - 1) * 1000);
    }
    if (shown !== null) {
      shown = null;
      d.onWarning(null);
    }
    schedule(left - warningMs);
  }

  return {
    /** Begins timing (at login) with this idle time. */
    start(idleSeconds: number) {
      idleMs = Math.max(1, idleSeconds) * 1000;
      startedAt = now();
      lastActivity = startedAt;
      if (shown !== null) d.onWarning(null);
      shown = null;
      tick();
    },
    /** The person did something: the idle time starts again. */
    activity() {
      if (idleMs === null) return;
      lastActivity = now();
      tick();
    },
    /** Stops timing (logout); a countdown still shown is cleared. */
    stop() {
      cancel();
      idleMs = null;
      if (shown !== null) {
        shown = null;
        d.onWarning(null);
      }
    },
    /** Seconds of the current idle time, or null when not timing. */
    idleSeconds: () => (idleMs === null ? null : idleMs / 1000),
  };
}

export type IdleTimer = ReturnType<typeof createIdleTimer>;
