import { READER_LAYOUTS, type ReaderLayout } from './readerLayouts.js';

/**
 * Badge ids from what an RFID reader types: the id as hex digits, on the keyboard layout the reader
 * is set to (`readerLayouts.ts`). The renderer passes the physical key codes (`KeyboardEvent.code`),
 * not the characters, so the operating system's keyboard layout does not matter. Only the reader's
 * character set is accepted; anything else means the read was garbled.
 *
 * A badge id is an identifier, not a secret, but it is still never shown or logged.
 */

/** Length limits of a badge id, as the API's `BadgeId` schema checks them. */
export const BADGE_ID_MIN_LENGTH = 6;
export const BADGE_ID_MAX_LENGTH = 32;
/** The most key codes one tap may hand over (an id plus room for a reader's extra keys). */
export const BADGE_MAX_CODES = 64;

/** What a reader may send besides the id itself: Shift before a capital (or an AZERTY digit), Enter at the end. */
const IGNORED = new Set(['ShiftLeft', 'ShiftRight']);
const ENTER = new Set(['Enter', 'NumpadEnter']);

/** The character a reader's key stands for, or null when it is not part of a badge id. */
export function badgeCharacter(code: string, layout: ReaderLayout = 'us'): string | null {
  const table: Readonly<Record<string, string>> = READER_LAYOUTS[layout];
  return Object.hasOwn(table, code) ? table[code]! : null;
}

/**
 * The badge id (upper-case hex) that a reader's key codes spell, or null when they do not spell one:
 * a key outside the reader's character set, an Enter before the end, or too few or too many characters.
 * Shift keys are skipped and one Enter at the very end is allowed.
 */
export function badgeIdFromCodes(codes: readonly string[], layout: ReaderLayout = 'us'): string | null {
  if (codes.length === 0 || codes.length > BADGE_MAX_CODES) return null;
  const last = codes.length - 1;
  let id = '';
  for (const [i, code] of codes.entries()) {
    if (IGNORED.has(code)) continue;
    if (ENTER.has(code)) {
      if (i !== last) return null;
      continue;
    }
    const char = badgeCharacter(code, layout);
    if (char === null) return null;
    id += char;
  }
  return id.length >= BADGE_ID_MIN_LENGTH && id.length <= BADGE_ID_MAX_LENGTH ? id : null;
}
