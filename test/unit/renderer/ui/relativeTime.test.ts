import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../../renderer/src/ui/relativeTime.js';
import { i18n } from '../../../../renderer/src/ui/i18n/i18n.js';

const now = new Date(2025, 2, 13, 15, 0); // Thursday 13 March 2025, 15:00
const ago = (minutes: number) => relativeTime(new Date(now.getTime() - minutes * 60_000), now, i18n.t);

describe('relative time in Dutch', () => {
  it('reads like a colleague would say it', () => {
    expect(ago(0)).toBe('zojuist');
    expect(ago(5)).toBe('5 min geleden');
    expect(ago(3 * 60 + 10)).toBe('3 uur geleden');
    expect(ago(20 * 60)).toBe('gisteren om 19:00');
    expect(ago(2 * 24 * 60)).toBe('dinsdag om 15:00');
    expect(ago(10 * 24 * 60)).toBe('3 mrt.');
    expect(relativeTime(new Date(2024, 10, 2), now, i18n.t)).toBe('2 nov. 2024');
  });

  it('says "zojuist" for a clock that runs a little ahead', () => {
    expect(ago(-1)).toBe('zojuist');
  });
});
