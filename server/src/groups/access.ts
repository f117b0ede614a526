import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Group, Membership } from '../../../common/src/api/entities.js';
import type { Principal } from '../auth/principal.js';
import type { Scope } from '../sync/feed.js';
import type { Database, GroupMembersTable, GroupsTable } from '../db/schema.js';
import { ApiError, notFound } from '../http/apiError.js';

export type GroupRow = Selectable<GroupsTable>;

export const groupFromRow = (r: GroupRow): Group => ({
  id: r.id,
  name: r.name,
  description: r.description,
  kind: r.kind as Group['kind'],
  visibility: r.visibility as Group['visibility'],
  memberCount: r.member_count,
  createdAt: r.created_at,
  coverImageId: r.cover_image_id ?? null,
  archived: r.archived_at != null,
  managedBy: (r.managed_by ?? null) as Group['managedBy'],
  ...(r.post_approval === 1 ? { postApproval: true as const } : {}),
});

export const membershipFromRow = (r: Selectable<GroupMembersTable>): Membership => ({
  groupId: r.group_id,
  personId: r.person_id,
  role: r.role as Membership['role'],
  showInTimeline: r.show_in_timeline === 1,
  muted: r.muted === 1,
  lastVisitAt: r.last_visit_at ?? null,
});

/**
 * Whether only members know the group and its content: a private group, and an archived one (it is
 * read-only and hidden from everyone else, so its content leaves their caches).
 */
export const membersOnly = (group: Pick<GroupRow, 'visibility' | 'archived_at'>): boolean => group.visibility === 'private' || group.archived_at != null;

/** Where a change to content of this group is announced: everyone, or only the members of a members-only group. */
export const contentScope = (group: Pick<GroupRow, 'id' | 'visibility' | 'archived_at'> | null | undefined): Scope =>
  group && membersOnly(group) ? `group:${group.id}` : 'org';

export async function findMembership(k: Kysely<Database>, tenantId: string, groupId: string, personId: string) {
  return k
    .selectFrom('group_members')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** The group if the caller may see it; private groups of which the caller is no member do not exist for them. */
export async function visibleGroup(k: Kysely<Database>, p: Principal, groupId: string) {
  const group = await k
    .selectFrom('groups')
    .selectAll()
    .where('tenant_id', '=', p.tenantId)
    .where('id', '=', groupId)
    .executeTakeFirst();
  if (!group) throw notFound('Deze groep bestaat niet (meer).');
  const membership = await findMembership(k, p.tenantId, groupId, p.personId);
  if (membersOnly(group) && !membership) throw notFound('Deze groep bestaat niet (meer).');
  return { group, membership };
}

/**
 * The group for managing its members: group members see it as usual, and organisation admins may
 * manage any group, private ones included.
 */
export async function manageableGroup(k: Kysely<Database>, p: Principal, groupId: string) {
  if (!p.roles.includes('admin')) return visibleGroup(k, p, groupId);
  const group = await k.selectFrom('groups').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', groupId).executeTakeFirst();
  if (!group) throw notFound('Deze groep bestaat niet (meer).');
  return { group, membership: await findMembership(k, p.tenantId, groupId, p.personId) };
}

/**
 * SQL condition "the caller may see content with this group_id": organisation-wide content, groups
 * that everyone may read, and members-only groups the caller is a member of.
 */
export function canSeeGroupContent(p: Principal, groupIdColumn: string): Expression<SqlBool> {
  const col = sql.ref(groupIdColumn);
  return sql<SqlBool>`(${col} is null or exists (select 1 from groups g where g.tenant_id = ${p.tenantId} and g.id = ${col} and ((g.visibility <> 'private' and g.archived_at is null) or exists (select 1 from group_members m where m.tenant_id = ${p.tenantId} and m.group_id = g.id and m.person_id = ${p.personId}))))`;
}

/** Refuses a change to the content or members of an archived group: it is read-only. */
export function assertNotArchived(group: Pick<GroupRow, 'archived_at'>): void {
  if (group.archived_at != null) throw new ApiError('group_archived', 'Deze groep is gearchiveerd: je kunt er niets meer aan toevoegen.');
}
