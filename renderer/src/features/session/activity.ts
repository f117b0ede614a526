import { invoke } from '../../app/samen';
import { clearIdleWarning, useIdleWarning } from './idleStore';

/**
 * Tells main that someone is using the screen, so its idle lock starts over. A tap, key, wheel or
 * touch is reported at once and then at most every 5 s (the last one always arrives). While the
 * "Je wordt zo uitgelogd" sheet shows, any activity counts at once and the sheet goes.
 */
const THROTTLE_MS = 5_000;
const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

let lastReport = Number.NEGATIVE_INFINITY;
let trailing: ReturnType<typeof setTimeout> | null = null;

function send(): void {
  if (trailing !== null) clearTimeout(trailing);
  trailing = null;
  lastReport = Date.now();
  void invoke('session.activity', {});
}

/** "Ik ben er nog", or any activity while the warning shows. */
export function stillHere(): void {
  clearIdleWarning();
  send();
}

/** The sheet's own button says it, on click: were its pointerdown to hide the sheet, the click would land on the page behind. */
const SHEET = '[data-idle-sheet]';

function onActivity(event: Event): void {
  if (event.target instanceof Element && event.target.closest(SHEET)) return;
  if (useIdleWarning.getState().deadline !== null) {
    stillHere();
    return;
  }
  const wait = lastReport + THROTTLE_MS - Date.now();
  if (wait <= 0) send();
  else trailing ??= setTimeout(send, wait);
}

export function startActivityReporter(): () => void {
  const options = { capture: true, passive: true };
  for (const name of EVENTS) window.addEventListener(name, onActivity, options);
  return () => {
    for (const name of EVENTS) window.removeEventListener(name, onActivity, options);
    if (trailing !== null) clearTimeout(trailing);
    trailing = null;
    lastReport = Number.NEGATIVE_INFINITY;
  };
}
