import type { Selectable } from 'kysely';
import type { Notification } from '../../../common/src/api/entities.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { GroupNoticesTable } from '../db/schema.js';
import type { ChangeCollector, Trx } from '../sync/feed.js';

export type GroupNoticeKind = 'join_request' | 'group_added';

export const groupNotification = (r: Pick<Selectable<GroupNoticesTable>, 'id' | 'kind' | 'actor_id' | 'group_id' | 'created_at'>): Notification => ({
  id: r.id,
  kind: r.kind as GroupNoticeKind,
  actorId: r.actor_id,
  postId: null,
  commentId: null,
  groupId: r.group_id,
  createdAt: r.created_at,
});

/** Tells each of these people, alone, about a group (in the app, and as a tray notification where one exists). */
export async function noticeGroup(
  trx: Trx,
  changes: ChangeCollector,
  n: { tenantId: string; recipients: string[]; kind: GroupNoticeKind; actorId: string; groupId: string; now: Date },
): Promise<void> {
  for (const personId of new Set(n.recipients)) {
    if (personId === n.actorId) continue;
    const id = uuidv7(n.now.getTime());
    await trx
      .insertInto('group_notices')
      .values({ tenant_id: n.tenantId, id, person_id: personId, kind: n.kind, actor_id: n.actorId, group_id: n.groupId, created_at: n.now.toISOString() })
      .execute();
    changes.add('notification', id, 'upsert', `person:${personId}`);
  }
}

export async function groupAdminIds(trx: Trx, tenantId: string, groupId: string): Promise<string[]> {
  const rows = await trx.selectFrom('group_members').select('person_id').where('tenant_id', '=', tenantId).where('group_id', '=', groupId).where('role', '=', 'admin').execute();
  return rows.map((r) => r.person_id);
}
