import type { Kysely } from 'kysely';
import type { PostingSlot } from '../../../common/src/api/routes/scheduling.js';
import type { Database } from '../db/schema.js';
import { addDays, amsterdamSlot, eachDay, isoWeekday } from '../stats/calendar.js';
import { STATS_MIN_PEOPLE } from '../../../common/src/api/routes/stats.js';

/** How far back the suggestion looks. */
export const BEST_TIME_DAYS = 90;
/** Named one by one, so both databases walk the primary key (tenant, scope, day) instead of matching a pattern. */
const HOUR_SCOPES = Array.from({ length: 24 }, (_, h) => `hour:${h}`);
/** The suggested slot is this many hours long ("tussen 14 en 16 uur"). */
const SLOT_HOURS = 2;

/**
 * The two hours of the week in which, on average, most different colleagues were active over the
 * last 90 whole days (Amsterdam time), read from the statistics' hourly head counts
 * (`stats_org_people`, scope `hour:H`): the time a post is read by the most people. A slot is only
 * suggested when on some day at least as many people as the small-group rule asks were active in
 * it; an organisation with too little activity gets no tip rather than a guess.
 */
export async function bestPostingSlot(k: Kysely<Database>, tenantId: string, now: Date): Promise<PostingSlot | null> {
  const today = amsterdamSlot(now).day;
  const from = addDays(today, -BEST_TIME_DAYS);
  const to = addDays(today, -1);
  const rows = await k
    .selectFrom('stats_org_people')
    .select(['day', 'scope', 'people'])
    .where('tenant_id', '=', tenantId)
    .where('scope', 'in', HOUR_SCOPES)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return bestSlot(
    rows.map((r) => ({ day: r.day, hour: Number(r.scope.slice(5)), people: Number(r.people) })),
    eachDay(from, to),
  );
}

/** The slot with the highest average head count per occurrence of its weekday; the earliest wins a tie. */
export function bestSlot(cells: { day: string; hour: number; people: number }[], days: string[]): PostingSlot | null {
  const occurrences = new Array<number>(8).fill(0);
  for (const d of days) occurrences[isoWeekday(d)]!++;
  const sums = new Float64Array(8 * 24);
  const largest = new Float64Array(8 * 24);
  for (const c of cells) {
    const i = isoWeekday(c.day) * 24 + c.hour;
    sums[i]! += c.people;
    largest[i] = Math.max(largest[i]!, c.people);
  }
  let best: (PostingSlot & { score: number }) | null = null;
  for (let weekday = 1; weekday <= 7; weekday++) {
    if (occurrences[weekday] === 0) continue;
    for (let hour = 0; hour + SLOT_HOURS <= 24; hour++) {
      let score = 0;
      let enough = false;
      for (let h = hour; h < hour + SLOT_HOURS; h++) {
        score += sums[weekday * 24 + h]!;
        enough ||= largest[weekday * 24 + h]! >= STATS_MIN_PEOPLE;
      }
      score /= occurrences[weekday]!;
      if (enough && (!best || score > best.score)) best = { weekday, fromHour: hour, toHour: hour + SLOT_HOURS, score };
    }
  }
  return best && { weekday: best.weekday, fromHour: best.fromHour, toHour: best.toHour };
}
