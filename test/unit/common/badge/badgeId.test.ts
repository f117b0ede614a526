import { describe, expect, it } from 'vitest';
import { BadgeId } from '../../../../common/src/api/routes.js';
import { badgeIdFromCodes } from '../../../../common/src/badge/badgeId.js';

/** The key codes a US-layout reader sends for an id, followed by Enter. */
const typed = (id: string) => [...id].map((c) => (/\d/.test(c) ? `Digit${c}` : `Key${c.toUpperCase()}`)).concat('Enter');

describe('a badge id from the key codes a reader typed', () => {
  it('is the upper-case hex the reader typed, digits from either row or the numpad', () => {
    expect(badgeIdFromCodes(typed('04a1b2c3d4'))).toBe('04A1B2C3D4');
    expect(badgeIdFromCodes(['Numpad0', 'Numpad4', 'KeyF', 'Digit9', 'Numpad8', 'KeyE', 'NumpadEnter'])).toBe('04F98E');
  });

  it('reads physical keys, so the same tap gives the same id whatever the keyboard layout of the PC', () => {
    // On AZERTY the Digit keys type &é"'( and KeyA types Q: the codes, and so the id, stay the same.
    expect(badgeIdFromCodes(['Digit0', 'Digit4', 'KeyA', 'Digit1', 'KeyB', 'Digit2'])).toBe('04A1B2');
  });

  it('reads a reader set to AZERTY by its physical keys: A is the key a US keyboard calls Q, and the Shift before each digit is skipped', () => {
    const azerty = ['ShiftLeft', 'Digit0', 'ShiftLeft', 'Digit4', 'KeyQ', 'ShiftLeft', 'Digit1', 'KeyB', 'KeyC', 'KeyD', 'KeyE', 'KeyF', 'Enter'];
    expect(badgeIdFromCodes(azerty, 'azerty')).toBe('04A1BCDEF');
    // Each reader in its own layout: on AZERTY the key called A types Q, and on US the key called Q is no hex letter.
    expect(badgeIdFromCodes(['Digit0', 'Digit4', 'KeyA', 'Digit1', 'KeyB', 'Digit2'], 'azerty')).toBeNull();
    expect(badgeIdFromCodes(azerty, 'us')).toBeNull();
  });

  it('skips the Shift a reader may send before a capital', () => {
    expect(badgeIdFromCodes(['Digit0', 'ShiftLeft', 'KeyA', 'Digit1', 'ShiftRight', 'KeyB', 'Digit2', 'Digit3', 'Enter'])).toBe('0A1B23');
  });

  it('rejects a garbled read: a key outside the reader’s character set, or Enter in the middle', () => {
    expect(badgeIdFromCodes(typed('04a1b2g3d4'))).toBeNull();
    expect(badgeIdFromCodes(['Digit0', 'Digit4', 'Minus', 'Digit1', 'Digit2', 'Digit3', 'Digit4'])).toBeNull();
    expect(badgeIdFromCodes(['Digit0', 'Digit4', 'Enter', 'Digit1', 'Digit2', 'Digit3', 'Digit4', 'Enter'])).toBeNull();
    expect(badgeIdFromCodes(['Digit0', 'Digit4', 'Space', 'Digit1', 'Digit2', 'Digit3', 'Digit4'])).toBeNull();
    expect(badgeIdFromCodes(['Digit0', 'Digit4', 'Backspace', 'Digit1', 'Digit2', 'Digit3', 'Digit4'])).toBeNull();
  });

  it('rejects ids too short or too long to be a badge', () => {
    expect(badgeIdFromCodes(typed('04a1b'))).toBeNull();
    expect(badgeIdFromCodes(typed('0'.repeat(33)))).toBeNull();
    expect(badgeIdFromCodes([])).toBeNull();
    expect(badgeIdFromCodes(['Enter'])).toBeNull();
  });

  it('only ever answers ids the server accepts', () => {
    for (const id of ['04a1b2', '0'.repeat(32), 'abcdef0123']) {
      const cleaned = badgeIdFromCodes(typed(id));
      expect(cleaned).not.toBeNull();
      expect(BadgeId.safeParse(cleaned).success).toBe(true);
    }
  });
});
