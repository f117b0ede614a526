import { describe, expect, it } from 'vitest';
import { amsterdamDay, birthdaysOn, dayKey, endOfAmsterdamDay, hireDatesOn, isBirthdayOn, jubileeOn, parseBirthday, type CalendarDay } from '../../../../common/src/celebrations/dates.js';

const day = (text: string): CalendarDay => {
  const [year, month, d] = text.split('-').map(Number);
  return { year: year!, month: month!, day: d! };
};

describe('celebration dates', () => {
  it('counts the day in Amsterdam, not in UTC or on the machine', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam (winter time, +1).
    expect(dayKey(amsterdamDay(new Date('2026-12-31T23:30:00Z')))).toBe('2027-01-01');
    // 22:30 UTC in June is 00:30 the next day (summer time, +2); 21:30 UTC is still the same day.
    expect(dayKey(amsterdamDay(new Date('2026-06-14T22:30:00Z')))).toBe('2026-06-15');
    expect(dayKey(amsterdamDay(new Date('2026-06-14T21:30:00Z')))).toBe('2026-06-14');
    expect(endOfAmsterdamDay(new Date('2026-06-14T12:00:00Z')).toISOString()).toBe('2026-06-14T22:00:00.000Z');
    expect(endOfAmsterdamDay(new Date('2026-12-01T05:00:00Z')).toISOString()).toBe('2026-12-01T23:00:00.000Z');
  });

  it('celebrates a birthday on its day, and 29 February on the 28th in a common year', () => {
    expect(isBirthdayOn('12-01', day('2026-12-01'))).toBe(true);
    expect(isBirthdayOn('12-01', day('2026-12-02'))).toBe(false);
    expect(isBirthdayOn('02-29', day('2027-02-28'))).toBe(true);
    expect(isBirthdayOn('02-29', day('2028-02-28'))).toBe(false);
    expect(isBirthdayOn('02-29', day('2028-02-29'))).toBe(true);
    expect(isBirthdayOn('02-28', day('2027-02-28'))).toBe(true);
    expect(birthdaysOn(day('2027-02-28'))).toEqual(['02-28', '02-29']);
    expect(birthdaysOn(day('2028-02-28'))).toEqual(['02-28']);
  });

  it('refuses birthdays that no year has, and never needs a year', () => {
    expect(parseBirthday('02-29')).toEqual({ month: 2, day: 29 });
    expect(parseBirthday('02-30')).toBeNull();
    expect(parseBirthday('13-01')).toBeNull();
    expect(parseBirthday('1990-05-01')).toBeNull();
  });

  it('celebrates the Dutch jubilea: 12½ years six months after the twelfth, and every five years, not 1 or 11', () => {
    expect(jubileeOn('2014-06-01', day('2026-12-01'))).toBe(12.5);
    expect(jubileeOn('2001-12-01', day('2026-12-01'))).toBe(25);
    expect(jubileeOn('1986-12-01', day('2026-12-01'))).toBe(40);
    expect(jubileeOn('2021-12-01', day('2026-12-01'))).toBe(5);
    expect(jubileeOn('2025-12-01', day('2026-12-01'))).toBeNull();
    expect(jubileeOn('2015-12-01', day('2026-12-01'))).toBeNull();
    expect(jubileeOn('2026-12-01', day('2026-12-01'))).toBeNull();
    // Hired 31 August: 12½ years falls on the last day of February.
    expect(jubileeOn('2014-08-31', day('2027-02-28'))).toBe(12.5);
    // Hired on a leap day: in a common year the anniversary is 28 February.
    expect(jubileeOn('2008-02-29', day('2033-02-28'))).toBe(25);
    expect(jubileeOn('2008-02-29', day('2033-03-01'))).toBeNull();
  });

  it('lists exactly the hire dates whose jubilee falls on a day (what the server asks its database)', () => {
    const start = Date.UTC(2026, 0, 1);
    for (let d = 0; d < 800; d += 1) {
      const today = amsterdamDay(new Date(start + d * 86_400_000 + 12 * 3600_000));
      const listed = new Set(hireDatesOn(today));
      // Every listed date celebrates today, and a neighbourhood of unlisted dates does not.
      for (const hire of listed) expect(jubileeOn(hire, today), `${hire} on ${dayKey(today)}`).not.toBeNull();
      for (const years of [5, 12.5, 25]) {
        for (let back = -3; back <= 3; back += 1) {
          const months = Math.round(years * 12);
          const t = new Date(Date.UTC(today.year, today.month - 1 - months, today.day + back, 12));
          const hire = dayKey({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
          expect(listed.has(hire), `${hire} on ${dayKey(today)}`).toBe(jubileeOn(hire, today) !== null);
        }
      }
    }
  });
});
