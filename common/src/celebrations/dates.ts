/**
 * The date rules of birthdays and work anniversaries ("jubilea"), pure so server, kiosk and tests
 * share them. A birthday is kept as month and day only ("MM-DD", never a year: nobody's age is
 * stored); a hire date is a calendar date ("YYYY-MM-DD"). Days are the organisation's days, in
 * Europe/Amsterdam, whatever the zone of the machine that asks.
 */

export const CELEBRATION_ZONE = 'Europe/Amsterdam';

/**
 * The years of service a kiosk celebrates: the customary Dutch jubilea (12½, 25, 40) and every five
 * years between and after them. 12½ years falls six months after the twelfth anniversary.
 */
export const JUBILEE_YEARS: readonly number[] = [5, 10, 12.5, 15, 20, 25, 30, 35, 40, 45, 50];

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const dayKey = (d: CalendarDay): string => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
export const daysInMonth = (year: number, month: number): number => (month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

const formatter = new Intl.DateTimeFormat('en-GB', { timeZone: CELEBRATION_ZONE, year: 'numeric', month: 'numeric', day: 'numeric' });

/** The calendar day it is in Amsterdam at `now`. */
export function amsterdamDay(now: Date): CalendarDay {
  const parts = Object.fromEntries(formatter.formatToParts(now).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** "MM-DD" with a day that exists in some year (29 February does). */
export function parseBirthday(text: string): { month: number; day: number } | null {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) return null;
  return { month, day };
}

/** "YYYY-MM-DD" that exists in the calendar. */
export function parseDate(text: string): CalendarDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) return null;
  return d;
}

/** Whether a birthday is celebrated on `today`: 29 February is celebrated on 28 February in other years. */
export function isBirthdayOn(birthday: string, today: CalendarDay): boolean {
  const b = parseBirthday(birthday);
  if (!b) return false;
  const leapDayMoved = b.month === 2 && b.day === 29 && !isLeapYear(today.year);
  return b.month === today.month && (leapDayMoved ? today.day === 28 : b.day === today.day);
}

/** `months` after a date; a day the target month lacks becomes its last day (31 August + 6 months: 28/29 February). */
function addMonths(d: CalendarDay, months: number): CalendarDay {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** The jubilee (years of service) someone hired on `hireDate` celebrates on `today`, or null. */
export function jubileeOn(hireDate: string, today: CalendarDay): number | null {
  const hired = parseDate(hireDate);
  if (!hired) return null;
  const key = dayKey(today);
  return JUBILEE_YEARS.find((years) => dayKey(addMonths(hired, Math.round(years * 12))) === key) ?? null;
}

/** The stored birthdays ("MM-DD") celebrated on `today`: its own, and 29 February on the 28th of a common year. */
export function birthdaysOn(today: CalendarDay): string[] {
  const own = `${pad(today.month)}-${pad(today.day)}`;
  return today.month === 2 && today.day === 28 && !isLeapYear(today.year) ? [own, '02-29'] : [own];
}

/**
 * Every hire date whose jubilee falls on `today`, so a database finds them by equality. On the last day
 * of a month the later days of a longer month land there too (31 August: 12½ years on 28 February).
 */
export function hireDatesOn(today: CalendarDay): string[] {
  const dates: string[] = [];
  for (const years of JUBILEE_YEARS) {
    const back = addMonths({ ...today, day: 1 }, -Math.round(years * 12));
    const last = daysInMonth(back.year, back.month);
    const lastOfMonth = today.day === daysInMonth(today.year, today.month);
    for (let day = today.day; day <= (lastOfMonth ? last : Math.min(today.day, last)); day++) dates.push(dayKey({ ...back, day }));
  }
  return dates;
}

/** When the Amsterdam day of `now` ends (22:00 or 23:00 UTC, by summer or winter time). */
export function endOfAmsterdamDay(now: Date): Date {
  const today = dayKey(amsterdamDay(now));
  const d = amsterdamDay(now);
  for (const hour of [22, 23, 24]) {
    const candidate = new Date(Date.UTC(d.year, d.month - 1, d.day, hour));
    if (dayKey(amsterdamDay(candidate)) !== today) return candidate;
  }
  return new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
}
