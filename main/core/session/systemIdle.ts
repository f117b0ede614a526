import type { IdleSource } from './idleTimer.js';

/**
 * The operating system's idle time as the idle lock reads it. Some desktops (Wayland without an idle
 * protocol) report state "unknown" and an idle time of 0 forever: believed, that would keep every
 * session open, so there the answer is null and the renderer's activity decides.
 */
export function systemIdleSource(os: { idleState(): 'active' | 'idle' | 'locked' | 'unknown'; idleSeconds(): number }): IdleSource {
  return () => {
    if (os.idleState() === 'unknown') return null;
    const seconds = os.idleSeconds();
    return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
  };
}
