import { describe, expect, it } from 'vitest';
import { badgeIdFromCodes } from '../../../../common/src/badge/badgeId.js';
import { createBurstDetector, type BurstOptions } from '../../../../common/src/badge/burstDetector.js';

/** A key as a test types it: the physical key and the character the person's layout makes of it. */
interface Key {
  code: string;
  char: string;
  at: number;
  repeat?: boolean;
  ctrl?: boolean;
}

const codeOf = (c: string) =>
  c === '\n'
    ? 'Enter'
    : c === '\t'
      ? 'Tab'
      : c === ' '
        ? 'Space'
        : /\d/.test(c)
          ? `Digit${c}`
          : /[a-z]/i.test(c)
            ? `Key${c.toUpperCase()}`
            : c === '.'
              ? 'Period'
              : 'Comma';

/** A line feed as a reader sends it: Ctrl, then J with Ctrl down (↵ in `typed` if it got through). */
const lineFeed = (at: number): Key[] => [
  { code: 'ControlLeft', char: '', at, ctrl: true },
  { code: 'KeyJ', char: '↵', at: at + 1, ctrl: true },
];

/** Keys of `text`, the first at `start`, then `gap(i)` milliseconds apart. */
function keys(text: string, start: number, gap: (i: number) => number): Key[] {
  let at = start;
  return [...text].map((char, i) => {
    if (i > 0) at += gap(i);
    return { code: codeOf(char), char, at };
  });
}

/** A steady, seeded source of gaps between `min` and `max` milliseconds (a person is never regular). */
function jitter(min: number, max: number, seed = 7) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return min + (x % (max - min + 1));
  };
}

/**
 * Plays keys through a detector as the renderer does (a timer calls flush at flushAt) and answers
 * what reached the text field, which badges were read, and how many keys were dropped.
 */
function play(all: Key[], options: Partial<BurstOptions> = {}) {
  const detector = createBurstDetector<Key & { at: number }>(options);
  let typed = '';
  const badges: string[][] = [];
  let discarded = 0;
  let flushAt: number | null = null;
  const apply = (step: ReturnType<typeof detector.flush>) => {
    typed += step.release.map((k) => k.char).join('');
    if (step.badge) badges.push(step.badge);
    discarded += step.discarded;
    flushAt = step.flushAt;
  };
  for (const key of [...all].sort((a, b) => a.at - b.at)) {
    while (flushAt !== null && flushAt <= key.at) apply(detector.flush(flushAt));
    const step = detector.keydown(key);
    typed += step.release.map((k) => k.char).join('');
    if (!step.hold) typed += key.char;
    if (step.badge) badges.push(step.badge);
    discarded += step.discarded;
    flushAt = step.flushAt;
  }
  while (flushAt !== null) apply(detector.flush(flushAt));
  return { typed, badges, discarded };
}

