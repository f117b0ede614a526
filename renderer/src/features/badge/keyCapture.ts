import {
  createBurstDetector,
  type BurstKey,
  type BurstOptions,
  type BurstStep,
} from '../../../../common/src/badge/burstDetector';
import { heldKeyOf, isReplayed, replayKeys, type HeldKey } from './replayKey';

/**
 * The badge reader types like a keyboard, so on a shared device every keydown goes to the burst
 * detector first: a capture listener on the window, ahead of any field. Keys that may belong to a
 * burst are held back (default prevented, not passed on) for at most the detector's gap; typing is
 * then given back to the field it was meant for, and a complete burst becomes one badge tap. A
 * badge tapped while someone writes a post is never typed into it, and a typist notices nothing.
 */
export type BadgeCaptureHandlers = {
  /** A complete reader burst: its key codes, which are never shown or logged. */
  onBadge(codes: string[]): void;
  /** A reader-fast run that did not end in Enter: a partial read, neither typed nor used. */
  onGarbled(): void;
};

type Key = BurstKey & { held: HeldKey };

/** A wait that ends this much after its time means the page was busy meanwhile. */
const LATE_MS = 8;

export function installBadgeCapture(handlers: BadgeCaptureHandlers, options: Partial<BurstOptions> = {}): () => void {
  const detector = createBurstDetector<Key>(options);
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = (at: number | null) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (at === null) return;
    timer = setTimeout(() => {
      // Late: the page was busy, and a reader's next keys may be waiting in the input queue with
      // their own (close) timestamps. Input runs before timers, so one more turn lets them in first.
      if (performance.now() - at > LATE_MS) {
        timer = setTimeout(() => {
          timer = null;
          apply(detector.flush(performance.now()));
        }, 0);
        return;
      }
      timer = null;
      apply(detector.flush(performance.now()));
    }, Math.max(0, at - performance.now()));
  };

  function apply(step: BurstStep<Key>): void {
    replayKeys(step.release.map((k) => k.held));
    if (step.discarded > 0) handlers.onGarbled();
    if (step.badge) handlers.onBadge(step.badge);
    schedule(step.flushAt);
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (isReplayed(event)) return;
    const step = detector.keydown({
      code: event.code,
      at: keyTime(event),
      // An input method composing a word is typing too, whatever keys it uses.
      modified: event.ctrlKey || event.altKey || event.metaKey || event.isComposing || event.key === 'Process',
      repeat: event.repeat,
      held: heldKeyOf(event),
    });
    if (step.hold) {
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
    if (timer !== null) clearTimeout(timer);
    timer = null;
    replayKeys(detector.reset().release.map((k) => k.held));
  };
}

/**
 * When the key went down. Browsers stamp events on performance.now()'s clock, which keeps a burst a
 * burst even when the page was busy while the keys queued up; jsdom stamps them with Date.now(), so
 * there the time the key is handled stands in.
 */
function keyTime(event: KeyboardEvent): number {
  const now = performance.now();
  return event.timeStamp > 0 && Math.abs(now - event.timeStamp) < 10_000 ? event.timeStamp : now;
}
