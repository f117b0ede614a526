import type { Insertable } from 'kysely';
import { membershipKey } from '../../../common/src/api/sync.js';
import type { ChangesTable, GroupJoinRequestsTable, GroupMembersTable, GroupNoticesTable, GroupsTable } from '../db/schema.js';
import { iso, type SeedContext } from './context.js';
import type { Groups } from './groups.js';
import type { Organisation } from './organisation.js';
import type { People, Person } from './people.js';
import type { Places } from './places.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The groups that came with groups in the client: department and location groups kept from the
 * directory, an archived group, a private informal one, and requests to join that wait for a group
 * admin. Generated after everything else (ids, draws and feed rows), so the rest of the dataset stays
 * byte for byte what it was.
 */
export interface GroupExtras {
  groups: Insertable<GroupsTable>[];
  members: Insertable<GroupMembersTable>[];
  joinRequests: GroupJoinRequestsTable[];
  notices: GroupNoticesTable[];
  /** Its change-feed rows, numbered on from `firstSeq`. */
  changes: ChangesTable[];
}

interface Planned {
  row: Insertable<GroupsTable>;
  admins: Person[];
  members: Person[];
}

export function formGroupExtras(ctx: SeedContext, org: Organisation, places: Places, people: People, groups: Groups, firstSeq: number): GroupExtras {
  const rng = ctx.rng.groups.fork('extras');
  const tenantId = org.tenantId;
  const { anna, bram, carla, daan, eva } = people.fixed;
  const planned: Planned[] = [];
  const plan = (g: Omit<Insertable<GroupsTable>, 'tenant_id' | 'id' | 'created_at' | 'member_count' | 'created_by'>, admins: Person[], members: Person[]) => {
    const ms = ctx.nextSetupMs();
    const all = [...new Set([...admins, ...members])];
    // Every row with the same columns: one INSERT takes many rows.
    const row = { cover_image_id: null, archived_at: null, managed_by: null, managed_id: null, ...g };
    planned.push({ row: { ...row, tenant_id: tenantId, id: ctx.newId(ms), created_at: iso(ms), member_count: all.length, created_by: admins[0]?.id ?? null }, admins, members: all });
  };

  // What directoryGroups.ts makes on first need: a closed work group per department and location, no admins.
  const working = people.active;
  for (const d of places.departments) {
    const staff = working.filter((p) => p.dept === d);
    if (staff.length === 0) continue;
    plan({ name: d.name, description: `Iedereen die op ${d.name} werkt.`, kind: 'work', visibility: 'closed', managed_by: 'department', managed_id: d.id }, [], staff);
  }
  for (const l of places.locations) {
    const staff = working.filter((p) => p.dept.loc === l);
    if (staff.length === 0) continue;
    plan({ name: l.name, description: `Iedereen die op locatie ${l.name} werkt.`, kind: 'work', visibility: 'closed', managed_by: 'location', managed_id: l.id }, [], staff);
  }
  const others = (k: number) => rng.sample(working.filter((p) => !Object.values(people.fixed).includes(p)), k);
  plan(
    {
      name: 'Werkgroep Jubileum',
      description: 'Voorbereiding van het jubileumfeest. Het feest is geweest: de groep staat in het archief.',
      kind: 'work',
      visibility: 'open',
      archived_at: iso(ctx.anchorMs - 30 * DAY),
    },
    [eva],
    [anna, daan, ...others(6)],
  );
  plan(
    { name: 'Feestcommissie', description: 'Wie organiseert de zomerbarbecue? Alleen voor de commissie, dus nog even geheim.', kind: 'informal', visibility: 'private' },
    [bram],
    [anna, carla, ...others(4)],
  );

  const memberRows = planned.flatMap(({ row, admins, members }) =>
    members.map((p): Insertable<GroupMembersTable> => ({
      tenant_id: tenantId,
      group_id: row.id,
      person_id: p.id,
      role: admins.includes(p) ? 'admin' : 'member',
      joined_at: row.created_at,
    })),
  );

  // Requests to join closed groups, waiting for their admins (who were told).
  const closed = (name: string) => groups.all.find((g) => g.name === name && g.visibility === 'closed');
  const asks: { group: NonNullable<ReturnType<typeof closed>>; person: Person }[] = [];
  const ambassadors = closed('Ambassadeurs intranet');
  if (ambassadors) for (const person of [bram, ...others(2)]) if (!ambassadors.members.includes(person)) asks.push({ group: ambassadors, person });
  const bhv = closed('BHV-ploeg');
  if (bhv && !bhv.members.includes(anna)) asks.push({ group: bhv, person: anna });
  const joinRequests: GroupJoinRequestsTable[] = [];
  const notices: GroupNoticesTable[] = [];
  const feed: { ms: number; entity: ChangesTable['entity']; id: string; scope: string }[] = [];
  for (const row of planned) {
    const ms = Date.parse(row.row.created_at);
    const membersOnly = row.row.visibility === 'private' || row.row.archived_at != null;
    feed.push({ ms, entity: 'group', id: row.row.id, scope: membersOnly ? `group:${row.row.id}` : 'org' });
    for (const p of row.members) feed.push({ ms, entity: 'membership', id: membershipKey(row.row.id, p.id), scope: `person:${p.id}` });
  }
  asks.forEach(({ group, person }, i) => {
    const ms = ctx.anchorMs - (asks.length - i) * 5 * HOUR;
    const id = ctx.newId(ms);
    joinRequests.push({ tenant_id: tenantId, id, group_id: group.id, person_id: person.id, status: 'pending', created_at: iso(ms), decided_at: null, decided_by: null });
    for (const to of [person, ...group.admins]) feed.push({ ms, entity: 'joinRequest', id, scope: `person:${to.id}` });
    for (const admin of group.admins) {
      if (admin === person) continue;
      const noticeId = ctx.newId(ms);
      notices.push({ tenant_id: tenantId, id: noticeId, person_id: admin.id, kind: 'join_request', actor_id: person.id, group_id: group.id, created_at: iso(ms) });
      feed.push({ ms, entity: 'notification', id: noticeId, scope: `person:${admin.id}` });
    }
  });

  return {
    groups: planned.map((p) => p.row),
    members: memberRows,
    joinRequests,
    notices,
    changes: feed.map((e, i) => ({ tenant_id: tenantId, seq: firstSeq + i, entity: e.entity, entity_id: e.id, op: 'upsert', scope: e.scope, at: iso(e.ms) })),
  };
}
