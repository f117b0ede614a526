import type { Kysely } from 'kysely';
import type { Celebrations } from '../../../common/src/api/routes/celebrations.js';
import { amsterdamDay, birthdaysOn, dayKey, hireDatesOn, isBirthdayOn, jubileeOn } from '../../../common/src/celebrations/dates.js';
import type { Database } from '../db/schema.js';
import { settingsFromJson } from '../people/serialize.js';

/** A kiosk's card stays readable from two metres: at most this many people per kind. */
const CELEBRATED_AT_MOST = 12;

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/**
 * Today's (Amsterdam) birthdays and work anniversaries of the active people at a location (by their
 * own location or their department's), or of the whole organisation for a kiosk that stands nowhere.
 * Null when the organisation shows neither. Only first names and departments leave the server.
 */
export async function celebrationsToday(k: Kysely<Database>, tenantId: string, locationId: string | null, now: Date): Promise<Celebrations | null> {
  const org = await k.selectFrom('organisations').select('settings').where('tenant_id', '=', tenantId).executeTakeFirst();
  const settings = settingsFromJson(org?.settings ?? '{}');
  const birthdaysOnScreen = settings.celebrateBirthdays === true;
  const anniversariesOnScreen = settings.celebrateAnniversaries === true;
  if (!birthdaysOnScreen && !anniversariesOnScreen) return null;

  const today = amsterdamDay(now);
  const birthdays = birthdaysOn(today);
  const hireDates = hireDatesOn(today);
  const rows = await k
    .selectFrom('people as p')
    .leftJoin('departments as d', (j) => j.onRef('d.tenant_id', '=', 'p.tenant_id').onRef('d.id', '=', 'p.department_id'))
    .select(['p.name', 'p.birthday', 'p.hire_date', 'p.birthday_hidden', 'd.name as department'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.active', '=', 1)
    .where((w) =>
      w.or([
        ...(birthdaysOnScreen ? [w.and([w('p.birthday', 'in', birthdays), w('p.birthday_hidden', '=', 0)])] : []),
        ...(anniversariesOnScreen ? [w('p.hire_date', 'in', hireDates)] : []),
      ]),
    )
    .where((w) => (locationId === null ? w.lit(true) : w.or([w('p.location_id', '=', locationId), w('d.location_id', '=', locationId)])))
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();

  const who = (r: (typeof rows)[number]) => ({ firstName: firstName(r.name), department: r.department ?? null });
  return {
    day: dayKey(today),
    birthdays: birthdaysOnScreen ? rows.filter((r) => r.birthday && r.birthday_hidden === 0 && isBirthdayOn(r.birthday, today)).slice(0, CELEBRATED_AT_MOST).map(who) : [],
    anniversaries: anniversariesOnScreen
      ? rows
          .flatMap((r) => {
            const years = r.hire_date ? jubileeOn(r.hire_date, today) : null;
            return years === null ? [] : [{ ...who(r), years }];
          })
          .slice(0, CELEBRATED_AT_MOST)
      : [],
  };
}
