import type { Insertable } from 'kysely';
import { DEFAULT_ORGANISATION_SETTINGS } from '../../../common/src/api/entities.js';
import { amsterdamDay, dayKey, daysInMonth, type CalendarDay } from '../../../common/src/celebrations/dates.js';
import type { OrganisationsTable, PeopleTable } from '../db/schema.js';
import { hashSeed, Rng } from './prng.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A day `months` before `day` (clamped to the month's last day), as "YYYY-MM-DD". */
function monthsBefore(day: CalendarDay, months: number): string {
  const index = day.year * 12 + (day.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return dayKey({ year, month, day: Math.min(day.day, daysInMonth(year, month)) });
}

/**
 * The demo's birthdays and hire dates, with both kinds switched on for the organisation. Everyone gets
 * a birthday (month and day) and a hire date from the last forty years; on the anchor's day (its
 * Amsterdam day) Anna has her birthday, Bram his 12½ years and Eva her 25, and Carla, whose birthday
 * it is too, keeps hers off the kiosks: so the demo kiosk always has something to celebrate, and
 * shows what an opt-out does.
 */
export function withCelebrations(
  organisation: Insertable<OrganisationsTable>,
  people: Insertable<PeopleTable>[],
  seed: number,
  anchorMs: number,
): { organisation: Insertable<OrganisationsTable>; people: Insertable<PeopleTable>[] } {
  const rng = new Rng(hashSeed('celebrations', seed));
  const today = amsterdamDay(new Date(anchorMs));
  const todayBirthday = `${pad(today.month)}-${pad(today.day)}`;
  const fixed: Record<string, { birthday?: string; hire_date?: string; birthday_hidden?: number }> = {
    '1001': { birthday: todayBirthday },
    '1002': { hire_date: monthsBefore(today, 150) },
    '1003': { birthday: todayBirthday, birthday_hidden: 1 },
    '1005': { hire_date: monthsBefore(today, 300) },
  };
  return {
    organisation: { ...organisation, settings: JSON.stringify({ ...DEFAULT_ORGANISATION_SETTINGS, celebrateBirthdays: true, celebrateAnniversaries: true }) },
    people: people.map((p) => {
      const month = rng.int(1, 12);
      const drawn = {
        birthday: `${pad(month)}-${pad(rng.int(1, daysInMonth(2000, month)))}`,
        hire_date: monthsBefore(today, rng.int(1, 40 * 12)),
        birthday_hidden: 0,
      };
      return { ...p, ...drawn, ...fixed[p.employee_number] };
    }),
  };
}
