import { amsterdamDay } from '../../../../common/src/time/amsterdamDay';

export type PeriodChoice = 'last7' | 'last28' | 'last90' | 'previousMonth';
export const PERIOD_CHOICES: readonly PeriodChoice[] = ['last7', 'last28', 'last90', 'previousMonth'];

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * The Amsterdam calendar days a choice covers, up to today (the server counts in Amsterdam days). The
 * previous calendar month is the monthly report's period.
 */
export function periodOf(choice: PeriodChoice, now: Date): { from: string; to: string } {
  const today = amsterdamDay(now);
  switch (choice) {
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last28':
      return { from: addDays(today, -27), to: today };
    case 'last90':
      return { from: addDays(today, -89), to: today };
    case 'previousMonth': {
      const firstOfThis = `${today.slice(0, 7)}-01`;
      const last = addDays(firstOfThis, -1);
      return { from: `${last.slice(0, 7)}-01`, to: last };
    }
  }
}

/** How a figure compares with the same figure in the period before: none when either is hidden or there was nothing before. */
export function change(current: number | null, previous: number | null): { direction: 'up' | 'down' | 'same'; percent: number } | null {
  if (current === null || previous === null || previous === 0) return null;
  const percent = Math.round(((current - previous) / previous) * 100);
  return { direction: percent > 0 ? 'up' : percent < 0 ? 'down' : 'same', percent: Math.abs(percent) };
}

/** A share in whole percent, or null when the figure is hidden or there is nobody to share among. */
export const share = (part: number | null, whole: number): number | null => (part === null || whole <= 0 ? null : Math.round((part / whole) * 100));

/** Six shades for the heatmap, by a cell's count against the busiest shown cell; hidden and empty cells apart. */
export function heatLevel(count: number | null, max: number): 'hidden' | 0 | 1 | 2 | 3 | 4 | 5 {
  if (count === null) return 'hidden';
  if (count === 0 || max <= 0) return 0;
  return Math.max(1, Math.min(5, Math.ceil((count / max) * 5))) as 1 | 2 | 3 | 4 | 5;
}
