import type { DepartmentsTable, LocationsTable } from '../db/schema.js';
import { MAX_EMPLOYEES, MIN_EMPLOYEES, clamp, type SeedContext } from './context.js';
import type { Person } from './people.js';
import {
  CENTRAL_DEPARTMENTS,
  CITY_PARTS,
  HOUSE_NAMES,
  JOBS_HOMECARE,
  JOBS_MAIN_WARD,
  JOBS_NURSING_HOME,
  JOBS_OTHER,
  MAIN_SPECIALISMS,
  WARD_HOUSES,
  WARD_TYPES,
  type JobMix,
  type Region,
} from './vocabulary.js';

export interface OrgLocation {
  id: string;
  name: string;
  city: string;
  house: string;
  kind: 'main' | 'care' | 'homecare';
  createdMs: number;
}

export type DepartmentKind = 'ward' | 'homecare' | 'facility' | 'staff' | 'other';

export interface Department {
  id: string;
  name: string;
  kind: DepartmentKind;
  loc: OrgLocation;
  /** Central department key, or 'ward3b' / 'ward2a' for the two wards the fixed people work on. */
  key: string;
  jobs: JobMix;
  leaderTitle: string;
  /** Short name for a team group: "2A", "Zonnebloem". */
  teamName: string;
  weight: number;
  createdMs: number;
  /** How many generated people it gets; set by the staffing plan in people.ts. */
  planned: number;
  /** Filled as people are hired. */
  staff: Person[];
}

export interface Places {
  locations: OrgLocation[];
  /** The first location: central departments and the wards of Anna and Bram. */
  main: OrgLocation;
  departments: Department[];
}

/** 10 locations for the smallest organisation, growing with the square root of its size to 40. */
function locationCountFor(employees: number): number {
  return clamp(10 + Math.round(30 * Math.sqrt((employees - MIN_EMPLOYEES) / (MAX_EMPLOYEES - MIN_EMPLOYEES))), 10, 40);
}

/** Locations in the organisation's region, and the departments at each. */
export function layOutPlaces(ctx: SeedContext, region: Region): Places {
  const locations = layOutLocations(ctx, region);
  return { locations, main: locations[0]!, departments: layOutDepartments(ctx, locations) };
}

function layOutLocations(ctx: SeedContext, region: Region): OrgLocation[] {
  const rng = ctx.rng.structure;
  const cities = [region.cities[0]!, ...rng.shuffle(region.cities.slice(1))];
  const houses = rng.shuffle(HOUSE_NAMES.filter((h) => h !== 'De Es'));
  // The demo's main location is always De Es.
  if (ctx.isDemo) houses.unshift('De Es');
  const locations: OrgLocation[] = [];
  for (let i = 0; i < locationCountFor(ctx.employees); i++) {
    const house = houses[i % houses.length]!;
    const city = cities[i % cities.length]!;
    const kind = i === 0 ? 'main' : i % 3 === 0 ? 'homecare' : 'care';
    const createdMs = ctx.nextSetupMs();
    locations.push({ id: ctx.newId(createdMs), name: `Locatie ${house}, ${city}`, city, house, kind, createdMs });
  }
  return locations;
}

type DepartmentPlan = Omit<Department, 'id' | 'createdMs' | 'staff' | 'planned'>;

/**
 * Central departments and wards at the main location, nursing-home wards at the care locations and
 * home-care teams at the others, in numbers that grow with the organisation.
 */
