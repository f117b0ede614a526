import { BADGE_MAX_CODES } from './badgeId.js';
import { DEFAULT_BADGE_READER, type ReaderTerminator } from './readerSettings.js';

/**
 * Tells an RFID reader's burst of keystrokes from a person typing, by the keys' own timestamps. A
 * reader types a whole badge id in a few milliseconds per key; people need 60 ms or more per key.
 *
 * The renderer feeds it every keydown (on shared devices, before any text field sees the key). A
 * character key is held back at first, because only the next keys can tell whether it belongs to a
 * burst; the caller stops its default action and waits for a later step to say what it was:
 * - typing (fewer than `minChars` fast keys): the step `release`s it, and the caller types it where
 *   the person was typing. A held key waits at most `maxGapMs`, so people do not notice;
 * - a reader-fast run of at least `minChars` keys ended by the reader's `terminator` (or by a pause,
 *   for a reader that sends none): the step reports the `badge` (its key codes); nothing is typed;
 * - such a run ended any other way (Enter, Tab or a line feed that is not this reader's terminator,
 *   another key, a pause): a partial or garbled read, so it is `discarded`: neither typed nor taken
 *   for a badge. An Enter, Tab or line feed that ends a run is the reader's too, and is swallowed.
 *
 * Pure: no timers and no clock of its own. Time is the keys' `at` (`KeyboardEvent.timeStamp`); each
 * step says `flushAt`, the time at which the caller must call `flush(now)` if no other key came, on
 * the same clock (`performance.now()`).
 */

export interface BurstKey {
  /** `KeyboardEvent.code`: the physical key, whatever the keyboard layout. */
  code: string;
  /** When the key went down, in milliseconds. */
  at: number;
  /** Ctrl, Alt or Meta was down, or an input method was composing: a shortcut or typing, never part of a burst. */
  modified?: boolean;
  /** Ctrl alone was down: Ctrl+J is a line feed, which ends a read like Enter does. */
  ctrl?: boolean;
  /** An auto-repeat of a held key: typing, never part of a burst. */
  repeat?: boolean;
}

export interface BurstOptions {
  /** Fewest characters (the end key not counted) that make a burst; fewer fast keys are typing. */
  minChars: number;
  /** Keys closer together than this belong to one burst. */
  maxGapMs: number;
  /** The key that ends this reader's reads; `none`: a pause does. */
  terminator: ReaderTerminator;
}

export const DEFAULT_BURST_OPTIONS: BurstOptions = {
  minChars: DEFAULT_BADGE_READER.minChars,
  maxGapMs: DEFAULT_BADGE_READER.maxGapMs,
  terminator: DEFAULT_BADGE_READER.terminator,
};

export interface BurstStep<K extends BurstKey> {
  /** This key is held back or swallowed: stop its default action; a later step says what held keys were. */
  hold: boolean;
  /** Held keys that were typing after all: type them now, in this order, before this key. */
  release: K[];
  /** The key codes of a complete reader burst (its end key left out); null when none ended here. */
  badge: string[] | null;
  /** How many held keys were dropped as a reader burst that did not end as this reader ends one. */
  discarded: number;
  /** When to call `flush` if no key comes first; null while nothing is held. */
  flushAt: number | null;
  /** How many keys are held now: the more, the surer a reader is typing. */
  holding: number;
}

type EndKey = Exclude<ReaderTerminator, 'none'> | 'lineFeed';

const ENTER = new Set(['Enter', 'NumpadEnter']);
/** Keys that type nothing by themselves (Shift before a reader's capitals, Ctrl before its line feed): they neither start nor break a burst. */
const MODIFIER = new Set(['ShiftLeft', 'ShiftRight', 'ControlLeft', 'ControlRight', 'AltLeft', 'AltRight', 'MetaLeft', 'MetaRight']);
/** Keys that type a character: the only keys a burst is made of. */
const CHARACTER =
  /^(?:Key[A-Z]|Digit[0-9]|Numpad[0-9]|NumpadDecimal|NumpadAdd|NumpadSubtract|NumpadMultiply|NumpadDivide|Minus|Equal|BracketLeft|BracketRight|Backslash|Semicolon|Quote|Backquote|Comma|Period|Slash|Space|IntlBackslash)$/;

