import type { SessionBucket } from '../../../common/src/api/routes/stats.js';

const DAY_MS = 86_400_000;

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The Amsterdam calendar day (YYYY-MM-DD) and hour (0-23) of an instant, summer time included. */
export function amsterdamSlot(at: Date): { day: string; hour: number } {
  const p: Record<string, string> = {};
  for (const { type, value } of parts.formatToParts(at)) p[type] = value;
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
}

/** Calendar arithmetic on YYYY-MM-DD strings (no time zone involved: a day is a name here). */
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string): number => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
export const mondayOf = (day: string): string => addDays(day, 1 - isoWeekday(day));
export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;
export function monthEnd(day: string): string {
  const d = new Date(`${monthStart(day)}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The period of the same length just before `from`…`to`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

export const SESSION_BUCKETS: readonly SessionBucket[] = ['lt1m', '1to5m', '5to15m', '15to30m', 'ge30m'];

export function sessionBucket(seconds: number): SessionBucket {
  if (seconds < 60) return 'lt1m';
  if (seconds < 300) return '1to5m';
  if (seconds < 900) return '5to15m';
  if (seconds < 1800) return '15to30m';
  return 'ge30m';
}
