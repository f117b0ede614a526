import type { Role } from '../../../common/src/api/primitives.js';
import { handleFromName } from '../../../common/src/text/mentions.js';
import type { Insertable } from 'kysely';
import type { BadgesTable, PeopleTable } from '../db/schema.js';
import { iso, type SeedContext } from './context.js';
import { DEMO_PEOPLE, DEMO_PLACEMENT } from './demoPeople.js';
import type { Department, DepartmentKind, Places } from './places.js';
import { FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES } from './vocabulary.js';

export interface Person {
  id: string;
  name: string;
  handle: string;
  employeeNumber: string;
  jobTitle: string;
  dept: Department;
  roles: Role[];
  active: boolean;
  leader: boolean;
  /** How often they post, relative to others; 0 when inactive. */
  weight: number;
  createdMs: number;
}

export interface People {
  /** The fixed people first, in DEMO_PEOPLE order, then the generated ones by employee number. */
  all: Person[];
  active: Person[];
  byHandle: Map<string, Person>;
  fixed: { anna: Person; bram: Person; carla: Person; daan: Person; eva: Person };
  ward3b: Department;
  /** Team leader of 3B; Anna, should 3B have none. */
  ward3bLeader: Person;
}

/** Adds someone to the organisation and their department, with the next id and setup moment. */
type Hire = (p: Omit<Person, 'id' | 'handle' | 'createdMs'>) => void;

/** Share of the generated people per kind of department, spread over its departments by their weight. */
const KIND_SHARES: Record<DepartmentKind, number> = { ward: 0.55, homecare: 0.25, facility: 0.1, staff: 0.07, other: 0.03 };

/** The fixed people where DEMO_PLACEMENT puts them, and generated people to fill every department. */
export function hireStaff(ctx: SeedContext, places: Places): People {
  const { departments } = places;
  const deptByKey = (key: string) => departments.find((d) => d.key === key)!;
  const ward3b = deptByKey('ward3b');
  planStaffing(departments, ctx.employees - DEMO_PEOPLE.length, ward3b);

  const all: Person[] = [];
  const byHandle = new Map<string, Person>();
  const hire: Hire = (p) => {
    const createdMs = ctx.nextSetupMs();
    const person: Person = { id: ctx.newId(createdMs), handle: uniqueHandle(p.name, byHandle), createdMs, ...p };
    byHandle.set(person.handle, person);
    p.dept.staff.push(person);
    all.push(person);
  };

  for (const fixed of DEMO_PEOPLE) {
    const placement = DEMO_PLACEMENT[fixed.employeeNumber]!;
    const { name, employeeNumber, jobTitle } = fixed;
    hire({ name, employeeNumber, jobTitle, dept: deptByKey(placement.department), roles: [...fixed.roles], active: true, leader: false, weight: placement.weight });
  }
  const [anna, bram, carla, daan, eva] = all as [Person, Person, Person, Person, Person];
  hireGenerated(ctx, departments, ward3b, hire);

  return {
    all,
    active: all.filter((p) => p.active),
    byHandle,
    fixed: { anna, bram, carla, daan, eva },
    ward3b,
    ward3bLeader: ward3b.staff.find((p) => p.leader) ?? anna,
  };
}

/**
 * Sets `planned` on every department: its kind's share of `generated` people split by weight, rounded
 * by largest remainder, with at least 8 on ward 3B so its private group has nurses at any size.
 */
function planStaffing(departments: Department[], generated: number, ward3b: Department): void {
  const kindWeight = new Map<DepartmentKind, number>();
  for (const d of departments) kindWeight.set(d.kind, (kindWeight.get(d.kind) ?? 0) + d.weight);
  let shareTotal = 0;
  for (const [kind] of kindWeight) shareTotal += KIND_SHARES[kind];
  const exact = departments.map((d) => (generated * KIND_SHARES[d.kind] * d.weight) / shareTotal / kindWeight.get(d.kind)!);
  departments.forEach((d, i) => (d.planned = Math.floor(exact[i]!)));
  let remaining = generated - departments.reduce((s, d) => s + d.planned, 0);
  const byRemainder = departments.map((d, i) => ({ d, r: exact[i]! - d.planned })).sort((a, b) => b.r - a.r);
  for (let i = 0; remaining > 0; i = (i + 1) % byRemainder.length, remaining--) byRemainder[i]!.d.planned++;
  while (ward3b.planned < 8) {
    let biggest = departments.find((d) => d !== ward3b)!;
    for (const d of departments) if (d !== ward3b && d.planned > biggest.planned) biggest = d;
    biggest.planned--;
    ward3b.planned++;
  }
}

