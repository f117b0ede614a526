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
      // Never today: who is celebrated on the anchor's day is the fixed people above, whatever the day.
      const born = new Date(Date.UTC(2001, today.month - 1, today.day + rng.int(1, 364)));
      const hired = new Date(Date.UTC(today.year, today.month - 1, today.day - rng.int(30, 40 * 365)));
      const drawn = {
        birthday: `${pad(born.getUTCMonth() + 1)}-${pad(born.getUTCDate())}`,
        hire_date: hired.toISOString().slice(0, 10),
        birthday_hidden: 0,
      };
      return { ...p, ...drawn, ...fixed[p.employee_number] };
    }),
  };
}