describe('the badge reader’s burst detector', () => {
  it.each([5, 10, 20])('takes a reader typing %i ms per key and Enter for a badge, and types none of it', (ms) => {
    const result = play(keys('04a1b2c3d4\n', 1000, () => ms));
    expect(result.typed).toBe('');
    expect(result.badges).toHaveLength(1);
    expect(badgeIdFromCodes(result.badges[0]!)).toBe('04A1B2C3D4');
  });

  it('lets a fast typist at 60–120 ms per key through untouched, Enter and all', () => {
    const text = 'Goedemorgen allemaal, de koffie staat klaar.\n';
    const result = play(keys(text, 0, jitter(60, 120)));
    expect(result).toEqual({ typed: text, badges: [], discarded: 0 });
  });

  it('types two keys a person hits almost at once (a roll-over), rather than taking them for a reader', () => {
    const result = play([...keys('th', 0, () => 12), ...keys('e\n', 200, () => 90)]);
    expect(result).toEqual({ typed: 'the\n', badges: [], discarded: 0 });
  });

  it('swallows a reader’s burst in the middle of someone’s typing, and keeps her words in order', () => {
    const before = keys('Hallo ', 0, () => 90);
    const burst = keys('04b2c3d4e5\n', 700, () => 8);
    const after = keys('team', 1500, () => 90);
    const result = play([...before, ...burst, ...after]);
    expect(result.typed).toBe('Hallo team');
    expect(result.badges.map((codes) => badgeIdFromCodes(codes))).toEqual(['04B2C3D4E5']);
  });

  it('drops a reader-fast burst that does not end in Enter: not typed, not a badge', () => {
    const result = play(keys('04a1b2c3', 0, () => 6));
    expect(result).toEqual({ typed: '', badges: [], discarded: 8 });
  });

  it('drops a reader-fast burst whose Enter comes too late, and lets that Enter through', () => {
    const result = play([...keys('04a1b2c3', 0, () => 6), { code: 'Enter', char: '\n', at: 42 + 80 }]);
    expect(result).toEqual({ typed: '\n', badges: [], discarded: 8 });
  });

  it('does not take a partial burst (fewer keys than a badge has) for a badge, even with Enter', () => {
    expect(play(keys('04a\n', 0, () => 5))).toEqual({ typed: '04a\n', badges: [], discarded: 0 });
    expect(play(keys('04a', 0, () => 5))).toEqual({ typed: '04a', badges: [], discarded: 0 });
  });

  it('splits a burst with a hiccup longer than the gap: neither half is a badge', () => {
    const result = play([...keys('04a1', 0, () => 5), ...keys('b2c3d\n', 100, () => 5)]);
    expect(result.badges).toEqual([]);
    expect(result.typed).toBe('04a1b2c3d\n');
  });

  it('reports a garbled burst as a badge, for badge id cleaning to refuse', () => {
    const result = play(keys('04g1z2c3d4\n', 0, () => 5));
    expect(result.typed).toBe('');
    expect(result.badges).toHaveLength(1);
    expect(badgeIdFromCodes(result.badges[0]!)).toBeNull();
  });

  it('follows its configured thresholds', () => {
    const slowReader = keys('04a1\n', 0, () => 45);
    expect(play(slowReader).badges).toEqual([]);
    expect(play(slowReader, { minChars: 4, maxGapMs: 50 }).badges).toEqual([['Digit0', 'Digit4', 'KeyA', 'Digit1']]);
  });

  it('gives held keys back before a control key, a shortcut or a repeat, so every key acts in order', () => {
    const detector = createBurstDetector();
    expect(detector.keydown({ code: 'KeyA', at: 0 })).toMatchObject({ hold: true, release: [], flushAt: 30 });
    const backspace = detector.keydown({ code: 'Backspace', at: 10 });
    expect(backspace).toMatchObject({ hold: false, release: [{ code: 'KeyA', at: 0 }], flushAt: null });
    detector.keydown({ code: 'KeyB', at: 20 });
    expect(detector.keydown({ code: 'KeyC', at: 25, modified: true })).toMatchObject({ hold: false, release: [{ code: 'KeyB' }] });
    detector.keydown({ code: 'KeyD', at: 30 });
    expect(detector.keydown({ code: 'KeyD', at: 35, repeat: true })).toMatchObject({ hold: false, release: [{ code: 'KeyD' }] });
  });

  it('lets Shift through without starting or breaking a burst', () => {
    const detector = createBurstDetector();
    const codes = ['Digit0', 'ShiftLeft', 'KeyA', 'Digit1', 'ShiftLeft', 'KeyB', 'Digit2', 'Digit3'];
    codes.forEach((code, i) => {
      const step = detector.keydown({ code, at: i * 5 });
      expect(step.hold).toBe(code !== 'ShiftLeft');
    });
    expect(detector.keydown({ code: 'Enter', at: 40 }).badge).toEqual(['Digit0', 'KeyA', 'Digit1', 'KeyB', 'Digit2', 'Digit3']);
  });

  it('on reset, types held typing and drops a held burst', () => {
    const detector = createBurstDetector();
    detector.keydown({ code: 'KeyA', at: 0 });
    expect(detector.reset()).toMatchObject({ release: [{ code: 'KeyA' }], discarded: 0 });
    for (let i = 0; i < 7; i++) detector.keydown({ code: 'Digit1', at: 100 + i * 5 });
    expect(detector.reset()).toMatchObject({ release: [], discarded: 7 });
  });

  it('never holds a key longer than the gap: flush says when, and is a no-op before then', () => {
    const detector = createBurstDetector({ maxGapMs: 30 });
    expect(detector.keydown({ code: 'KeyX', at: 100 }).flushAt).toBe(130);
    expect(detector.flush(120)).toMatchObject({ release: [], flushAt: 130 });
    expect(detector.flush(130)).toMatchObject({ release: [{ code: 'KeyX' }], flushAt: null });
  });

  it.each([
    ['Tab', 'ends with Enter (the default)', '\t', {}],
    ['Enter', 'ends with Tab', '\n', { terminator: 'tab' as const }],
  ])('drops a reader-fast run ended by %s when the reader %s, and swallows that key too', (_name, _setting, end, options) => {
    expect(play(keys(`04a1b2c3d4${end}`, 0, () => 5), options)).toEqual({ typed: '', badges: [], discarded: 10 });
  });

  it('drops a reader-fast run that ends in a line feed (Ctrl+J): not typed, not a badge, and the Ctrl+J goes nowhere', () => {
    const result = play([...keys('04a1b2c3d4', 0, () => 5), ...lineFeed(50)]);
    expect(result).toEqual({ typed: '', badges: [], discarded: 10 });
  });

  it('takes a run ended by Tab for a badge when the reader is set to end with Tab', () => {
    const result = play(keys('04a1b2c3d4\t', 0, () => 5), { terminator: 'tab' });
    expect(result).toMatchObject({ typed: '', discarded: 0 });
    expect(result.badges.map((codes) => badgeIdFromCodes(codes))).toEqual(['04A1B2C3D4']);
    // A person's Tab still moves on, rolled or not.
    expect(play(keys('ok\tja\t', 0, () => 90), { terminator: 'tab' })).toEqual({ typed: 'ok\tja\t', badges: [], discarded: 0 });
    expect(play(keys('th\t', 0, () => 8), { terminator: 'tab' })).toEqual({ typed: 'th\t', badges: [], discarded: 0 });
  });

  it('for a reader that sends no terminator, takes the pause after a reader-fast run for the end of a tap', () => {
    const result = play(keys('04a1b2c3d4', 0, () => 5), { terminator: 'none' });
    expect(result).toMatchObject({ typed: '', discarded: 0 });
    expect(result.badges.map((codes) => badgeIdFromCodes(codes))).toEqual(['04A1B2C3D4']);
    // Such a reader sends no Enter: one that does is set up wrongly, and its reads are dropped.
    expect(play(keys('04a1b2c3d4\n', 0, () => 5), { terminator: 'none' })).toEqual({ typed: '', badges: [], discarded: 10 });
    // A person's pause is only a pause.
    expect(play(keys('Goedemorgen', 0, jitter(60, 120)), { terminator: 'none' })).toEqual({ typed: 'Goedemorgen', badges: [], discarded: 0 });
  });

  it('swallows the line feed a reader sends after its Enter (CR LF), and a person’s Enter later still counts', () => {
    const result = play([...keys('04a1b2c3d4\n', 0, () => 5), ...lineFeed(55), ...keys('\n', 400, () => 0)]);
    expect(result.badges.map((codes) => badgeIdFromCodes(codes))).toEqual(['04A1B2C3D4']);
    expect(result.typed).toBe('\n');
  });

  describe('keys the browser hands over after their run was settled (stamped in time, handled late)', () => {
    /** Hands over `first` keys, settles at `settleAt` as the page's timer would, then hands over the rest. */
    function handOverLate(all: Key[], first: number, settleAt: number, options: Partial<BurstOptions> = {}) {
      const detector = createBurstDetector<Key>(options);
      let typed = '';
      const badges: string[][] = [];
      let discarded = 0;
      const apply = (step: ReturnType<typeof detector.flush>, key?: Key) => {
        typed += step.release.map((k) => k.char).join('');
        if (key && !step.hold) typed += key.char;
        if (step.badge) badges.push(step.badge);
        discarded += step.discarded;
      };
      for (const key of all.slice(0, first)) apply(detector.keydown(key), key);
      apply(detector.flush(settleAt));
      for (const key of all.slice(first)) apply(detector.keydown(key), key);
      apply(detector.flush(10_000));
      return { typed, badges, discarded };
    }

    it('drops the rest of a badge whose start was typed, rather than taking its tail for a badge of its own', () => {
      // '04' went out as typing; 'a1b2c3d4' would be a badge id in its own right.
      expect(handOverLate(keys('04a1b2c3d4\n', 0, () => 5), 2, 200)).toEqual({ typed: '04', badges: [], discarded: 8 });
    });

    it('drops the last keys of a read it already dropped, and swallows its Enter: nothing reaches the field', () => {
      const result = handOverLate([...keys('04a1b2c3d4\n', 0, () => 5), ...keys('\n', 600, () => 0)], 9, 300);
      expect(result).toEqual({ typed: '\n', badges: [], discarded: 10 });
    });

    it('lets a person’s rolled keys go on as typing when the last of them comes late', () => {
      expect(handOverLate(keys('the', 0, () => 8), 2, 100)).toEqual({ typed: 'the', badges: [], discarded: 0 });
    });

    it('takes the next tap, a gap or more after the dropped rest, for a badge again', () => {
      const result = handOverLate([...keys('04a1b2c3d4\n', 0, () => 5), ...keys('04a1b2c3d4\n', 90, () => 5)], 2, 200);
      expect(result.badges.map((codes) => badgeIdFromCodes(codes))).toEqual(['04A1B2C3D4']);
    });
  });

  it('drops a reader-fast run cut short by another key, and lets that key through', () => {
    const result = play([...keys('04a1b2c3', 0, () => 5), { code: 'Backspace', char: '⌫', at: 40 }]);
    expect(result).toEqual({ typed: '⌫', badges: [], discarded: 8 });
  });

});
