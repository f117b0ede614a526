import type { Kysely } from 'kysely';
import { likeKey } from '../../../common/src/api/sync.js';
import type { Database } from '../db/schema.js';
import { lockFeed, type ChangeCollector, type Scope, type Trx } from './feed.js';

const CHUNK = 400;

/** The part of the feed that holds one person's copy of one private group's history. */
export const historyScope = (personId: string, groupId: string): Scope => `history:${personId}:${groupId}`;

/**
 * Someone who joins a private group needs its history, which lies before her cursor in the group's
 * own part of the feed. It is copied into a part of the feed of her own in the same write as the
 * membership, one change per item, so it reaches her page by page like any other change: the group
 * first (it marks where the copy starts), then the newest posts first, each followed by its comments
 * and her like, so a timeline fills from the top.
 */
export async function recordGroupHistory(trx: Trx, changes: ChangeCollector, o: { tenantId: string; groupId: string; personId: string }): Promise<void> {
  // The sync drops the group's own changes from before the copy (see `historyStarts`), so nothing
  // may commit in between unseen: hold the feed from before reading what to copy.
  await lockFeed(trx, o.tenantId);
  const scope = historyScope(o.personId, o.groupId);
  changes.add('group', o.groupId, 'upsert', scope);
  const posts = await trx
    .selectFrom('posts')
    .select(['id', 'poll'])
    .where('tenant_id', '=', o.tenantId)
    .where('group_id', '=', o.groupId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (let i = 0; i < posts.length; i += CHUNK) {
    const ids = posts.slice(i, i + CHUNK).map((p) => p.id);
    const comments = await trx
      .selectFrom('comments')
      .select(['id', 'post_id'])
      .where('tenant_id', '=', o.tenantId)
      .where('post_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const liked = await trx
      .selectFrom('likes')
      .select('post_id')
      .where('tenant_id', '=', o.tenantId)
      .where('person_id', '=', o.personId)
      .where('post_id', 'in', ids)
      .execute();
    const commentsOf = new Map<string, string[]>();
    for (const c of comments) {
      const list = commentsOf.get(c.post_id);
      if (list) list.push(c.id);
      else commentsOf.set(c.post_id, [c.id]);
    }
    const likedPosts = new Set(liked.map((l) => l.post_id));
    const polls = new Set(posts.slice(i, i + CHUNK).filter((p) => Number(p.poll ?? 0) === 1).map((p) => p.id));
    for (const postId of ids) {
      changes.add('post', postId, 'upsert', scope);
      if (polls.has(postId)) changes.add('poll', postId, 'upsert', scope);
      for (const commentId of commentsOf.get(postId) ?? []) changes.add('comment', commentId, 'upsert', scope);
      if (likedPosts.has(postId)) changes.add('like', likeKey(postId, o.personId), 'upsert', scope);
    }
  }
}

/**
 * For each of a person's private groups that she joined with a copy of its history: the seq where
 * the latest copy starts. From her feed, the copy replaces the group's own upserts before that seq
 * (its deletes stay: a client that knew the group before may still hold what was deleted).
 */
export async function historyStarts(k: Kysely<Database>, tenantId: string, personId: string, groupIds: string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const byScope = new Map<string, string>(groupIds.map((g) => [historyScope(personId, g), g]));
  const rows = await k
    .selectFrom('changes')
    .select(['scope', (eb) => eb.fn.max('seq').as('start')])
    .where('tenant_id', '=', tenantId)
    .where('scope', 'in', [...byScope.keys()])
    .where('entity', '=', 'group')
    .groupBy('scope')
    .execute();
  return new Map(rows.map((r) => [byScope.get(r.scope)!, Number(r.start)]));
}
