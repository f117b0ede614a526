import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { systemTimers, type Timers } from '../session/idleTimer.js';
import type { OutboxStore } from './outboxStore.js';

/** Looked at again at least this often, so a clock set forward (or a machine that slept) is noticed. */
const LONGEST_WAIT_MS = 60 * 60_000;

/**
 * A write whose grant expired waits for its author to send or discard it, but not for ever: a shared
 * PC keeps it `keepMs` past the grant's expiry, then drops it unsent and leaves its author a notice
 * (kind and time) for her next login. Looks again when the next one falls due, and whenever asked.
 */
export function createExpiredWrites(d: { store: OutboxStore; clock: Clock; keepMs: number; log: Logger; timers?: Timers; onDropped(count: number): void }) {
  const timers = d.timers ?? systemTimers;
  let handle: unknown = null;
  let stopped = false;

  const cancel = () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
  };

  function sweep(): void {
    if (stopped) return;
    cancel();
    const now = d.clock.now().getTime();
    const dropped = d.store.dropExpired(new Date(now - d.keepMs));
    if (dropped > 0) {
      d.log.info('writes whose grant expired long ago dropped unsent; their authors will be told', { items: dropped });
      d.onDropped(dropped);
    }
    const earliest = d.store.earliestGrantExpiry();
    if (earliest === null) return;
    const due = Date.parse(earliest) + d.keepMs - now;
    handle = timers.set(sweep, Math.min(Math.max(due + 1, 0), LONGEST_WAIT_MS));
  }

  return {
    /** Drops what is due now and waits for the next (at start, and when who is logged in changes). */
    sweep,
    stop() {
      stopped = true;
      cancel();
    },
  };
}

export type ExpiredWrites = ReturnType<typeof createExpiredWrites>;
