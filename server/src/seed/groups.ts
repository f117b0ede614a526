import type { Insertable } from 'kysely';
import { searchKey } from '../../../common/src/text/fold.js';
import type { GroupMembersTable, GroupsTable } from '../db/schema.js';
import { clamp, iso, type SeedContext } from './context.js';
import type { Organisation } from './organisation.js';
import type { People, Person } from './people.js';
import type { Places } from './places.js';
import { WeightedPool } from './prng.js';
import type { GroupTopic } from './texts.js';

export interface Group {
  id: string;
  name: string;
  description: string;
  kind: 'work' | 'informal';
  visibility: 'open' | 'closed' | 'private';
  topic: GroupTopic;
  tag: string;
  /** Never empty: a group without a named admin gets its first member. */
  admins: Person[];
  /** The admins first. */
  members: Person[];
  /** How much it posts, relative to the other groups (Team 3B's posts are planned apart). */
  activity: number;
  createdMs: number;
  /** Its active members, weighted by how often they post: authors and reactors in the group. */
  pool: WeightedPool<Person>;
}

export interface Groups {
  all: Group[];
  /** Anna's private team group, with posts of its own in the plan. */
  team3b: Group;
}

type GroupPlan = Omit<Group, 'id' | 'createdMs' | 'pool'>;

const asciiTag = (s: string) => searchKey(s).replace(/[^a-z0-9]/g, '');

/** `scope` of the change-feed rows of a group and its posts: members only for a private group. */
export const groupScope = (group: Group | null) => (group?.visibility === 'private' ? `group:${group.id}` : 'org');

/**
 * Work groups (Team 3B first, then team groups of some wards, working groups) and informal clubs, more
 * of them as the organisation grows. A group with fewer than three members is left out.
 */