function endKeyOf(key: BurstKey): EndKey | null {
  if (key.repeat) return null;
  if (key.code === 'KeyJ' && key.ctrl) return 'lineFeed';
  if (key.modified) return null;
  if (ENTER.has(key.code)) return 'enter';
  return key.code === 'Tab' ? 'tab' : null;
}

export function createBurstDetector<K extends BurstKey>(options: Partial<BurstOptions> = {}) {
  const { minChars, maxGapMs, terminator } = { ...DEFAULT_BURST_OPTIONS, ...options };
  if (!(minChars >= 1) || !(maxGapMs > 0)) throw new Error('burst detector: minChars must be at least 1 and maxGapMs above 0');
  let held: K[] = [];
  /** Until when a further end key is the rest of the reader's last read (CR LF, Tab Enter). */
  let readEndedUntil = -Infinity;
  /**
   * The caller settles held keys by the page's clock, but the browser may hand a run's last keys over
   * later than that: a key that went down within the gap after the last settled run (`cut`) is the
   * rest of that run. The rest of a read is dropped with it, never taken for a badge of its own (the
   * tail of one badge could be someone else's); a run that was typing may go on as typing, but if it
   * grows into a read, that read lost its start and is dropped.
   */
  let cut = { until: -Infinity, wasRead: false };
  /** The keys held now go on from a run that was settled before it ended. */
  let continuesCut = false;

  const step = (): BurstStep<K> => ({ hold: false, release: [], badge: null, discarded: 0, flushAt: null, holding: 0 });
  const lastAt = () => held[held.length - 1]?.at ?? null;
  const looksLikeARead = () => held.length >= minChars;
  const withFlush = (out: BurstStep<K>): BurstStep<K> => {
    const last = lastAt();
    return { ...out, flushAt: last === null ? null : last + maxGapMs, holding: held.length };
  };
  const take = (out: BurstStep<K>, asBadge: boolean) => {
    if (asBadge && !continuesCut) out.badge = held.slice(0, BADGE_MAX_CODES).map((k) => k.code);
    else out.discarded += held.length;
    held = [];
  };

  /** The held keys can no longer grow: a read that a pause ends, a dropped read, or typing. */
  const settle = (out: BurstStep<K>, pauseEndsRead: boolean) => {
    const last = lastAt();
    if (last !== null) cut = { until: last + maxGapMs, wasRead: looksLikeARead() };
    if (looksLikeARead()) take(out, pauseEndsRead && terminator === 'none');
    else out.release.push(...held);
    held = [];
  };
  const settleIfStale = (out: BurstStep<K>, now: number) => {
    const last = lastAt();
    if (last !== null && now - last >= maxGapMs) settle(out, true);
  };

  return {
    keydown(key: K): BurstStep<K> {
      const out = step();
      settleIfStale(out, key.at);
      if (MODIFIER.has(key.code)) return withFlush(out);
      const end = endKeyOf(key);
      if (held.length === 0 && key.at < cut.until && cut.wasRead && (end || (CHARACTER.test(key.code) && !key.modified && !key.repeat))) {
        cut.until = key.at + maxGapMs;
        if (!end) out.discarded = 1;
        out.hold = true;
        return out;
      }
      if (end) {
        if (looksLikeARead()) {
          take(out, end === terminator);
          readEndedUntil = key.at + maxGapMs;
          out.hold = true;
          return out;
        }
        if (held.length === 0 && key.at < readEndedUntil) {
          readEndedUntil = key.at + maxGapMs;
          out.hold = true;
          return out;
        }
      }
      if (end || !CHARACTER.test(key.code) || key.modified || key.repeat) {
        // A person's key (Enter, Backspace, Tab, arrows, a shortcut, a repeat): what was held is
        // typed first, so every key takes effect in the order it was pressed. After a reader-fast
        // run it is a read cut short, which is dropped instead.
        if (looksLikeARead()) take(out, false);
        out.release.push(...held);
        held = [];
        return out;
      }
      if (held.length === 0) continuesCut = key.at < cut.until;
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

    /** Focus moved or the window was hidden: held typing is typed where it was meant; a read cut short is dropped. */
    reset(): BurstStep<K> {
      const out = step();
      settle(out, false);
      return out;
    },
  };
}

export type BurstDetector<K extends BurstKey> = ReturnType<typeof createBurstDetector<K>>;
