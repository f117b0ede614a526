import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { Timers } from '../session/idleTimer.js';

/** How long a page may stay unresponsive before it counts as hung. */
export const HANG_MS = 15_000;
/** Crashes this close together count as one run, which waits longer before each reload. */
export const CRASH_RUN_MS = 10 * 60_000;
/** The wait before the 1st, 2nd, 3rd and later reload of a run: a page that crashes at once must not spin. */
export const RELOAD_DELAYS_MS = [0, 5_000, 60_000] as const;

/**
 * Decides what happens to the screen's renderer when it crashes or hangs: it is reloaded at the app's
 * start page (the safe screen: whoever is logged in sees her timeline, otherwise the lock screen),
 * at once the first time and later when it keeps crashing. `reload` is the shell's part.
 */
export function createRendererWatch(d: { clock: Clock; timers: Timers; log: Logger; reload(reason: 'crashed' | 'hung'): void }) {
  let crashes: number[] = [];
  let hangTimer: unknown = null;
  let reloadTimer: unknown = null;
  let pending = false;

  function failed(reason: 'crashed' | 'hung', detail: string): void {
    d.timers.clear(hangTimer);
    hangTimer = null;
    if (pending) return;
    const now = d.clock.now().getTime();
    crashes = [...crashes.filter((t) => now - t < CRASH_RUN_MS), now];
    const delayMs = RELOAD_DELAYS_MS[Math.min(crashes.length, RELOAD_DELAYS_MS.length) - 1]!;
    d.log.error('renderer failed; reloading the start page', { reason, detail, inRun: crashes.length, delayMs });
    pending = true;
    reloadTimer = d.timers.set(() => {
      pending = false;
      d.reload(reason);
    }, delayMs);
  }

  return {
    /** Electron's `render-process-gone`; a clean exit is the window closing, not a crash. */
    gone(detail: string) {
      if (detail === 'clean-exit') return;
      failed('crashed', detail);
    },
    unresponsive() {
      if (hangTimer !== null || pending) return;
      hangTimer = d.timers.set(() => failed('hung', 'unresponsive'), HANG_MS);
    },
    responsive() {
      d.timers.clear(hangTimer);
      hangTimer = null;
    },
    stop() {
      d.timers.clear(hangTimer);
      d.timers.clear(reloadTimer);
    },
  };
}

export type RendererWatch = ReturnType<typeof createRendererWatch>;
