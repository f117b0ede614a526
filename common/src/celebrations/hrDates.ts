import { dayKey, daysInMonth, type CalendarDay } from './dates.js';

/**
 * Dates as an HR export writes them, read into what Samen keeps: a birthday as "MM-DD" (the year is
 * read only to check the date exists, then dropped), a hire date as "YYYY-MM-DD". Day and month may
 * have one digit, and `-`, `/` or `.` may separate them (Dutch Excel writes 5-3-1980 as readily as
 * 05-03-1980); a time of midnight after a date (a spreadsheet's date cell) is allowed.
 */

export type DateProblem = 'unreadable' | 'impossible';
export type HireDateProblem = DateProblem | 'future' | 'tooOld';
export type Read<T, P> = { ok: true; value: T } | { ok: false; problem: P };

/** The earliest hire date taken as real: anything before is a typing error in the export. */
export const HIRE_YEAR_MIN = 1900;

const TIME = String.raw`(?:[ T]0{1,2}:00(?::00(?:\.0+)?)?)?`;
const DAY_FIRST_WITH_YEAR = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`);
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})$/;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);

const pad = (n: number) => String(n).padStart(2, '0');

/** A day and month that exist in `year` (a leap year when none is given: 29 February exists then). */
const exists = (year: number, month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

function readFullDate(text: string): Read<CalendarDay, DateProblem> | null {
  const dayFirst = DAY_FIRST_WITH_YEAR.exec(text);
  const yearFirst = dayFirst ? null : YEAR_FIRST.exec(text);
  if (!dayFirst && !yearFirst) return null;
  const d = dayFirst
    ? { year: Number(dayFirst[4]), month: Number(dayFirst[3]), day: Number(dayFirst[1]) }
    : { year: Number(yearFirst![1]), month: Number(yearFirst![3]), day: Number(yearFirst![4]) };
  return exists(d.year, d.month, d.day) ? { ok: true, value: d } : { ok: false, problem: 'impossible' };
}

/** A birthday as "MM-DD" from DD-MM-YYYY, DD-MM or YYYY-MM-DD; the year only decides whether the day exists. */
export function readBirthday(cell: string): Read<string, DateProblem> {
  const text = cell.trim();
  const full = readFullDate(text);
  if (full) return full.ok ? { ok: true, value: `${pad(full.value.month)}-${pad(full.value.day)}` } : full;
  const short = DAY_FIRST.exec(text);
  if (!short) return { ok: false, problem: 'unreadable' };
  const month = Number(short[3]);
  const day = Number(short[1]);
  return exists(2000, month, day) ? { ok: true, value: `${pad(month)}-${pad(day)}` } : { ok: false, problem: 'impossible' };
}

/**
 * The cell as it may leave the admin's computer: a birthday with a year that exists becomes "DD-MM",
 * so the year goes no further than the file she chose. Anything else goes as it is, for the server to
 * refuse with its reason (a day that does not exist needs its year to say so: 29-02-1981).
 */
export function birthdayWithoutYear(cell: string): string {
  const text = cell.trim();
  const full = readFullDate(text);
  return full?.ok ? `${pad(full.value.day)}-${pad(full.value.month)}` : text;
}

/** A hire date as "YYYY-MM-DD" from DD-MM-YYYY or YYYY-MM-DD, not after `today` and not before 1900. */
export function readHireDate(cell: string, today: CalendarDay): Read<string, HireDateProblem> {
  const full = readFullDate(cell.trim());
  if (!full) return { ok: false, problem: 'unreadable' };
  if (!full.ok) return full;
  if (full.value.year < HIRE_YEAR_MIN) return { ok: false, problem: 'tooOld' };
  const key = dayKey(full.value);
  return key > dayKey(today) ? { ok: false, problem: 'future' } : { ok: true, value: key };
}
