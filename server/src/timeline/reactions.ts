import type { ReactionCounts, ReactionKind } from '../../../common/src/api/entities.js';
import { likeKey } from '../../../common/src/api/sync.js';
import type { Principal } from '../auth/principal.js';
import { countServerEvent } from '../stats/serverEvents.js';
import { write, type FeedContext, type Trx } from '../sync/feed.js';
import { reactInOneStatement } from './oneStatementReaction.js';
import { scopeOfGroup } from './postRoutes.js';
import { visiblePost } from './queries.js';
import { asReactionKind, COUNTER_COLUMNS, counterMoves, reactionCounts, type Counters } from './reactionCounts.js';

/**
 * Sets (or with null takes back) the caller's one reaction to a post. Her row is changed by a
 * statement that only succeeds on what is there: an insert only where she has none, a delete that
 * says which kind it removed, a change only if the row is still of the kind read. Only the statement
 * that changed it moves the counters, in the same transaction, so two requests of hers at once can
 * never count twice or take one off twice; one that finds the row changed under it tries again.
 * Giving and taking back, nearly every request, are one statement each. A like stays a `like`
 * entity, now with its kind.
 */
export async function setReaction(ctx: FeedContext, p: Principal, postId: string, kind: ReactionKind | null): Promise<{ likeCount: number; reactions: ReactionCounts; myReaction: ReactionKind | null }> {
  const post = await visiblePost(ctx.k, p, postId);
  const answer = (counters: Counters) => ({ likeCount: Number(counters.like_count), reactions: reactionCounts(counters), myReaction: kind });
  if (ctx.db.dialect === 'postgres') {
    const counters = await reactInOneStatement(ctx, p, post, await scopeOfGroup(ctx.k, p.tenantId, post.group_id), kind);
    if (counters) return answer(counters);
  }
  return write(ctx, p.tenantId, async (trx, changes) => {
    const at = ctx.now();
    const her: HerRow = { tenant_id: p.tenantId, post_id: post.id, person_id: p.personId };
    const moved = kind === null ? await takeBack(trx, her) : await give(trx, her, kind, at);
    // Every statement is a round trip inside the transaction that numbers the change, so the counters
    // come back from the statement that moves them, and her reaction is the one this write left.
    let counters: Counters;
    if (moved) {
      counters = await moveCounters(trx, p.tenantId, post.id, moved.from, moved.to);
      changes.add('post', post.id, 'upsert', await scopeOfGroup(trx, p.tenantId, post.group_id));
      changes.add('like', likeKey(post.id, p.personId), moved.to ? 'upsert' : 'delete', `person:${p.personId}`);
      // A reaction counts once per post and person, however often it is changed, taken back and given again.
      if (moved.from === null) await countServerEvent(trx, p, { id: `like:${post.id}:${p.personId}`, kind: 'reaction', at, postId: post.id, groupId: post.group_id });
    } else {
      counters = await trx.selectFrom('posts').select(COUNTER_COLUMNS).where('tenant_id', '=', p.tenantId).where('id', '=', post.id).executeTakeFirstOrThrow();
    }
    return answer(counters);
  });
}

type HerRow = { tenant_id: string; post_id: string; person_id: string };
type Move = { from: ReactionKind | null; to: ReactionKind | null };

/** Taking it back: the statement says which kind it removed, so the right counter goes down. */
async function takeBack(trx: Trx, her: HerRow): Promise<Move | null> {
  const gone = await trx.deleteFrom('likes').where((eb) => eb.and(her)).returning('kind').executeTakeFirst();
  return gone ? { from: asReactionKind(gone.kind), to: null } : null;
}

/** Giving one where she has none, the common case, is one statement; changing the kind, one more read. */
async function give(trx: Trx, her: HerRow, kind: ReactionKind, at: Date): Promise<Move | null> {
  for (let attempt = 0; attempt <= 20; attempt++) {
    const added = await trx
      .insertInto('likes')
      .values({ ...her, created_at: at.toISOString(), kind })
      .onConflict((oc) => oc.columns(['tenant_id', 'post_id', 'person_id']).doNothing())
      .returning('post_id')
      .executeTakeFirst();
    if (added) return { from: null, to: kind };
    const current = await trx.selectFrom('likes').select('kind').where((eb) => eb.and(her)).executeTakeFirst();
    // Taken back between the two statements: try again.
    if (!current) continue;
    const from = asReactionKind(current.kind);
    if (from === kind) return null;
    const changed = await trx
      .updateTable('likes')
      .set({ kind, created_at: at.toISOString() })
      .where((eb) => eb.and(her))
      .where('kind', '=', current.kind!)
      .returning('post_id')
      .executeTakeFirst();
    if (changed) return { from, to: kind };
  }
  throw new Error('reaction kept changing under this request');
}

/** One statement: the total and the kinds' counters move together, relative to what is stored. */
async function moveCounters(trx: Trx, tenantId: string, postId: string, from: ReactionKind | null, to: ReactionKind | null): Promise<Counters> {
  return trx.updateTable('posts').set(counterMoves(from, to)).where('tenant_id', '=', tenantId).where('id', '=', postId).returning(COUNTER_COLUMNS).executeTakeFirstOrThrow();
}
