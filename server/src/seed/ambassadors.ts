import type { Insertable } from 'kysely';
import type { PeopleTable } from '../db/schema.js';
import { DEMO_PLACEMENT } from './demoPeople.js';

const LINES = ['Vraag mij over: roosters, de app', 'Vraag mij over: berichten plaatsen en foto’s', 'Vraag mij over: groepen en meldingen', null];

/**
 * The demo's ambassadors: one colleague per location, and one in each fixed person's own department,
 * so "Vraag het een ambassadeur" has someone near whoever logs in. Never a fixed person, whose screens
 * the e2e tests know by heart. The demo has been in use a while, so everyone in it has seen the
 * first-time tour.
 */
export function withAmbassadors(people: Insertable<PeopleTable>[]): Insertable<PeopleTable>[] {
  const generated = people.filter((p) => DEMO_PLACEMENT[p.employee_number] === undefined && p.active === 1);
  const demoDepartments = new Set(people.filter((p) => DEMO_PLACEMENT[p.employee_number] !== undefined).map((p) => p.department_id));
  const chosen = new Set<string>();
  const firstWhere = (match: (p: Insertable<PeopleTable>) => boolean) => {
    const found = generated.find((p) => match(p) && !chosen.has(p.id));
    if (found) chosen.add(found.id);
  };
  for (const location of new Set(generated.map((p) => p.location_id))) firstWhere((p) => p.location_id === location);
  for (const department of demoDepartments) firstWhere((p) => p.department_id === department);
  let n = 0;
  // Every row names the same columns: rows are inserted in batches that share one column list.
  return people.map((p) => ({
    ...p,
    tour_completed_at: p.created_at,
    ...(chosen.has(p.id) ? { ambassador: 1, ambassador_line: LINES[n++ % LINES.length] ?? null } : { ambassador: 0, ambassador_line: null }),
  }));
}
