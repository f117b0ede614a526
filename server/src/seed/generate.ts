import type { Role } from '../../../common/src/api/primitives.js';
import { likeKey, membershipKey, type EntityName } from '../../../common/src/api/sync.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { parseHashtags } from '../../../common/src/text/hashtags.js';
import { handleFromName, parseMentionHandles } from '../../../common/src/text/mentions.js';
import type { Insertable } from 'kysely';
import type {
  BadgesTable,
  ChangesTable,
  CommentsTable,
  DepartmentsTable,
  GroupMembersTable,
  GroupsTable,
  ImagesTable,
  LikesTable,
  LocationsTable,
  OrganisationsTable,
  PeopleTable,
  PostHashtagsTable,
  PostsTable,
} from '../db/schema.js';
import { ActivityClock, DAY, dateName, weekdayName } from './calendar.js';
import { DEMO_PEOPLE, DEMO_PLACEMENT } from './demoPeople.js';
import { ImageFactory, type ImageAsset } from './images.js';
import { Rng, WeightedPool, hashSeed } from './prng.js';
import {
  GROUP_TEMPLATES,
  ORG_TEMPLATES,
  PINNED_TEMPLATES,
  REPLIES,
  type AuthorPool,
  type GroupTopic,
  type PostTemplate,
} from './texts.js';
import {
  CENTRAL_DEPARTMENTS,
  CITY_PARTS,
  DEMO_ORGANISATION,
  DEMO_PALETTE,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  HOUSE_NAMES,
  JOBS_HOMECARE,
  JOBS_MAIN_WARD,
  JOBS_NURSING_HOME,
  JOBS_OTHER,
  LAST_NAMES,
  MAIN_SPECIALISMS,
  ORGANISATION_NAMES,
  PALETTES,
  REGIONS,
  WARD_HOUSES,
  WARD_TYPES,
  type JobMix,
} from './vocabulary.js';

export const MIN_EMPLOYEES = 50;
export const MAX_EMPLOYEES = 20_000;
/** Post pictures in one organisation at most, so big seeds stay fast and small. */
export const MAX_POST_IMAGES = 60;
const AVATARS_GENERATED = 8;
const HISTORY_DAYS = 90;

export interface GenerateInput {
  seed: number;
  employees: number;
  slug: string;
  anchorMs: number;
  /** null: no pictures at all (no logo, avatars or post images). */
  images: ImageFactory | null;
  /** scrypt hashes of the fixed people's password and PIN, by employee number. */
  secrets: ReadonlyMap<string, { password: string; pin: string }>;
}

export interface Dataset {
  tenantId: string;
  /** Settings are left to the column default: the demo uses DEFAULT_ORGANISATION_SETTINGS. */
  organisation: Insertable<OrganisationsTable>;
  locations: LocationsTable[];
  departments: DepartmentsTable[];
  people: Insertable<PeopleTable>[];
  badges: BadgesTable[];
  groups: GroupsTable[];
  groupMembers: GroupMembersTable[];
  images: ImagesTable[];
  posts: PostsTable[];
  postHashtags: PostHashtagsTable[];
  comments: CommentsTable[];
  likes: LikesTable[];
  changes: ChangesTable[];
}

type DeptKind = 'ward' | 'homecare' | 'facility' | 'staff' | 'other';

interface Loc {
  id: string;
  name: string;
  city: string;
  house: string;
  kind: 'main' | 'care' | 'homecare';
}

interface Dept {
  id: string;
  name: string;
  kind: DeptKind;
  loc: Loc;
  /** Central department key, or 'ward3b' / 'ward2a' for the two wards the fixed people work on. */
  key: string;
  jobs: JobMix;
  leaderTitle: string;
  /** Short name for a team group: "2A", "Zonnebloem". */
  teamName: string;
  weight: number;
  planned: number;
  staff: Staff[];
}

interface Staff {
  id: string;
  name: string;
  handle: string;
  employeeNumber: string;
  jobTitle: string;
  dept: Dept;
  roles: Role[];
  active: boolean;
  leader: boolean;
  weight: number;
  avatarImageId: string | null;
  createdMs: number;
}

interface GroupDef {
  id: string;
  name: string;
  description: string;
  kind: 'work' | 'informal';
  visibility: 'open' | 'closed' | 'private';
  topic: GroupTopic;
  tag: string;
  admins: Staff[];
  members: Staff[];
  activity: number;
  createdMs: number;
  pool: WeightedPool<Staff> | null;
}

interface PostSpec {
  ms: number;
  order: number;
  kind: 'pinned' | 'team3b' | 'group' | 'org';
  group: GroupDef | null;
  pinnedIndex: number;
}

interface TimelineEvent {
  ms: number;
  entity: EntityName;
  id: string;
  scope: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));
const asciiTag = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export function postCountFor(employees: number): number {
  return Math.min(Math.round(employees * 0.8), 6000 + Math.round(employees * 0.2));
}

export function locationCountFor(employees: number): number {
  return clamp(10 + Math.round(30 * Math.sqrt((employees - MIN_EMPLOYEES) / (MAX_EMPLOYEES - MIN_EMPLOYEES))), 10, 40);
}

