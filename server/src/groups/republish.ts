import type { ChangeCollector, Scope, Trx } from '../sync/feed.js';
import { contentScope, type GroupRow } from './access.js';

const CHUNK = 400;

/**
 * A group that becomes members-only (made private, or archived) or opens up again: its earlier
 * content must leave non-members' caches, or come back to them. The group is announced to everyone
 * (for a non-member the sync turns it into a tombstone, which takes its posts and comments along) and
 * to its members; its posts and comments are announced again in their new scope, so members of a
 * members-only group receive them into memory and everyone receives an opened group's content.
 */
export async function republishGroup(trx: Trx, changes: ChangeCollector, after: GroupRow): Promise<void> {
  const scope: Scope = contentScope(after);
  changes.add('group', after.id, 'upsert', 'org');
  changes.add('group', after.id, 'upsert', `group:${after.id}`);
  const posts = await trx
    .selectFrom('posts')
    .select(['id', 'poll'])
    .where('tenant_id', '=', after.tenant_id)
    .where('group_id', '=', after.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (let i = 0; i < posts.length; i += CHUNK) {
    const ids = posts.slice(i, i + CHUNK).map((p) => p.id);
    const comments = await trx.selectFrom('comments').select(['id', 'post_id']).where('tenant_id', '=', after.tenant_id).where('post_id', 'in', ids).orderBy('created_at').orderBy('id').execute();
    const commentsOf = new Map<string, string[]>();
    for (const c of comments) commentsOf.set(c.post_id, [...(commentsOf.get(c.post_id) ?? []), c.id]);
    const polls = new Set(posts.slice(i, i + CHUNK).filter((p) => Number(p.poll ?? 0) === 1).map((p) => p.id));
    for (const postId of ids) {
      changes.add('post', postId, 'upsert', scope);
      if (polls.has(postId)) changes.add('poll', postId, 'upsert', scope);
      for (const commentId of commentsOf.get(postId) ?? []) changes.add('comment', commentId, 'upsert', scope);
    }
  }
}