function layOutDepartments(ctx: SeedContext, locations: OrgLocation[]): Department[] {
  const { employees } = ctx;
  const rng = ctx.rng.structure;
  const main = locations[0]!;
  const departments: Department[] = [];
  const usedNames = new Set<string>();
  const add = (plan: DepartmentPlan) => {
    let name = plan.name;
    if (usedNames.has(name)) name = `${plan.name}, ${plan.loc.house}`;
    usedNames.add(name);
    const createdMs = ctx.nextSetupMs();
    departments.push({ ...plan, name, id: ctx.newId(createdMs), createdMs, staff: [], planned: 0 });
  };
  const ward = (name: string, loc: OrgLocation, key: string, jobs: JobMix, teamName: string, weight: number) =>
    add({ name, kind: 'ward', loc, key, jobs, leaderTitle: 'Teamleider', teamName, weight });

  for (const c of CENTRAL_DEPARTMENTS) {
    if (employees < c.minEmployees) continue;
    add({ name: c.name, kind: c.kind, loc: main, key: c.key, jobs: c.jobs, leaderTitle: c.leader, teamName: c.name, weight: c.weight });
  }
  const careLocations = locations.filter((l) => l.kind === 'care');
  const homecareLocations = locations.filter((l) => l.kind === 'homecare');
  const wardsPerLocation = clamp(Math.round((employees * 0.55) / 40 / (careLocations.length + 1)), 1, 10);

  ward('Afdeling 3B Interne geneeskunde', main, 'ward3b', JOBS_MAIN_WARD, '3B', 1.2);
  ward('Afdeling 2A Geriatrie', main, 'ward2a', JOBS_MAIN_WARD, '2A', 1.2);
  const floorCodes: string[] = [];
  for (let floor = 1; floor <= 6; floor++) for (const letter of 'ABCD') floorCodes.push(`${floor}${letter}`);
  const freeCodes = rng.shuffle(floorCodes.filter((c) => c !== '3B' && c !== '2A'));
  const specialisms = rng.shuffle(MAIN_SPECIALISMS.filter((s) => s !== 'Geriatrie'));
  const extraMainWards = Math.min(specialisms.length, Math.max(0, wardsPerLocation - 1));
  for (let i = 0; i < extraMainWards; i++) {
    const code = freeCodes[i]!;
    ward(`Afdeling ${code} ${specialisms[i]!}`, main, 'ward', JOBS_MAIN_WARD, code, rng.next() * 0.6 + 0.9);
  }

  const wardHouses = rng.shuffle([...WARD_HOUSES]);
  let wardHouseIndex = 0;
  for (const loc of careLocations) {
    const n = clamp(wardsPerLocation + rng.int(-1, 1), 1, 10);
    for (let i = 0; i < n; i++) {
      const house = wardHouses[wardHouseIndex++ % wardHouses.length]!;
      const type = rng.pick(WARD_TYPES);
      ward(`Afdeling ${house} (${type})`, loc, 'ward', JOBS_NURSING_HOME, house, rng.next() * 0.6 + 0.7);
    }
    if (rng.chance(0.35)) {
      add({ name: `Dagbesteding ${loc.house}`, kind: 'other', loc, key: 'daycare', jobs: JOBS_OTHER, leaderTitle: 'Coördinator dagbesteding', teamName: `Dagbesteding ${loc.house}`, weight: 1 });
    }
    if (employees >= 3000 && rng.chance(0.5)) {
      add({ name: `Facilitair team ${loc.house}`, kind: 'facility', loc, key: 'facility-local', jobs: [['Medewerker facilitair', 3], ['Medewerker schoonmaak', 3], ['Gastvrouw', 2]], leaderTitle: 'Teamleider facilitair', teamName: `Facilitair ${loc.house}`, weight: 1.5 });
    }
  }

  const homecareTeams = clamp(Math.round((employees * 0.25) / 40), homecareLocations.length, 150);
  const usedTeamNames = new Set<string>();
  homecareLocations.forEach((loc, li) => {
    const n = Math.floor(homecareTeams / homecareLocations.length) + (li < homecareTeams % homecareLocations.length ? 1 : 0);
    // The common parts (Noord, Zuid, …) first; the finer ones only where a town has many teams.
    const parts = [...rng.shuffle(CITY_PARTS.slice(0, 5)), ...rng.shuffle(CITY_PARTS.slice(5))];
    for (let i = 0, p = 0; i < n; p++) {
      const part = parts[p % parts.length]!;
      let name = `Thuiszorg team ${loc.city}-${part}`;
      if (usedTeamNames.has(name)) {
        if (p < parts.length * 2) continue;
        name = `${name} ${Math.floor(p / parts.length) + 1}`;
      }
      usedTeamNames.add(name);
      add({ name, kind: 'homecare', loc, key: 'homecare', jobs: JOBS_HOMECARE, leaderTitle: 'Teamleider', teamName: `${loc.city}-${part}`, weight: rng.next() * 0.6 + 0.7 });
      i++;
    }
  });
  return departments;
}

export const locationRows = (tenantId: string, places: Places): LocationsTable[] =>
  places.locations.map((l) => ({ tenant_id: tenantId, id: l.id, name: l.name, city: l.city }));

export const departmentRows = (tenantId: string, places: Places): DepartmentsTable[] =>
  places.departments.map((d) => ({ tenant_id: tenantId, id: d.id, name: d.name, kind: d.kind, location_id: d.loc.id }));