export async function generate(input: GenerateInput): Promise<Dataset> {
  const { employees, slug, anchorMs } = input;
  const root = new Rng(hashSeed('samen-seed', input.seed));
  const structRng = root.fork('structure');
  const peopleRng = root.fork('people');
  const groupRng = root.fork('groups');
  const postRng = root.fork('posts');
  const textRng = root.fork('texts');
  const reactRng = root.fork('reactions');
  const imgRng = root.fork('images');
  // Ids also depend on the slug: two organisations seeded with one seed in one database get distinct tenant ids.
  const idRng = new Rng(hashSeed('samen-ids', input.seed, slug));
  const imgIdRng = new Rng(hashSeed('samen-image-ids', input.seed, slug));
  const newId = (ms: number) => uuidv7(ms, idRng.bytes);
  const newImageId = (ms: number) => uuidv7(ms, imgIdRng.bytes);

  const clock = new ActivityClock(anchorMs, HISTORY_DAYS);
  // Everything that exists before the history starts is set up two days earlier, one millisecond apart.
  let setupMs = clock.startMs - 2 * DAY;
  const nextSetupMs = () => setupMs++;

  const images: ImagesTable[] = [];
  const addImage = (id: string, asset: ImageAsset, ownerId: string, postId: string | null, ms: number) => {
    images.push({
      tenant_id: '',
      id,
      owner_id: ownerId,
      post_id: postId,
      mime: asset.mime,
      width: asset.width,
      height: asset.height,
      byte_size: asset.data.length,
      data: asset.data,
      thumb: asset.thumb,
      created_at: iso(ms),
    });
  };

  // ---------------------------------------------------------------- organisation
  const isDemo = slug === 'demo';
  const orgName = isDemo ? DEMO_ORGANISATION : structRng.pick(ORGANISATION_NAMES);
  const palette = isDemo ? DEMO_PALETTE : structRng.pick(PALETTES);
  const region = isDemo ? REGIONS[0]! : structRng.pick(REGIONS);
  const orgMs = nextSetupMs();
  const tenantId = newId(orgMs);

  // ---------------------------------------------------------------- locations
  const locationCount = locationCountFor(employees);
  const cities = [region.cities[0]!, ...structRng.shuffle(region.cities.slice(1))];
  const houses = structRng.shuffle(HOUSE_NAMES.filter((h) => h !== 'De Es'));
  if (isDemo) houses.unshift('De Es');
  const locations: Loc[] = [];
  const locationMs: number[] = [];
  for (let i = 0; i < locationCount; i++) {
    const house = houses[i % houses.length]!;
    const city = cities[i % cities.length]!;
    const kind = i === 0 ? 'main' : i % 3 === 0 ? 'homecare' : 'care';
    const ms = nextSetupMs();
    locationMs.push(ms);
    locations.push({ id: newId(ms), name: `Locatie ${house}, ${city}`, city, house, kind });
  }
  const main = locations[0]!;

  // ---------------------------------------------------------------- departments
  const departments: Dept[] = [];
  const departmentMs: number[] = [];
  const usedDeptNames = new Set<string>();
  const addDept = (d: Omit<Dept, 'id' | 'staff' | 'planned'>) => {
    let name = d.name;
    if (usedDeptNames.has(name)) name = `${d.name}, ${d.loc.house}`;
    usedDeptNames.add(name);
    const ms = nextSetupMs();
    departmentMs.push(ms);
    const dept: Dept = { ...d, name, id: newId(ms), staff: [], planned: 0 };
    departments.push(dept);
    return dept;
  };

  for (const c of CENTRAL_DEPARTMENTS) {
    if (employees < c.minEmployees) continue;
    addDept({ name: c.name, kind: c.kind, loc: main, key: c.key, jobs: c.jobs, leaderTitle: c.leader, teamName: c.name, weight: c.weight });
  }
  const careLocations = locations.filter((l) => l.kind === 'care');
  const homecareLocations = locations.filter((l) => l.kind === 'homecare');
  const wardsPerLocation = clamp(Math.round((employees * 0.55) / 40 / (careLocations.length + 1)), 1, 10);

  addDept({ name: 'Afdeling 3B Interne geneeskunde', kind: 'ward', loc: main, key: 'ward3b', jobs: JOBS_MAIN_WARD, leaderTitle: 'Teamleider', teamName: '3B', weight: 1.2 });
  addDept({ name: 'Afdeling 2A Geriatrie', kind: 'ward', loc: main, key: 'ward2a', jobs: JOBS_MAIN_WARD, leaderTitle: 'Teamleider', teamName: '2A', weight: 1.2 });
  const floorCodes: string[] = [];
  for (let floor = 1; floor <= 6; floor++) for (const letter of 'ABCD') floorCodes.push(`${floor}${letter}`);
  const freeCodes = structRng.shuffle(floorCodes.filter((c) => c !== '3B' && c !== '2A'));
  const specialisms = structRng.shuffle(MAIN_SPECIALISMS.filter((s) => s !== 'Geriatrie'));
  const extraMainWards = Math.min(specialisms.length, Math.max(0, wardsPerLocation - 1));
  for (let i = 0; i < extraMainWards; i++) {
    const code = freeCodes[i]!;
    addDept({ name: `Afdeling ${code} ${specialisms[i]!}`, kind: 'ward', loc: main, key: 'ward', jobs: JOBS_MAIN_WARD, leaderTitle: 'Teamleider', teamName: code, weight: structRng.next() * 0.6 + 0.9 });
  }

  const wardHouses = structRng.shuffle([...WARD_HOUSES]);
  let wardHouseIndex = 0;
  for (const loc of careLocations) {
    const n = clamp(wardsPerLocation + structRng.int(-1, 1), 1, 10);
    for (let i = 0; i < n; i++) {
      const house = wardHouses[wardHouseIndex++ % wardHouses.length]!;
      const type = structRng.pick(WARD_TYPES);
      addDept({ name: `Afdeling ${house} (${type})`, kind: 'ward', loc, key: 'ward', jobs: JOBS_NURSING_HOME, leaderTitle: 'Teamleider', teamName: house, weight: structRng.next() * 0.6 + 0.7 });
    }
    if (structRng.chance(0.35)) {
      addDept({ name: `Dagbesteding ${loc.house}`, kind: 'other', loc, key: 'daycare', jobs: JOBS_OTHER, leaderTitle: 'Coördinator dagbesteding', teamName: `Dagbesteding ${loc.house}`, weight: 1 });
    }
    if (employees >= 3000 && structRng.chance(0.5)) {
      addDept({ name: `Facilitair team ${loc.house}`, kind: 'facility', loc, key: 'facility-local', jobs: [['Medewerker facilitair', 3], ['Medewerker schoonmaak', 3], ['Gastvrouw', 2]], leaderTitle: 'Teamleider facilitair', teamName: `Facilitair ${loc.house}`, weight: 1.5 });
    }
  }

  const homecareTeams = clamp(Math.round((employees * 0.25) / 40), homecareLocations.length, 150);
  const usedTeamNames = new Set<string>();
  homecareLocations.forEach((loc, li) => {
    const n = Math.floor(homecareTeams / homecareLocations.length) + (li < homecareTeams % homecareLocations.length ? 1 : 0);
    // The common parts (Noord, Zuid, …) first; the finer ones only where a town has many teams.
    const parts = [...structRng.shuffle(CITY_PARTS.slice(0, 5)), ...structRng.shuffle(CITY_PARTS.slice(5))];
    for (let i = 0, p = 0; i < n; p++) {
      const part = parts[p % parts.length]!;
      let name = `Thuiszorg team ${loc.city}-${part}`;
      if (usedTeamNames.has(name)) {
        if (p < parts.length * 2) continue;
        name = `${name} ${Math.floor(p / parts.length) + 1}`;
      }
      usedTeamNames.add(name);
      addDept({ name, kind: 'homecare', loc, key: 'homecare', jobs: JOBS_HOMECARE, leaderTitle: 'Teamleider', teamName: `${loc.city}-${part}`, weight: structRng.next() * 0.6 + 0.7 });
      i++;
    }
  });

  // ---------------------------------------------------------------- staffing plan
  const generatedCount = employees - DEMO_PEOPLE.length;
  const shares: Record<DeptKind, number> = { ward: 0.55, homecare: 0.25, facility: 0.1, staff: 0.07, other: 0.03 };
  const kindWeight = new Map<DeptKind, number>();
  for (const d of departments) kindWeight.set(d.kind, (kindWeight.get(d.kind) ?? 0) + d.weight);
  let shareTotal = 0;
  for (const [kind] of kindWeight) shareTotal += shares[kind];
  const exact = departments.map((d) => (generatedCount * shares[d.kind] * d.weight) / shareTotal / kindWeight.get(d.kind)!);
  departments.forEach((d, i) => (d.planned = Math.floor(exact[i]!)));
  let remaining = generatedCount - departments.reduce((s, d) => s + d.planned, 0);
  const byRemainder = departments.map((d, i) => ({ d, r: exact[i]! - d.planned })).sort((a, b) => b.r - a.r);
  for (let i = 0; remaining > 0; i = (i + 1) % byRemainder.length, remaining--) byRemainder[i]!.d.planned++;
  const ward3b = departments.find((d) => d.key === 'ward3b')!;
  while (ward3b.planned < 8) {
    let biggest = departments.find((d) => d !== ward3b)!;
    for (const d of departments) if (d !== ward3b && d.planned > biggest.planned) biggest = d;
    biggest.planned--;
    ward3b.planned++;
  }

  // ---------------------------------------------------------------- people
  const people: Staff[] = [];
  const handles = new Map<string, Staff>();
  const uniqueHandle = (name: string) => {
    const base = handleFromName(name).slice(0, 34).replace(/[._-]+$/, '');
    let handle = base;
    for (let n = 2; handles.has(handle); n++) handle = `${base}${n}`;
    return handle;
  };
  const deptByKey = (key: string) => departments.find((d) => d.key === key)!;
  for (const fixed of DEMO_PEOPLE) {
    const placement = DEMO_PLACEMENT[fixed.employeeNumber]!;
    const dept = deptByKey(placement.department);
    const ms = nextSetupMs();
    const person: Staff = {
      id: newId(ms),
      name: fixed.name,
      handle: uniqueHandle(fixed.name),
      employeeNumber: fixed.employeeNumber,
      jobTitle: fixed.jobTitle,
      dept,
      roles: [...fixed.roles],
      active: true,
      leader: false,
      weight: placement.weight,
      avatarImageId: null,
      createdMs: ms,
    };
    handles.set(person.handle, person);
    dept.staff.push(person);
    people.push(person);
  }
  const fixedNames = new Set(DEMO_PEOPLE.map((p) => p.name));
  const [anna, bram, carla, daan, eva] = people as [Staff, Staff, Staff, Staff, Staff];

  const slots: Dept[] = [];
  for (const d of departments) for (let i = 0; i < d.planned; i++) slots.push(d);
  // Team 3B's generated nurses come first, so the team leader of 3B and its nurses exist at any size.
  const ward3bSlots = slots.filter((d) => d === ward3b);
  const otherSlots = peopleRng.shuffle(slots.filter((d) => d !== ward3b));
  const order = [...ward3bSlots, ...otherSlots];
  const seenDept = new Set<Dept>();
  let admins = 0;
  for (let i = 0; i < order.length; i++) {
    const dept = order[i]!;
    let name: string;
    do {
      const female = peopleRng.chance(0.82);
      const first = peopleRng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
      let last = peopleRng.pick(LAST_NAMES);
      if (peopleRng.chance(0.06)) last = `${last}-${peopleRng.pick(LAST_NAMES)}`;
      name = `${first} ${last}`;
    } while (fixedNames.has(name));
    const leader = !seenDept.has(dept) && dept.planned >= 5;
    seenDept.add(dept);
    let jobTitle = leader ? dept.leaderTitle : peopleRng.weighted(dept.jobs, ([, w]) => w)[0];
    if (dept === ward3b && !leader && !['Verpleegkundige', 'Verzorgende IG', 'Leerling-verpleegkundige'].includes(jobTitle)) {
      jobTitle = peopleRng.chance(0.6) ? 'Verpleegkundige' : 'Verzorgende IG';
    }
    const roles: Role[] = ['employee'];
    if (jobTitle === 'Zorgcoach' || jobTitle === 'Praktijkopleider' || (dept.kind !== 'staff' && peopleRng.chance(0.008))) roles.push('coach');
    if (dept.key === 'comms' && ['Communicatieadviseur', 'Contentredacteur', 'Manager Communicatie'].includes(jobTitle)) roles.push('editor');
    if (dept.key === 'ict' && jobTitle === 'Applicatiebeheerder' && admins < 2) {
      roles.push('admin');
      admins++;
    }
    const active = dept === ward3b || !peopleRng.chance(0.015);
    const r = peopleRng.next();
    let weight = active ? 0.15 + 3 * r ** 4 : 0;
    if (roles.includes('coach')) weight *= 3;
    if (roles.includes('editor')) weight *= 3;
    if (leader) weight *= 2;
    const ms = nextSetupMs();
    const person: Staff = {
      id: newId(ms),
      name,
      handle: uniqueHandle(name),
      employeeNumber: String(10000 + i),
      jobTitle,
      dept,
      roles,
      active,
      leader,
      weight,
      avatarImageId: null,
      createdMs: ms,
    };
    handles.set(person.handle, person);
    dept.staff.push(person);
    people.push(person);
  }
  const active = people.filter((p) => p.active);
  const activeUniform = new WeightedPool(active, () => 1);
  const activeWeighted = new WeightedPool(active, (p) => p.weight);

  // ---------------------------------------------------------------- pictures: logo and avatars
  let logoImageId: string | null = null;
  if (input.images) {
    const factory = input.images;
    logoImageId = newImageId(orgMs);
    addImage(logoImageId, await factory.logo(orgName.intranetName, palette.primary, palette.accent), daan.id, null, orgMs);
    const avatarPeople = [
      ...people.filter((p) => DEMO_PLACEMENT[p.employeeNumber]?.avatar),
      ...imgRng.sample(active.filter((p) => !DEMO_PLACEMENT[p.employeeNumber]), AVATARS_GENERATED),
    ];
    const colours = ['#0B5E73', '#6A1B4D', '#1F5F3F', '#8A2C0F', '#4A3C8C', '#1D4E89', '#9C1C3B', '#37474F'];
    for (const p of avatarPeople) {
      p.avatarImageId = newImageId(p.createdMs);
      addImage(p.avatarImageId, await factory.avatar(p.name, imgRng.pick(colours)), p.id, null, p.createdMs);
    }
  }

  // ---------------------------------------------------------------- groups
  const groups: GroupDef[] = [];
  const pickMembers = (candidates: readonly Staff[], k: number, forced: Staff[] = []) => {
    const set = new Set<Staff>(forced);
    for (const p of groupRng.sample(candidates.filter((c) => c.active), k)) set.add(p);
    return [...set];
  };
  const addGroup = (g: Omit<GroupDef, 'id' | 'createdMs' | 'pool'>) => {
    if (g.members.length < 3) return;
    const members = [...new Set([...g.admins, ...g.members])];
    const ms = nextSetupMs();
    groups.push({ ...g, members, id: newId(ms), createdMs: ms, pool: null });
  };
  const size = (fraction: number, min: number, max: number) => clamp(Math.round(employees * fraction), min, max);
  const care = active.filter((p) => p.dept.kind === 'ward' || p.dept.kind === 'homecare');
  const leaders = active.filter((p) => p.leader);
  const dept3bMembers = ward3b.staff.filter((p) => p.active && p !== anna);
  const leader3b = ward3b.staff.find((p) => p.leader) ?? anna;

  addGroup({
    name: 'Team 3B',
    description: 'Besloten groep van afdeling 3B Interne geneeskunde: overdracht, rooster en teamzaken.',
    kind: 'work',
    visibility: 'private',
    topic: 'team',
    tag: '#team3b',
    admins: [leader3b],
    members: [anna, carla, ...dept3bMembers.slice(0, 16)],
    activity: 0,
  });
  const team3b = groups[0]!;

  const wards = departments.filter((d) => (d.kind === 'ward' || d.kind === 'homecare') && d !== ward3b && d.staff.filter((p) => p.active).length >= 4);
  const teamCount = clamp(Math.round(wards.length / 5), 1, 12);
  const teamWards = [deptByKey('ward2a'), ...groupRng.sample(wards.filter((d) => d.key !== 'ward2a'), teamCount - 1)].filter((d) => wards.includes(d));
  const teamNames = new Set<string>();
  for (const d of teamWards) {
    const staff = d.staff.filter((p) => p.active);
    let teamName = `Team ${d.teamName}`;
    if (teamNames.has(teamName)) teamName = `${teamName} ${d.loc.house}`;
    teamNames.add(teamName);
    addGroup({
      name: teamName,
      description: `Groep van ${d.name.replace(/^Afdeling/, 'afdeling')}: roosters, overdracht en teamnieuws.`,
      kind: 'work',
      visibility: groupRng.chance(0.6) ? 'private' : 'closed',
      topic: 'team',
      tag: `#${asciiTag(teamName)}`,
      admins: [staff.find((p) => p.leader) ?? staff[0]!],
      members: staff,
      activity: 1.4,
    });
  }
  addGroup({
    name: 'Werkgroep Valpreventie',
    description: 'Samen vallen voorkomen: ervaringen, hulpmiddelen en de nieuwste afspraken.',
    kind: 'work',
    visibility: 'open',
    topic: 'valpreventie',
    tag: '#valpreventie',
    admins: [eva],
    members: pickMembers(care, size(0.02, 6, 200), [anna]),
    activity: 1,
  });
  const facilityStaff = active.filter((p) => p.dept.kind === 'facility');
  addGroup({
    name: 'BHV-ploeg',
    description: 'Voor alle bedrijfshulpverleners: oefeningen, roosters en evaluaties.',
    kind: 'work',
    visibility: 'closed',
    topic: 'bhv',
    tag: '#bhv',
    admins: [facilityStaff.find((p) => p.leader) ?? facilityStaff[0] ?? daan],
    members: pickMembers([...facilityStaff, ...care], size(0.03, 6, 400)),
    activity: 0.8,
  });
  addGroup({
    name: 'Ambassadeurs intranet',
    description: `De aanjagers van ${orgName.intranetName}: ideeën, tips en materiaal om collega's op weg te helpen.`,
    kind: 'work',
    visibility: 'closed',
    topic: 'ambassadeurs',
    tag: '#ambassadeurs',
    admins: [carla],
    members: [eva, ...active.filter((p) => p.roles.includes('coach') || p.roles.includes('editor'))],
    activity: 1.2,
  });
  if (employees >= 200) {
    addGroup({
      name: 'Ondernemingsraad',
      description: 'Nieuws en spreekuren van de OR. Vragen zijn altijd welkom.',
      kind: 'work',
      visibility: 'closed',
      topic: 'or',
      tag: '#or',
      admins: [],
      members: pickMembers(active, groupRng.int(9, 15)),
      activity: 0.6,
    });
    addGroup({
      name: 'Werkgroep Medicatieveiligheid',
      description: 'Werkinstructies, meldingen en verbeteringen rond medicatie.',
      kind: 'work',
      visibility: 'open',
      topic: 'medicatie',
      tag: '#medicatieveiligheid',
      admins: [eva],
      members: pickMembers(care.filter((p) => /verpleeg/i.test(p.jobTitle)), size(0.01, 6, 120)),
      activity: 0.7,
    });
  }
  const learners = active.filter((p) => p.jobTitle.startsWith('Leerling') || p.jobTitle === 'Praktijkopleider');
  addGroup({
    name: 'Leerlingen en stagiairs',
    description: 'Voor iedereen die bij ons leert: terugkomdagen, opdrachten en elkaar helpen.',
    kind: 'work',
    visibility: 'open',
    topic: 'leerlingen',
    tag: '#leerlingen',
    admins: [active.find((p) => p.jobTitle === 'Praktijkopleider') ?? eva],
    members: learners.slice(0, 600),
    activity: 0.8,
  });
  if (leaders.length >= 4) {
    addGroup({
      name: 'Teamleiders',
      description: 'Besloten overleg voor teamleiders en managers.',
      kind: 'work',
      visibility: 'private',
      topic: 'teamleiders',
      tag: '#teamleiders',
      admins: [leaders.find((p) => p.dept.key === 'hr') ?? leaders[0]!],
      members: leaders,
      activity: 0.8,
    });
  }
  if (employees >= 500) {
    addGroup({
      name: 'Werkgroep Duurzaamheid',
      description: 'Minder afval, minder energie, meer groen: doe je mee?',
      kind: 'work',
      visibility: 'open',
      topic: 'duurzaamheid',
      tag: '#duurzaamheid',
      admins: [],
      members: pickMembers(active, size(0.008, 6, 150)),
      activity: 0.6,
    });
  }
  const informal = (name: string, description: string, topic: GroupTopic, tag: string, k: number, forced: Staff[], visibility: 'open' | 'closed' = 'open', from: readonly Staff[] = active) => {
    const members = pickMembers(from, k, forced);
    addGroup({ name, description, kind: 'informal', visibility, topic, tag, admins: [members[forced.length] ?? members[0]!], members, activity: 0.8 });
  };
  informal('Fietsclub', 'Samen de polder in op de racefiets of de e-bike. Iedereen is welkom, elk tempo.', 'fietsclub', '#fietsclub', size(0.025, 6, 600), [bram]);
  informal('Breiclub', 'Breien, haken en kletsen. We maken ook sjaals en dekentjes voor bewoners.', 'breiclub', '#breiclub', size(0.015, 5, 400), [anna]);
  informal('Hardloopgroep', 'Twee keer per week samen hardlopen na de dienst. Beginners welkom!', 'hardlopen', '#hardlopen', size(0.02, 5, 500), [bram]);
  informal('Kookclub', 'Recepten delen en samen koken, van stamppot tot roti.', 'kookclub', '#kookclub', size(0.015, 5, 400), [daan]);
  if (employees >= 200) informal('Fotoclub', 'Mooie plaatjes van onze locaties, de natuur en alles daartussen.', 'fotoclub', '#fotoclub', size(0.01, 5, 300), [], 'closed');
  if (employees >= 300) {
    const mainStaff = active.filter((p) => p.dept.loc === main);
    informal(`Moestuin ${main.house}`, `Wij houden de moestuin van ${main.house} bij, samen met bewoners.`, 'moestuin', '#moestuin', size(0.008, 5, 80), [], 'open', mainStaff);
    informal('Boekenclub', 'Eens per maand een boek en een goed gesprek.', 'boekenclub', '#boekenclub', size(0.006, 5, 200), [], 'closed');
  }
  if (employees >= 500) informal('Zaalvoetbal', 'Woensdagavond zaalvoetbal. Gemengde teams.', 'zaalvoetbal', '#zaalvoetbal', size(0.005, 8, 150), []);
  for (const g of groups) {
    if (g.admins.length === 0) g.admins = [g.members[0]!];
    g.pool = new WeightedPool(
      g.members.filter((p) => p.active),
      (p) => p.weight + 0.2,
    );
  }

  // ---------------------------------------------------------------- post plan
  const totalPosts = postCountFor(employees);
  const specs: PostSpec[] = [];
  let specOrder = 0;
  PINNED_TEMPLATES.forEach((_, i) =>
    specs.push({ ms: clock.sample(postRng, HISTORY_DAYS - 21), order: specOrder++, kind: 'pinned', group: null, pinnedIndex: i }),
  );
  const rest = totalPosts - specs.length - 8;
  const groupPosts = Math.round(rest * 0.18);
  // Moments for all other posts, spread by weekday and hour, handed out in random order.
  const moments = postRng.shuffle(clock.spread(postRng, totalPosts - specs.length));
  for (let i = 0; i < 8; i++) specs.push({ ms: moments.pop()!, order: specOrder++, kind: 'team3b', group: team3b, pinnedIndex: -1 });
  const otherGroups = groups.filter((g) => g !== team3b);
  for (let i = 0; i < groupPosts; i++) {
    const group = postRng.weighted(otherGroups, (g) => Math.sqrt(g.members.length) * g.activity);
    specs.push({ ms: moments.pop()!, order: specOrder++, kind: 'group', group, pinnedIndex: -1 });
  }
  while (moments.length > 0) specs.push({ ms: moments.pop()!, order: specOrder++, kind: 'org', group: null, pinnedIndex: -1 });
  specs.sort((a, b) => a.ms - b.ms || a.order - b.order);

  // ---------------------------------------------------------------- author pools
  const poolCache = new Map<AuthorPool, WeightedPool<Staff>>();
  const poolMembers: Record<AuthorPool, (p: Staff) => boolean> = {
    any: () => true,
    ward: (p) => p.dept.kind === 'ward',
    homecare: (p) => p.dept.kind === 'homecare',
    care: (p) => p.dept.kind === 'ward' || p.dept.kind === 'homecare',
    facility: (p) => p.dept.kind === 'facility',
    hr: (p) => p.dept.key === 'hr',
    comms: (p) => p.dept.key === 'comms',
    ict: (p) => p.dept.key === 'ict',
    quality: (p) => p.dept.key === 'quality' || p.roles.includes('coach'),
    planning: (p) => p.dept.key === 'planning' || (p.leader && (p.dept.kind === 'ward' || p.dept.kind === 'homecare')),
    health: (p) => p.dept.key === 'quality' || p.dept.key === 'hr' || p.dept.key === 'comms',
    leaders: (p) => p.leader,
  };
  const authorPool = (name: AuthorPool): WeightedPool<Staff> => {
    let pool = poolCache.get(name);
    if (!pool) {
      const members = active.filter(poolMembers[name]);
      pool = members.length > 0 ? new WeightedPool(members, (p) => p.weight) : name === 'leaders' ? authorPool('care') : activeWeighted;
      poolCache.set(name, pool);
    }
    return pool;
  };
  const deptPools = new Map<Dept, Staff[]>();
  const colleaguesOf = (p: Staff) => {
    let list = deptPools.get(p.dept);
    if (!list) deptPools.set(p.dept, (list = p.dept.staff.filter((s) => s.active)));
    return list;
  };
  /** Someone the author knows: a group member, a department colleague or anyone. */
  const colleague = (rng: Rng, author: Staff, group: GroupDef | null, exclude?: Staff): Staff => {
    for (let attempt = 0; attempt < 20; attempt++) {
      let p: Staff;
      if (group) p = rng.pick(group.pool!.items);
      else if (rng.chance(0.65)) p = rng.pick(colleaguesOf(author));
      else p = activeUniform.pick(rng);
      if (p !== author && p !== exclude) return p;
    }
    return activeUniform.pick(rng);
  };

  const closeColleague = (rng: Rng, author: Staff, group: GroupDef | null): Staff => {
    const list = group ? group.pool!.items : colleaguesOf(author);
    if (list.length > 1) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const p = rng.pick(list);
        if (p !== author) return p;
      }
    }
    return colleague(rng, author, group);
  };

  // ---------------------------------------------------------------- content
  const templatePool = new WeightedPool(ORG_TEMPLATES, (t) => t.weight ?? 1);
  const tijden = ['9.30', '10.00', '10.30', '13.30', '14.00', '14.30', '15.00', '16.00', '19.30', '20.00'];
  const fill = (text: string, rng: Rng, ms: number, author: Staff, group: GroupDef | null, postAuthor?: Staff) => {
    let subject: Staff | null = null;
    // The colleague a post is about (a welcome, a birthday) works in the author's team or group.
    const subjectOf = () => (subject ??= closeColleague(rng, author, group));
    const dept = author.dept;
    const loc = dept.loc;
    return text.replace(/\{([@\w]+)\}/g, (whole, slot: string) => {
      switch (slot) {
        case '@collega':
          return `@${colleague(rng, author, group, postAuthor ?? subject ?? undefined).handle}`;
        case '@nieuw':
          return `@${subjectOf().handle}`;
        case '@auteur':
          return `@${(postAuthor ?? author).handle}`;
        case 'nieuwnaam':
          return subjectOf().name;
        case 'nieuwfunctie':
          return subjectOf().jobTitle.toLowerCase();
        case 'afdeling':
          return dept.name.replace(/^(Afdeling|Thuiszorg)/, (w) => w.toLowerCase());
        case 'locatie':
          return `locatie ${loc.house}`;
        case 'stad':
          return loc.city;
        case 'dag':
          return weekdayName(ms, rng.int(1, 6));
        case 'datum':
          return dateName(ms, rng.int(4, 30));
        case 'tijd':
          return rng.pick(tijden);
        case 'jaar':
          return rng.pick(['10', '12,5', '25', '40']);
        case 'dienstjaren':
          return String(rng.int(15, 42));
        case 'kamer':
          return String(rng.int(1, 40));
        case 'aantal':
          return String(rng.int(5, 30));
        case 'procent':
          return String(rng.int(72, 91));
        case 'org':
          return orgName.name;
        case 'intranet':
          return orgName.intranetName;
        case 'teamtag':
          return group?.tag ?? '';
        case 'groep':
          return group?.name ?? '';
        default:
          return whole;
      }
    });
  };
  const mentionsOf = (body: string) =>
    JSON.stringify(
      parseMentionHandles(body).flatMap((handle) => {
        const p = handles.get(handle);
        return p ? [{ personId: p.id, handle }] : [];
      }),
    );

  const posts: PostsTable[] = [];
  const postHashtags: PostHashtagsTable[] = [];
  const comments: CommentsTable[] = [];
  const likes: LikesTable[] = [];
  const timeline: TimelineEvent[] = [];
  let postImages = 0;
  const imageChance = 0.22;
  const commentWeights = [30, 25, 18, 12, 8, 4, 3];
  /** A moment after `fromMs` and before the anchor, mostly within hours. */
  const reactionMs = (rng: Rng, fromMs: number, meanMinutes: number) => {
    const delay = (1 + -Math.log(1 - rng.next()) * meanMinutes) * 60_000;
    let ms = fromMs + delay;
    if (ms >= anchorMs) ms = fromMs + (anchorMs - fromMs) * rng.next();
    return Math.max(fromMs, Math.min(Math.floor(ms), anchorMs - 1));
  };

  let team3bSeen = 0;
  const groupQueues = new Map<GroupDef, PostTemplate[]>();
  const recentTemplates: PostTemplate[] = [];
  for (const spec of specs) {
    let template: PostTemplate;
    let author: Staff;
    const group = spec.group;
    if (spec.kind === 'pinned') {
      template = PINNED_TEMPLATES[spec.pinnedIndex]!;
      author = carla;
    } else if (group) {
      // Each group goes through its templates in a shuffled round before repeating one.
      let queue = groupQueues.get(group);
      if (!queue || queue.length === 0) groupQueues.set(group, (queue = textRng.shuffle([...GROUP_TEMPLATES[group.topic]])));
      template = queue.pop()!;
      author = group.pool!.pick(textRng);
    } else {
      template = templatePool.pick(textRng);
      // Avoid repeating a template that appeared in the last few dozen posts.
      for (let retry = 0; retry < 4 && recentTemplates.includes(template); retry++) template = templatePool.pick(textRng);
      recentTemplates.push(template);
      if (recentTemplates.length > 40) recentTemplates.shift();
      author = authorPool(template.pool).pick(textRng);
    }
    if (spec.kind === 'team3b') {
      // The first post of Team 3B is its team leader's; Anna writes two.
      if (team3bSeen === 0) author = leader3b;
      if (team3bSeen === 2 || team3bSeen === 5) author = anna;
      team3bSeen++;
    }
    const ms = spec.ms;
    const id = newId(ms);
    const body = fill(template.text, textRng, ms, author, group);
    const hashtags = parseHashtags(body);
    const scope = group?.visibility === 'private' ? `group:${group.id}` : 'org';
    const created = iso(ms);

    let imageRefs = '[]';
    if (input.images && template.image && postImages < MAX_POST_IMAGES && imgRng.chance(imageChance)) {
      const asset = await input.images.scene(template.image, imgRng.int(0, ImageFactory.VARIANTS - 1));
      const imageId = newImageId(ms);
      addImage(imageId, asset, author.id, id, ms);
      imageRefs = JSON.stringify([{ id: imageId, width: asset.width, height: asset.height }]);
      postImages++;
    }

    // Who can see it, and so react: members of a closed or private group, anyone for the rest.
    const membersOnly = group !== null && group.visibility !== 'open';
    const reactor = (rng: Rng): Staff => {
      if (group && (membersOnly || rng.chance(0.5))) return rng.pick(group.pool!.items);
      if (rng.chance(0.4)) return rng.pick(colleaguesOf(author));
      return activeUniform.pick(rng);
    };
    const audience = membersOnly ? group.pool!.size : active.length;

    // comments
    let commentCount = reactRng.weightedIndex(commentWeights);
    if (spec.kind === 'pinned') commentCount = reactRng.int(4, 6);
    else if (['welkom', 'viering', 'vraag', 'werkvraag', 'aanmelden'].includes(template.reply)) commentCount = Math.min(6, commentCount + 1);
    if (audience < 2) commentCount = 0;
    const commentTimes = Array.from({ length: commentCount }, () => reactionMs(reactRng, ms, 150)).sort((a, b) => a - b);
    for (const cms of commentTimes) {
      const commenter = reactor(reactRng);
      const r = reactRng.next();
      let pool = r < 0.65 ? REPLIES[template.reply] : r < 0.9 ? REPLIES.algemeen : REPLIES.noemen;
      if (commenter === author && pool === REPLIES.noemen) pool = REPLIES.algemeen;
      let text = reactRng.pick(pool);
      if (commenter === author && text.includes('{@auteur}')) text = reactRng.pick(REPLIES.algemeen);
      const commentBody = fill(text, reactRng, cms, commenter, group, author);
      const commentId = newId(cms);
      comments.push({
        tenant_id: '',
        id: commentId,
        post_id: id,
        author_id: commenter.id,
        body: commentBody,
        mentions: mentionsOf(commentBody),
        created_at: iso(cms),
        edited_at: null,
      });
      timeline.push({ ms: cms, entity: 'comment', id: commentId, scope });
    }

    // likes
    const popular = spec.kind === 'pinned' || template.reply === 'viering' || template.reply === 'welkom' || template.reply === 'mooimoment';
    let likeCount = Math.floor(31 * reactRng.next() ** (popular ? 1.3 : 2.2));
    if (spec.kind === 'pinned') likeCount = reactRng.int(15, 30);
    likeCount = Math.min(30, likeCount, audience - 1);
    const likers = new Set<Staff>();
    for (let attempt = 0; likers.size < likeCount && attempt < likeCount * 10; attempt++) {
      const p = reactor(reactRng);
      if (p !== author) likers.add(p);
    }
    for (const p of likers) {
      const lms = reactionMs(reactRng, ms, 240);
      likes.push({ tenant_id: '', post_id: id, person_id: p.id, created_at: iso(lms) });
      timeline.push({ ms: lms, entity: 'like', id: likeKey(id, p.id), scope: `person:${p.id}` });
    }

    posts.push({
      tenant_id: '',
      id,
      author_id: author.id,
      group_id: group?.id ?? null,
      body,
      hashtags: JSON.stringify(hashtags),
      mentions: mentionsOf(body),
      images: imageRefs,
      pinned: spec.kind === 'pinned' ? 1 : 0,
      like_count: likers.size,
      comment_count: commentCount,
      created_at: created,
      edited_at: null,
    });
    for (const tag of hashtags) postHashtags.push({ tenant_id: '', tag, post_id: id, created_at: created });
    timeline.push({ ms, entity: 'post', id, scope });
  }
  comments.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));

  // ---------------------------------------------------------------- rows and change feed
  const changes: ChangesTable[] = [];
  const change = (entity: EntityName, entityId: string, scope: string, ms: number) =>
    changes.push({ tenant_id: tenantId, seq: changes.length + 1, entity, entity_id: entityId, op: 'upsert', scope, at: iso(ms) });

  const organisation: Insertable<OrganisationsTable> = {
    tenant_id: tenantId,
    slug,
    name: orgName.name,
    intranet_name: orgName.intranetName,
    primary_color: palette.primary,
    accent_color: palette.accent,
    logo_image_id: logoImageId,
    created_at: iso(orgMs),
  };
  change('organisation', tenantId, 'org', orgMs);

  const locationRows = locations.map((l, i) => {
    change('location', l.id, 'org', locationMs[i]!);
    return { tenant_id: tenantId, id: l.id, name: l.name, city: l.city };
  });
  const departmentRows = departments.map((d, i) => {
    change('department', d.id, 'org', departmentMs[i]!);
    return { tenant_id: tenantId, id: d.id, name: d.name, kind: d.kind, location_id: d.loc.id };
  });
  const peopleRows: Insertable<PeopleTable>[] = people.map((p) => {
    change('person', p.id, 'org', p.createdMs);
    const secret = input.secrets.get(p.employeeNumber);
    const fixed = DEMO_PLACEMENT[p.employeeNumber] !== undefined;
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
      avatar_image_id: p.avatarImageId,
      active: p.active ? 1 : 0,
      password_hash: fixed ? (secret?.password ?? null) : null,
      pin_hash: fixed ? (secret?.pin ?? null) : null,
      created_at: iso(p.createdMs),
      updated_at: iso(p.createdMs),
    };
  });
  const badges: BadgesTable[] = DEMO_PEOPLE.map((d) => {
    const p = people.find((x) => x.employeeNumber === d.employeeNumber)!;
    return { tenant_id: tenantId, badge_id: d.badge, person_id: p.id, created_at: iso(p.createdMs) };
  });
  const groupRows: GroupsTable[] = groups.map((g) => {
    change('group', g.id, g.visibility === 'private' ? `group:${g.id}` : 'org', g.createdMs);
    return {
      tenant_id: tenantId,
      id: g.id,
      name: g.name,
      description: g.description,
      kind: g.kind,
      visibility: g.visibility,
      member_count: g.members.length,
      created_by: g.admins[0]!.id,
      created_at: iso(g.createdMs),
    };
  });
  const groupMembers: GroupMembersTable[] = [];
  for (const g of groups) {
    const adminSet = new Set(g.admins);
    for (const p of g.members) {
      groupMembers.push({ tenant_id: tenantId, group_id: g.id, person_id: p.id, role: adminSet.has(p) ? 'admin' : 'member', joined_at: iso(g.createdMs) });
      change('membership', membershipKey(g.id, p.id), `person:${p.id}`, g.createdMs);
    }
  }
  // Posts, comments and likes in time order; at equal times a post precedes what reacts to it.
  const kindOrder: Partial<Record<EntityName, number>> = { post: 0, comment: 1, like: 2 };
  timeline.sort((a, b) => a.ms - b.ms || kindOrder[a.entity]! - kindOrder[b.entity]!);
  for (const e of timeline) change(e.entity, e.id, e.scope, e.ms);

  for (const rows of [images, posts, postHashtags, comments, likes] as { tenant_id: string }[][]) {
    for (const row of rows) row.tenant_id = tenantId;
  }

  return {
    tenantId,
    organisation,
    locations: locationRows,
    departments: departmentRows,
    people: peopleRows,
    badges,
    groups: groupRows,
    groupMembers,
    images,
    posts,
    postHashtags,
    comments,
    likes,
    changes,
  };
}
