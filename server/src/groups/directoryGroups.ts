import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { ChangeCollector, Trx } from '../sync/feed.js';
import { contentScope, type GroupRow } from './access.js';
import { dropMember, putMember } from './members.js';

export type DirectoryKind = 'department' | 'location';

/** Where a person works, as the people directory says. */
export interface Placement {
  departmentId: string | null;
  locationId: string | null;
}

/**
 * The group the system keeps for a department or location, made on first need: a closed work
 * group (everyone reads it; the directory decides who is in it).
 */
export async function directoryGroup(trx: Trx, changes: ChangeCollector, tenantId: string, kind: DirectoryKind, placeId: string, now: Date): Promise<GroupRow | null> {
  const existing = await trx.selectFrom('groups').selectAll().where('tenant_id', '=', tenantId).where('managed_by', '=', kind).where('managed_id', '=', placeId).executeTakeFirst();
  if (existing) return existing;
  const place =
    kind === 'department'
      ? await trx.selectFrom('departments').select('name').where('tenant_id', '=', tenantId).where('id', '=', placeId).executeTakeFirst()
      : await trx.selectFrom('locations').select('name').where('tenant_id', '=', tenantId).where('id', '=', placeId).executeTakeFirst();
  if (!place) return null;
  const group: GroupRow = {
    tenant_id: tenantId,
    id: uuidv7(now.getTime()),
    name: place.name,
    description: kind === 'department' ? `Iedereen die op ${place.name} werkt.` : `Iedereen die op locatie ${place.name} werkt.`,
    kind: 'work',
    visibility: 'closed',
    member_count: 0,
    created_by: null,
    created_at: now.toISOString(),
    cover_image_id: null,
    archived_at: null,
    managed_by: kind,
    managed_id: placeId,
    post_approval: 0,
  };
  await trx.insertInto('groups').values(group).execute();
  changes.add('group', group.id, 'upsert', contentScope(group));
  return group;
}

/**
 * A person who moves follows the directory: out of the groups of the department and location she
 * left, into those of where she works now. Her role in a group she stays in is kept.
 */
export async function followPlacement(trx: Trx, changes: ChangeCollector, tenantId: string, personId: string, before: Placement, after: Placement, now: Date): Promise<void> {
  const moves: [DirectoryKind, string | null, string | null][] = [
    ['department', before.departmentId, after.departmentId],
    ['location', before.locationId, after.locationId],
  ];
  for (const [kind, from, to] of moves) {
    if (from === to) continue;
    if (from) {
      const old = await trx.selectFrom('groups').selectAll().where('tenant_id', '=', tenantId).where('managed_by', '=', kind).where('managed_id', '=', from).executeTakeFirst();
      if (old) await dropMember(trx, changes, old, personId);
    }
    if (to) {
      const group = await directoryGroup(trx, changes, tenantId, kind, to, now);
      if (group) await putMember(trx, changes, group, personId, 'member', now);
    }
  }
}

/** Whether the directory keeps this person in this group: she works in its department or at its location. */
export async function keptByDirectory(trx: Kysely<Database>, group: GroupRow, personId: string): Promise<boolean> {
  if (!group.managed_by || !group.managed_id) return false;
  const person = await trx.selectFrom('people').select(['department_id', 'location_id', 'active']).where('tenant_id', '=', group.tenant_id).where('id', '=', personId).executeTakeFirst();
  if (!person || person.active !== 1) return false;
  return group.managed_by === 'department' ? person.department_id === group.managed_id : person.location_id === group.managed_id;
}
