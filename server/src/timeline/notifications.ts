import { membersOnly } from '../groups/access.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { parseMentionHandles } from '../../../common/src/text/mentions.js';
import type { ChangeCollector, Trx } from '../sync/feed.js';
import type { StoredMention } from './serialize.js';

/** Resolves `@handle`s in a text to active people of the tenant; unknown handles stay plain text. */
export async function resolveMentions(trx: Trx, tenantId: string, body: string): Promise<StoredMention[]> {
  const handles = parseMentionHandles(body).slice(0, 50);
  if (handles.length === 0) return [];
  const rows = await trx
    .selectFrom('people')
    .select(['id', 'handle'])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', 1)
    .where('handle', 'in', handles)
    .execute();
  return rows.map((r) => ({ personId: r.id, handle: r.handle }));
}

/** Queues a user-directed event (mention, reply) in the feed, visible to that person alone. */
export async function notifyPerson(
  trx: Trx,
  changes: ChangeCollector,
  n: { tenantId: string; personId: string; kind: 'mention' | 'reply' | 'post_review'; actorId: string; postId: string; commentId: string | null; now: Date },
): Promise<void> {
  if (n.personId === n.actorId) return;
  const id = uuidv7(n.now.getTime());
  await trx
    .insertInto('notifications')
    .values({
      tenant_id: n.tenantId,
      id,
      person_id: n.personId,
      kind: n.kind,
      actor_id: n.actorId,
      post_id: n.postId,
      comment_id: n.commentId,
      created_at: n.now.toISOString(),
    })
    .execute();
  changes.add('notification', id, 'upsert', `person:${n.personId}`);
}

/** Who may see content of a group: everyone (null) or only these members. */
export async function privateAudience(trx: Trx, tenantId: string, groupId: string | null): Promise<Set<string> | null> {
  if (!groupId) return null;
  // One round trip: the group's visibility on every row, with a member per row (none for an empty group).
  const rows = await trx
    .selectFrom('groups')
    .leftJoin('group_members', (j) => j.onRef('group_members.tenant_id', '=', 'groups.tenant_id').onRef('group_members.group_id', '=', 'groups.id'))
    .select(['groups.visibility', 'groups.archived_at', 'group_members.person_id'])
    .where('groups.tenant_id', '=', tenantId)
    .where('groups.id', '=', groupId)
    .execute();
  if (!rows[0] || !membersOnly(rows[0])) return null;
  return new Set(rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])));
}
