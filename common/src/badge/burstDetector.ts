import { BADGE_MAX_CODES } from './badgeId.js';

/**
 * Tells an RFID reader's burst of keystrokes from a person typing, by timing alone. A reader types
 * a whole badge id in a few milliseconds per key and ends with Enter; people need 60 ms or more per key.
 *
 * The renderer feeds it every keydown (on shared devices, before any text field sees the key). A
 * character key is held back at first, because only the next keys can tell whether it belongs to a
 * burst; the caller stops its default action and waits for a later step to say what it was:
 * - typing: the step `release`s it, and the caller types it where the person was typing. A held key
 *   waits at most `maxGapMs`, so people do not notice;
 * - a reader burst ending in Enter: the step reports the `badge` (its key codes); nothing is typed;
 * - a reader-fast run of at least `minChars` keys without Enter: a partial or garbled read, so it is
 *   `discarded` (neither typed nor taken for a badge).
 *
 * Pure: no timers of its own. Each step says `flushAt`, the time at which the caller must call
 * `flush(now)` if no other key came, using the same clock as the key timestamps
 * (`KeyboardEvent.timeStamp` with `performance.now()`).
 */

export interface BurstKey {
  /** `KeyboardEvent.code`: the physical key, whatever the keyboard layout. */
  code: string;
  /** When the key went down, in milliseconds. */
  at: number;
  /** Ctrl, Alt or Meta was down: a shortcut, never part of a burst. */
  modified?: boolean;
  /** An auto-repeat of a held key: typing, never part of a burst. */
  repeat?: boolean;
}

export interface BurstOptions {
  /** Fewest characters (Enter not counted) that make a burst; fewer fast keys are typing. */
  minChars: number;
  /** Keys closer together than this belong to one burst. */
  maxGapMs: number;
}

export const DEFAULT_BURST_OPTIONS: BurstOptions = { minChars: 6, maxGapMs: 30 };

export interface BurstStep<K extends BurstKey> {
  /** This key is held back: stop its default action; a later step says what it was. */
  hold: boolean;
  /** Held keys that were typing after all: type them now, in this order, before this key. */
  release: K[];
  /** The key codes of a complete reader burst (Enter left out); null when none ended here. */
  badge: string[] | null;
  /** How many held keys were dropped as a reader burst that did not end in Enter. */
  discarded: number;
  /** When to call `flush` if no key comes first; null while nothing is held. */
  flushAt: number | null;
}

const ENTER = new Set(['Enter', 'NumpadEnter']);
/** Shift comes before a reader's capitals as much as a person's: it neither starts nor breaks a burst. */
const TRANSPARENT = new Set(['ShiftLeft', 'ShiftRight']);
/** Keys that type a character on a US layout: the only keys a burst is made of. */
const CHARACTER =
  /^(?:Key[A-Z]|Digit[0-9]|Numpad[0-9]|NumpadDecimal|NumpadAdd|NumpadSubtract|NumpadMultiply|NumpadDivide|Minus|Equal|BracketLeft|BracketRight|Backslash|Semicolon|Quote|Backquote|Comma|Period|Slash|Space|IntlBackslash)$/;

export function createBurstDetector<K extends BurstKey>(options: Partial<BurstOptions> = {}) {
  const { minChars, maxGapMs } = { ...DEFAULT_BURST_OPTIONS, ...options };
  if (!(minChars >= 1) || !(maxGapMs > 0)) throw new Error('burst detector: minChars must be at least 1 and maxGapMs above 0');
  let held: K[] = [];

  const step = (): BurstStep<K> => ({ hold: false, release: [], badge: null, discarded: 0, flushAt: null });
  const lastAt = () => held[held.length - 1]?.at ?? null;
  const withFlush = (out: BurstStep<K>): BurstStep<K> => {
    const last = lastAt();
    return { ...out, flushAt: last === null ? null : last + maxGapMs };
  };

  /** The held keys can no longer grow into a burst with Enter: drop them as a reader's, or type them. */
  const settle = (out: BurstStep<K>) => {
    if (held.length >= minChars) out.discarded += held.length;
    else out.release.push(...held);
    held = [];
  };
  const settleIfStale = (out: BurstStep<K>, now: number) => {
    const last = lastAt();
    if (last !== null && now - last >= maxGapMs) settle(out);
  };

  return {
    keydown(key: K): BurstStep<K> {
      const out = step();
      settleIfStale(out, key.at);
      if (TRANSPARENT.has(key.code) && !key.modified) return withFlush(out);
      if (ENTER.has(key.code) && !key.modified && !key.repeat) {
        if (held.length >= minChars) {
          out.badge = held.slice(0, BADGE_MAX_CODES).map((k) => k.code);
          out.hold = true;
          held = [];
          return out;
        }
        out.release.push(...held);
        held = [];
        return out;
      }
      if (!CHARACTER.test(key.code) || key.modified || key.repeat) {
        // A shortcut, a repeat or a control key (Backspace, Tab, arrows) is the person's: what was
        // held is typed first, so every key takes effect in the order it was pressed.
        out.release.push(...held);
        held = [];
        return out;
      }
      held.push(key);
      out.hold = true;
      return withFlush(out);
    },

    /** Call at `flushAt` (or later): settles held keys whose burst can no longer continue. */
    flush(now: number): BurstStep<K> {
      const out = step();
      settleIfStale(out, now);
      return withFlush(out);
    },

    /** Focus moved or the window was hidden: held keys are typed where they were meant, or dropped. */
    reset(): BurstStep<K> {
      const out = step();
      settle(out);
      return out;
    },
  };
}

export type BurstDetector<K extends BurstKey> = ReturnType<typeof createBurstDetector<K>>;
