import { createHash, randomInt } from 'node:crypto';

/**
 * One-time enrolment codes, typed by IT on a ward PC: 8 characters from an alphabet without the ones
 * people mix up (0/O, 1/I), shown as `XXXX-XXXX`. 32^8 ≈ 10^12 codes, tried at a rate-limited pace
 * during the code's short life; only a hash is stored.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;

export function generateEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What was typed, as stored: upper case, without the dash, spaces or anything else around it. */
export const normaliseEnrolmentCode = (typed: string) => typed.toUpperCase().replace(/[^0-9A-Z]/g, '');

export const hashEnrolmentCode = (typed: string) => createHash('sha256').update(normaliseEnrolmentCode(typed)).digest('hex');
