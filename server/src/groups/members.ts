import { sql } from 'kysely';
import { membershipKey } from '../../../common/src/api/sync.js';
import type { Membership } from '../../../common/src/api/entities.js';
import type { ChangeCollector, Trx } from '../sync/feed.js';
import { recordGroupHistory } from '../sync/groupHistory.js';
import { contentScope, findMembership, membersOnly, type GroupRow } from './access.js';

/**
 * Puts a person in a group with a role, or changes her role. A new member of a members-only group
 * receives its history; a work group's posts reach her home timeline by default, an informal group's
 * only when she asks. Returns whether she is new.
 */
export async function putMember(trx: Trx, changes: ChangeCollector, group: GroupRow, personId: string, role: Membership['role'], now: Date): Promise<boolean> {
  const existing = await findMembership(trx, group.tenant_id, group.id, personId);
  if (existing?.role === role) return false;
  if (existing) {
    await trx.updateTable('group_members').set({ role }).where('tenant_id', '=', group.tenant_id).where('group_id', '=', group.id).where('person_id', '=', personId).execute();
  } else {
    await trx
      .insertInto('group_members')
      .values({ tenant_id: group.tenant_id, group_id: group.id, person_id: personId, role, joined_at: now.toISOString(), show_in_timeline: group.kind === 'work' ? 1 : 0 })
      .execute();
    await adjustMemberCount(trx, group, +1);
    changes.add('group', group.id, 'upsert', contentScope(group));
  }
  changes.add('membership', membershipKey(group.id, personId), 'upsert', `person:${personId}`);
  if (!existing && membersOnly(group)) await recordGroupHistory(trx, changes, { tenantId: group.tenant_id, groupId: group.id, personId });
  return !existing;
}

/**
 * Takes a person out of a group. She hears of it through her own scope; when the group is
 * members-only, the sync turns that into a tombstone of the whole group, so her cache drops its content.
 */
export async function dropMember(trx: Trx, changes: ChangeCollector, group: GroupRow, personId: string): Promise<boolean> {
  const removed = await trx
    .deleteFrom('group_members')
    .where('tenant_id', '=', group.tenant_id)
    .where('group_id', '=', group.id)
    .where('person_id', '=', personId)
    .returning('person_id')
    .executeTakeFirst();
  if (!removed) return false;
  await adjustMemberCount(trx, group, -1);
  changes.add('membership', membershipKey(group.id, personId), 'delete', `person:${personId}`);
  changes.add('group', group.id, 'upsert', contentScope(group));
  return true;
}

async function adjustMemberCount(trx: Trx, group: GroupRow, delta: number) {
  await trx
    .updateTable('groups')
    .set({ member_count: sql`member_count + ${delta}` })
    .where('tenant_id', '=', group.tenant_id)
    .where('id', '=', group.id)
    .execute();
}
