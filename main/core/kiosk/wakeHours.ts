import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { Timers } from '../session/idleTimer.js';
import { insideWindow } from '../update/updatePolicy.js';

export type WakeWindow = { from: string; to: string };

/**
 * Whether a kiosk keeps its screen awake at this local time: inside its configured hours (which may
 * span midnight), and always when none are configured. Outside them the operating system may let the
 * screen sleep; a tap wakes it as any input does.
 */
export const keepAwakeAt = (at: Date, hours: WakeWindow | null): boolean => hours === null || insideWindow(at.getHours() * 60 + at.getMinutes(), hours);

/** What keeps the screen awake: Electron's powerSaveBlocker in the desktop shell. */
export interface WakeLock {
  hold(): void;
  release(): void;
}

/** The wait until the next whole minute, when the decision may change. */
const untilNextMinute = (at: Date) => 60_000 - (at.getTime() % 60_000);

/** Holds the wake lock inside the wake hours and releases it outside, looking again each minute. */
export function createWakeKeeper(d: { clock: Clock; timers: Timers; log: Logger; hours: WakeWindow | null; lock: WakeLock }) {
  let held = false;
  let timer: unknown = null;
  let running = false;

  function check(): void {
    const now = d.clock.now();
    const want = keepAwakeAt(now, d.hours);
    if (want !== held) {
      held = want;
      if (want) d.lock.hold();
      else d.lock.release();
      d.log.info(want ? 'kiosk screen kept awake' : 'kiosk screen may sleep', { hours: d.hours ? `${d.hours.from}-${d.hours.to}` : 'always' });
    }
    if (running) timer = d.timers.set(check, untilNextMinute(now));
  }

  return {
    start(): void {
      if (running) return;
      running = true;
      check();
    },
    stop(): void {
      running = false;
      d.timers.clear(timer);
      timer = null;
      if (held) d.lock.release();
      held = false;
    },
    held: () => held,
  };
}
