import type { Rng } from './prng.js';

/**
 * Time in the Europe/Amsterdam sense without a time-zone library: CET (UTC+1) in winter, CEST (UTC+2)
 * from the last Sunday of March 01:00 UTC until the last Sunday of October 01:00 UTC (EU rule).
 */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

function lastSundayUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Offset of Amsterdam local time from UTC at this instant, in ms. */
export function amsterdamOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayUtc(year, 2) && utcMs < lastSundayUtc(year, 9) ? 2 * HOUR : HOUR;
}

/** UTC instant of a wall-clock time in Amsterdam (month 0-based, like Date). */
export function amsterdamToUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const wall = Date.UTC(year, month, day, hour, minute, second, ms);
  return wall - amsterdamOffsetMs(wall - HOUR);
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  hour: number;
}

export function amsterdamParts(utcMs: number): LocalParts {
  const d = new Date(utcMs + amsterdamOffsetMs(utcMs));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), weekday: d.getUTCDay(), hour: d.getUTCHours() };
}

export const WEEKDAYS_NL = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'] as const;
export const MONTHS_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** Relative activity per weekday (Sunday first): care works every day, the office peaks on Tuesday. */
const WEEKDAY_WEIGHT = [0.35, 1.0, 1.6, 1.1, 1.05, 0.8, 0.4];
/** Relative activity per local hour: shift starts, breaks, and the afternoon lull after the lunch round. */
const HOUR_WEIGHT = [
  0.04, 0.02, 0.02, 0.02, 0.03, 0.06, 0.3, 0.8, 1.0, 1.1, 1.15, 1.05, 1.3, 1.8, 2.1, 1.9, 1.5, 0.9, 0.6, 0.7, 0.8, 0.6, 0.35, 0.12,
];
/** Tuesday afternoon: team meetings are done and the wards have their quiet hour. */
const TUESDAY_AFTERNOON = new Set([13, 14, 15, 16]);

interface Day {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/**
 * Draws moments in the `days` local days that end at the anchor, weighted by weekday and hour. The
 * anchor's own day counts when the anchor is past local noon; otherwise history ends the day before.
 */
export class ActivityClock {
  readonly days: Day[];
  private readonly dayWeights: number[];
  private readonly hourWeights: number[];
  private readonly tuesdayHourWeights: number[];

  constructor(
    readonly anchorMs: number,
    readonly dayCount = 90,
  ) {
    const a = amsterdamParts(anchorMs - 1);
    const lastOffset = a.hour >= 12 ? 0 : 1;
    this.days = [];
    for (let i = dayCount - 1 + lastOffset; i >= lastOffset; i--) {
      const d = new Date(Date.UTC(a.year, a.month, a.day - i));
      this.days.push({ year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), weekday: d.getUTCDay() });
    }
    // A mild upward trend: the intranet gains users over the quarter.
    this.dayWeights = this.days.map((d, i) => WEEKDAY_WEIGHT[d.weekday]! * (0.85 + (0.3 * i) / Math.max(1, dayCount - 1)));
    this.hourWeights = HOUR_WEIGHT;
    this.tuesdayHourWeights = HOUR_WEIGHT.map((w, h) => (TUESDAY_AFTERNOON.has(h) ? w * 1.5 : w));
  }

  /** A moment before the anchor; `fromDay` (0 = oldest day) narrows the range to recent days. */
  sample(rng: Rng, fromDay = 0): number {
    const weights = fromDay > 0 ? this.dayWeights.map((w, i) => (i >= fromDay ? w : 0)) : this.dayWeights;
    return this.momentOn(rng, rng.weightedIndex(weights));
  }

  /**
   * `count` moments spread over the days in proportion to their weight (give or take 15 % per day), so
   * the weekly rhythm shows even in a small organisation; only the hours are drawn independently.
   */
  spread(rng: Rng, count: number): number[] {
    const weights = this.dayWeights.map((w) => w * (0.85 + 0.3 * rng.next()));
    const total = weights.reduce((a, b) => a + b, 0);
    // Systematic sampling: each day gets the floor or the ceiling of its share, never far from it.
    const out: number[] = [];
    let next = rng.next();
    let cumulative = 0;
    weights.forEach((w, day) => {
      cumulative += (count * w) / total;
      while (next < cumulative && out.length < count) {
        out.push(this.momentOn(rng, day));
        next += 1;
      }
    });
    while (out.length < count) out.push(this.momentOn(rng, this.days.length - 1));
    return out;
  }

  /** A moment on day `index` (weighted by hour) before the anchor; the day before when that day is used up. */
  private momentOn(rng: Rng, index: number): number {
    for (let i = index; i >= 0; i--) {
      const day = this.days[i]!;
      for (let attempt = 0; attempt < 20; attempt++) {
        const hour = rng.weightedIndex(day.weekday === 2 ? this.tuesdayHourWeights : this.hourWeights);
        const t = amsterdamToUtc(day.year, day.month, day.day, hour, rng.int(0, 59), rng.int(0, 59), rng.int(0, 999));
        if (t < this.anchorMs) return t;
      }
    }
    return this.anchorMs - rng.int(HOUR, 3 * HOUR);
  }

  /** Start of history: local midnight of the oldest day. */
  get startMs(): number {
    const d = this.days[0]!;
    return amsterdamToUtc(d.year, d.month, d.day);
  }
}

/** "dinsdag" for the day `daysAhead` after `utcMs`. */
export function weekdayName(utcMs: number, daysAhead: number): string {
  return WEEKDAYS_NL[amsterdamParts(utcMs + daysAhead * DAY).weekday]!;
}

/** "14 maart" for the day `daysAhead` after `utcMs`. */
export function dateName(utcMs: number, daysAhead: number): string {
  const p = amsterdamParts(utcMs + daysAhead * DAY);
  return `${p.day} ${MONTHS_NL[p.month]}`;
}