/** People for every planned place, with names, job titles and roles that fit the department. */
function hireGenerated(ctx: SeedContext, departments: Department[], ward3b: Department, hire: Hire): void {
  const rng = ctx.rng.people;
  const fixedNames = new Set(DEMO_PEOPLE.map((p) => p.name));
  const slots: Department[] = [];
  for (const d of departments) for (let i = 0; i < d.planned; i++) slots.push(d);
  // Team 3B's generated nurses come first, so the team leader of 3B and its nurses exist at any size.
  const order = [...slots.filter((d) => d === ward3b), ...rng.shuffle(slots.filter((d) => d !== ward3b))];
  const seenDept = new Set<Department>();
  let admins = 0;
  for (let i = 0; i < order.length; i++) {
    const dept = order[i]!;
    let name: string;
    do {
      const female = rng.chance(0.82);
      const first = rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
      let last = rng.pick(LAST_NAMES);
      if (rng.chance(0.06)) last = `${last}-${rng.pick(LAST_NAMES)}`;
      name = `${first} ${last}`;
    } while (fixedNames.has(name));
    const leader = !seenDept.has(dept) && dept.planned >= 5;
    seenDept.add(dept);
    let jobTitle = leader ? dept.leaderTitle : rng.weighted(dept.jobs, ([, w]) => w)[0];
    if (dept === ward3b && !leader && !['Verpleegkundige', 'Verzorgende IG', 'Leerling-verpleegkundige'].includes(jobTitle)) {
      jobTitle = rng.chance(0.6) ? 'Verpleegkundige' : 'Verzorgende IG';
    }
    const roles: Role[] = ['employee'];
    if (jobTitle === 'Zorgcoach' || jobTitle === 'Praktijkopleider' || (dept.kind !== 'staff' && rng.chance(0.008))) roles.push('coach');
    if (dept.key === 'comms' && ['Communicatieadviseur', 'Contentredacteur', 'Manager Communicatie'].includes(jobTitle)) roles.push('editor');
    if (dept.key === 'ict' && jobTitle === 'Applicatiebeheerder' && admins < 2) {
      roles.push('admin');
      admins++;
    }
    const active = dept === ward3b || !rng.chance(0.015);
    const r = rng.next();
    let weight = active ? 0.15 + 3 * r ** 4 : 0;
    if (roles.includes('coach')) weight *= 3;
    if (roles.includes('editor')) weight *= 3;
    if (leader) weight *= 2;
    hire({ name, employeeNumber: String(10000 + i), jobTitle, dept, roles, active, leader, weight });
  }
}

function uniqueHandle(name: string, taken: ReadonlyMap<string, Person>): string {
  const base = handleFromName(name).slice(0, 34).replace(/[._-]+$/, '');
  let handle = base;
  for (let n = 2; taken.has(handle); n++) handle = `${base}${n}`;
  return handle;
}

/** Only the fixed people get a password and PIN; generated people cannot log in with a secret. */
export function personRows(
  tenantId: string,
  people: People,
  avatars: ReadonlyMap<Person, string>,
  secrets: ReadonlyMap<string, { password: string; pin: string }>,
): Insertable<PeopleTable>[] {
  return people.all.map((p) => {
    const secret = DEMO_PLACEMENT[p.employeeNumber] !== undefined ? secrets.get(p.employeeNumber) : undefined;
    return {
      tenant_id: tenantId,
      id: p.id,
      employee_number: p.employeeNumber,
      name: p.name,
      handle: p.handle,
      job_title: p.jobTitle,
      department_id: p.dept.id,
      location_id: p.dept.loc.id,
      roles: JSON.stringify(p.roles),
      avatar_image_id: avatars.get(p) ?? null,
      active: p.active ? 1 : 0,
      password_hash: secret?.password ?? null,
      pin_hash: secret?.pin ?? null,
      created_at: iso(p.createdMs),
      updated_at: iso(p.createdMs),
    };
  });
}

export function badgeRows(tenantId: string, people: People): BadgesTable[] {
  return DEMO_PEOPLE.map((d) => {
    const p = people.all.find((x) => x.employeeNumber === d.employeeNumber)!;
    return { tenant_id: tenantId, badge_id: d.badge, person_id: p.id, created_at: iso(p.createdMs) };
  });
}
