import type { PostingSlot } from '../../../../common/src/api/routes/scheduling';
import { SCHEDULE_DAYS_MAX } from '../../../../common/src/api/routes/scheduling';

const DAY_MS = 86_400_000;
/** A planned moment sooner than this is not worth planning: just post. */
const LEAD_MS = 5 * 60_000;

const two = (n: number) => String(n).padStart(2, '0');

/** A moment as a `datetime-local` field shows it, on this computer's clock. */
export const localInputValue = (at: Date): string =>
  `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}`;

/** What a `datetime-local` field holds, as a moment; null when empty or not a date. */
export function fromLocalInput(value: string): Date | null {
  if (value === '') return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** ISO weekday of a date on this computer's clock: 1 = Monday … 7 = Sunday. */
const isoWeekday = (at: Date) => ((at.getDay() + 6) % 7) + 1;

/** The next start of the suggested slot (on the hour), far enough ahead to be a plan. */
export function nextSlotStart(slot: PostingSlot, now: Date): Date {
  for (let days = 0; days <= 7; days++) {
    const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, slot.fromHour, 0, 0, 0);
    if (isoWeekday(at) === slot.weekday && at.getTime() >= now.getTime() + LEAD_MS) return at;
  }
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7, slot.fromHour, 0, 0, 0);
}

export type ScheduleProblem = 'missing' | 'past' | 'tooFar' | 'endBeforeStart';

/** Why the chosen moments cannot be used, or null when they can. */
export function scheduleProblem(publishAt: Date | null, endsAt: Date | null, now: Date): ScheduleProblem | null {
  if (publishAt === null) return 'missing';
  if (publishAt.getTime() < now.getTime() + 60_000) return 'past';
  if (publishAt.getTime() > now.getTime() + SCHEDULE_DAYS_MAX * DAY_MS) return 'tooFar';
  if (endsAt !== null && endsAt.getTime() <= publishAt.getTime()) return 'endBeforeStart';
  return null;
}
