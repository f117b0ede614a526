import { createBurstDetector, DEFAULT_BURST_OPTIONS, type BurstKey, type BurstOptions, type BurstStep } from '../../../../common/src/badge/burstDetector';
import { heldKeyOf, isReplayed, replayKeys, type HeldKey } from './replayKey';

/**
 * The badge reader types like a keyboard, so on a shared device every keydown goes to the burst
 * detector first: a capture listener on the window, ahead of any field. Keys that may belong to a
 * burst are held back (default prevented, not passed on); a person's key for about the reader's gap,
 * then it is given back to the field it was meant for, and a complete burst becomes one badge tap. A
 * badge tapped while someone writes a post is never typed into it, and a typist notices nothing.
 */
export type BadgeCaptureHandlers = {
  /** A complete reader burst: its key codes, which are never shown or logged. */
  onBadge(codes: string[]): void;
  /** A reader-fast run that did not end as this reader ends a read: a partial read, neither typed nor used. */
  onGarbled(): void;
};

type Key = BurstKey & { held: HeldKey };

/**
 * Whether a run has paused is judged by the keys' own timestamps (the detector), but its keys reach
 * the page one at a time: the browser hands over a key only once the page has taken the one before.
 * So a key that went down in time may still be on its way when the run's time is up, whenever the
 * page was busy (a long task, painting a timeline) or the browser was slow to pass keys on. The run is
 * therefore settled only once the page, too, has gone without a key for a while, in its own time:
 * one gap after a single key, so a person's key waits no longer than the gap; a gap more for each
 * further key held (up to `PATIENCE_KEYS`), as a run that long is a reader's and nothing of it is
 * typed while it waits; and twice all of those gaps after a key that reached the page a gap or more
 * after it went down: it was queued, so the browser is behind, and the keys after it may come later
 * still (on this project's CI machine, with its two cores busy, a reader's last keys reached the page
 * up to 160 ms after the ones before). A flush timer that runs late means the page was busy just
 * then: it settles nothing, and waits again for keys that queued up meanwhile. Keys that come later
 * than all this are the rest of a run already settled, and the detector drops them as such.
 */
const PATIENCE_KEYS = 5;
/** Gaps to wait after a key that came queued. */
const QUEUED_PATIENCE_KEYS = 2 * PATIENCE_KEYS;
/** A flush timer this late means the page was busy meanwhile. */
const LATE_MS = 10;
/** On a page that stays busy, held typing still reaches its field within a few waits. */
const MAX_LATE_WAITS = 5;

export function installBadgeCapture(handlers: BadgeCaptureHandlers, reader: Partial<BurstOptions> = {}): () => void {
  const options = { ...DEFAULT_BURST_OPTIONS, ...reader };
  const detector = createBurstDetector<Key>(options);
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** When the page last took a key it held (its own time, not the key's), and whether that key had been queued. */
  let lastTaken = { at: 0, queued: false };

  const patienceMs = (holding: number) => options.maxGapMs * (lastTaken.queued ? QUEUED_PATIENCE_KEYS : Math.min(holding, PATIENCE_KEYS));
  const stopTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const armFlush = (due: number, holding: number, lateWaits: number) => {
    timer = setTimeout(
      () => {
        timer = null;
        const now = performance.now();
        if (now - due > LATE_MS && lateWaits < MAX_LATE_WAITS) armFlush(now + patienceMs(holding), holding, lateWaits + 1);
        else apply(detector.flush(now));
      },
      Math.max(0, due - performance.now()),
    );
  };

  function apply(step: BurstStep<Key>): void {
    replayKeys(step.release.map((k) => k.held));
    if (step.discarded > 0) handlers.onGarbled();
    if (step.badge) handlers.onBadge(step.badge);
    stopTimer();
    if (step.flushAt !== null) armFlush(Math.max(step.flushAt, lastTaken.at + patienceMs(step.holding)), step.holding, 0);
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (isReplayed(event)) return;
    const takenAt = performance.now();
    const at = keyTime(event, takenAt);
    const step = detector.keydown({
      code: event.code,
      at,
      // An input method composing a word is typing too, whatever keys it uses.
      modified: event.ctrlKey || event.altKey || event.metaKey || event.isComposing || event.key === 'Process',
      ctrl: event.ctrlKey && !event.altKey && !event.metaKey,
      repeat: event.repeat,
      held: heldKeyOf(event),
    });
    if (step.hold) {
      lastTaken = { at: takenAt, queued: takenAt - at >= options.maxGapMs };
      event.preventDefault();
      // Not to the field or the app's handlers; other listeners on the window (activity) still hear it.
      event.stopPropagation();
    }
    apply(step);
  };

  // A tap or click, or leaving the window, ends any wait: held typing lands where it was meant.
  const settle = () => apply(detector.reset());
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') settle();
  };

  window.addEventListener('keydown', onKeyDown, { capture: true });
  window.addEventListener('pointerdown', settle, { capture: true });
  window.addEventListener('blur', settle);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('keydown', onKeyDown, { capture: true });
    window.removeEventListener('pointerdown', settle, { capture: true });
    window.removeEventListener('blur', settle);
    document.removeEventListener('visibilitychange', onVisibility);
    stopTimer();
    replayKeys(detector.reset().release.map((k) => k.held));
  };
}

/**
 * When the key went down: the event's own timestamp, on performance.now()'s clock, which stays right
 * when the page was busy while the keys queued up. A key cannot go down after it is handled, so a
 * stamp from another clock (jsdom stamps events with Date.now()) counts as now.
 */
function keyTime(event: KeyboardEvent, now: number): number {
  return Math.min(event.timeStamp, now);
}