export function formGroups(ctx: SeedContext, org: Organisation, places: Places, people: People): Groups {
  const { employees } = ctx;
  const rng = ctx.rng.groups;
  const { active, ward3b, ward3bLeader } = people;
  const { anna, bram, carla, daan, eva } = people.fixed;
  const groups: Group[] = [];
  const pickMembers = (candidates: readonly Person[], k: number, forced: Person[] = []) => {
    const set = new Set<Person>(forced);
    for (const p of rng.sample(candidates.filter((c) => c.active), k)) set.add(p);
    return [...set];
  };
  const add = (plan: GroupPlan) => {
    if (plan.members.length < 3) return;
    const members = [...new Set([...plan.admins, ...plan.members])];
    const admins = plan.admins.length > 0 ? plan.admins : [members[0]!];
    const createdMs = ctx.nextSetupMs();
    const pool = new WeightedPool(
      members.filter((p) => p.active),
      (p) => p.weight + 0.2,
    );
    groups.push({ ...plan, admins, members, id: ctx.newId(createdMs), createdMs, pool });
  };
  const size = (fraction: number, min: number, max: number) => clamp(Math.round(employees * fraction), min, max);
  const care = active.filter((p) => p.dept.kind === 'ward' || p.dept.kind === 'homecare');
  const leaders = active.filter((p) => p.leader);

  add({
    name: 'Team 3B',
    description: 'Besloten groep van afdeling 3B Interne geneeskunde: overdracht, rooster en teamzaken.',
    kind: 'work',
    visibility: 'private',
    topic: 'team',
    tag: '#team3b',
    admins: [ward3bLeader],
    members: [anna, carla, ...ward3b.staff.filter((p) => p.active && p !== anna).slice(0, 16)],
    activity: 0,
  });
  const team3b = groups[0]!;

  const wards = places.departments.filter((d) => (d.kind === 'ward' || d.kind === 'homecare') && d !== ward3b && d.staff.filter((p) => p.active).length >= 4);
  const teamCount = clamp(Math.round(wards.length / 5), 1, 12);
  const ward2a = places.departments.find((d) => d.key === 'ward2a')!;
  const teamWards = [ward2a, ...rng.sample(wards.filter((d) => d.key !== 'ward2a'), teamCount - 1)].filter((d) => wards.includes(d));
  const teamNames = new Set<string>();
  for (const d of teamWards) {
    const staff = d.staff.filter((p) => p.active);
    let teamName = `Team ${d.teamName}`;
    if (teamNames.has(teamName)) teamName = `${teamName} ${d.loc.house}`;
    teamNames.add(teamName);
    add({
      name: teamName,
      description: `Groep van ${d.name.replace(/^Afdeling/, 'afdeling')}: roosters, overdracht en teamnieuws.`,
      kind: 'work',
      visibility: rng.chance(0.6) ? 'private' : 'closed',
      topic: 'team',
      tag: `#${asciiTag(teamName)}`,
      admins: [staff.find((p) => p.leader) ?? staff[0]!],
      members: staff,
      activity: 1.4,
    });
  }
  add({
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
  add({
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
  add({
    name: 'Ambassadeurs intranet',
    description: `De aanjagers van ${org.name.intranetName}: ideeën, tips en materiaal om collega's op weg te helpen.`,
    kind: 'work',
    visibility: 'closed',
    topic: 'ambassadeurs',
    tag: '#ambassadeurs',
    admins: [carla],
    members: [eva, ...active.filter((p) => p.roles.includes('coach') || p.roles.includes('editor'))],
    activity: 1.2,
  });
  if (employees >= 200) {
    add({
      name: 'Ondernemingsraad',
      description: 'Nieuws en spreekuren van de OR. Vragen zijn altijd welkom.',
      kind: 'work',
      visibility: 'closed',
      topic: 'or',
      tag: '#or',
      admins: [],
      members: pickMembers(active, rng.int(9, 15)),
      activity: 0.6,
    });
    add({
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
  add({
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
    add({
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
    add({
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
  const informal = (name: string, description: string, topic: GroupTopic, tag: string, k: number, forced: Person[], visibility: 'open' | 'closed' = 'open', from: readonly Person[] = active) => {
    const members = pickMembers(from, k, forced);
    add({ name, description, kind: 'informal', visibility, topic, tag, admins: [members[forced.length] ?? members[0]!], members, activity: 0.8 });
  };
  informal('Fietsclub', 'Samen de polder in op de racefiets of de e-bike. Iedereen is welkom, elk tempo.', 'fietsclub', '#fietsclub', size(0.025, 6, 600), [bram]);
  informal('Breiclub', 'Breien, haken en kletsen. We maken ook sjaals en dekentjes voor bewoners.', 'breiclub', '#breiclub', size(0.015, 5, 400), [anna]);
  informal('Hardloopgroep', 'Twee keer per week samen hardlopen na de dienst. Beginners welkom!', 'hardlopen', '#hardlopen', size(0.02, 5, 500), [bram]);
  informal('Kookclub', 'Recepten delen en samen koken, van stamppot tot roti.', 'kookclub', '#kookclub', size(0.015, 5, 400), [daan]);
  if (employees >= 200) informal('Fotoclub', 'Mooie plaatjes van onze locaties, de natuur en alles daartussen.', 'fotoclub', '#fotoclub', size(0.01, 5, 300), [], 'closed');
  if (employees >= 300) {
    const { main } = places;
    const mainStaff = active.filter((p) => p.dept.loc === main);
    informal(`Moestuin ${main.house}`, `Wij houden de moestuin van ${main.house} bij, samen met bewoners.`, 'moestuin', '#moestuin', size(0.008, 5, 80), [], 'open', mainStaff);
    informal('Boekenclub', 'Eens per maand een boek en een goed gesprek.', 'boekenclub', '#boekenclub', size(0.006, 5, 200), [], 'closed');
  }
  if (employees >= 500) informal('Zaalvoetbal', 'Woensdagavond zaalvoetbal. Gemengde teams.', 'zaalvoetbal', '#zaalvoetbal', size(0.005, 8, 150), []);
  return { all: groups, team3b };
}

export const groupRows = (tenantId: string, groups: readonly Group[]): Insertable<GroupsTable>[] =>
  groups.map((g) => ({
    tenant_id: tenantId,
    id: g.id,
    name: g.name,
    description: g.description,
    kind: g.kind,
    visibility: g.visibility,
    member_count: g.members.length,
    created_by: g.admins[0]!.id,
    created_at: iso(g.createdMs),
  }));

export const membershipRows = (tenantId: string, groups: readonly Group[]): Insertable<GroupMembersTable>[] =>
  groups.flatMap((g) => {
    const admins = new Set(g.admins);
    return g.members.map((p) => ({ tenant_id: tenantId, group_id: g.id, person_id: p.id, role: admins.has(p) ? 'admin' : 'member', joined_at: iso(g.createdMs) }));
  });
