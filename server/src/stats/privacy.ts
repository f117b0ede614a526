import { STATS_MIN_PEOPLE } from '../../../common/src/api/routes/stats.js';

/**
 * The small-group rule. A figure is shown only when at least STATS_MIN_PEOPLE different people can be
 * shown to be behind it; otherwise it is null ("fewer than 10"), never rounded or blurred, because a
 * rounded figure of a small team still tells its members apart.
 *
 * Different people are counted exactly per scope and day (per hour for the heatmap, per ISO week,
 * per calendar month). A figure over several days takes the largest daily count as its number of
 * people: that never overstates (the same person may come back on other days), so the rule can only
 * hide too much, never too little.
 */
export const shown = (figure: number, people: number): number | null => (people >= STATS_MIN_PEOPLE ? figure : null);

/** The largest value per key: the people behind a figure made of several days. */
export class MaxPeople {
  private readonly map = new Map<string, number>();
  see(key: string, people: number): void {
    this.map.set(key, Math.max(this.map.get(key) ?? 0, people));
  }
  of(key: string): number {
    return this.map.get(key) ?? 0;
  }
}
