import { sql } from 'kysely';
import type { ReactionKind } from '../../../common/src/api/entities.js';
import { likeKey } from '../../../common/src/api/sync.js';
import type { Principal } from '../auth/principal.js';
import { executePrepared } from '../db/preparedStatements.js';
import type { PostsTable } from '../db/schema.js';
import { eventRow } from '../stats/record.js';
import { serverEvent } from '../stats/serverEvents.js';
import { writeOne, type Change, type FeedContext, type Scope } from '../sync/feed.js';
import { COUNTER, COUNTER_COLUMNS, counterMoves, type Counters } from './reactionCounts.js';

/**
 * On PostgreSQL the two reactions nearly every request is, giving one where she has none and taking
 * hers back, are each one statement: her row, the post's counters, the statistics event and the
 * change-feed rows in one WITH that commits on its own (`writeOne`). Every later part runs only for
 * a row the first part changed, so a like sent twice at once still counts once; none is added to a
 * post deleted since it was read. Answers the post's counters; undefined when the statement changed
 * nothing (she already had a reaction, or none to take back), and the caller's transaction works
 * out the rest. Both are prepared statements: planning them took as long as running them.
 */
export async function reactInOneStatement(
  ctx: FeedContext,
  p: Principal,
  post: Pick<PostsTable, 'id' | 'group_id'>,
  postScope: Scope,
  kind: ReactionKind | null,
): Promise<Counters | undefined> {
  const her = { tenantId: p.tenantId, postId: post.id, personId: p.personId };
  const changes: Change[] = [
    { entity: 'post', id: post.id, op: 'upsert', scope: postScope },
    { entity: 'like', id: likeKey(post.id, p.personId), op: kind ? 'upsert' : 'delete', scope: `person:${p.personId}` },
  ];
  const columns = sql.join(COUNTER_COLUMNS.map((c) => sql.ref(c)));
  const setClause = (set: Record<string, unknown>) => sql.join(Object.entries(set).map(([column, value]) => sql`${sql.ref(column)} = ${value}`));

  if (kind === null) {
    // Which kind she took back is known only inside the statement: each kind's counter goes down by
    // the rows of that kind removed (none or one).
    const takeBack = { ...counterMoves('like', null), ...Object.fromEntries(Object.entries(COUNTER).map(([k, column]) => [column, sql`${sql.ref(column)} - (select count(*) from gone where kind = ${k})`])) };
    return writeOne(ctx, p.tenantId, { changes, whenAnyRowIn: 'gone' }, async (recordChanges) => {
      const { rows } = await executePrepared(
        ctx.k,
        sql<Counters>`
        with gone as (
          delete from likes where tenant_id = ${her.tenantId} and post_id = ${her.postId} and person_id = ${her.personId}
          returning kind
        ), moved as (
          update posts set ${setClause(takeBack)}
           where tenant_id = ${her.tenantId} and id = ${her.postId} and exists (select 1 from gone)
          returning ${columns}
        ), logged as (${recordChanges})
        select ${columns} from moved`.compile(ctx.k),
      );
      return rows[0];
    });
  }

  const at = ctx.now();
  // A reaction counts once per post and person, however often it is changed, taken back and given again.
  const e = eventRow(p.tenantId, serverEvent(p, { id: `like:${post.id}:${p.personId}`, kind: 'reaction', at, postId: post.id, groupId: post.group_id }), { folded: false });
  return writeOne(ctx, p.tenantId, { changes, whenAnyRowIn: 'added' }, async (recordChanges) => {
    const { rows } = await executePrepared(
      ctx.k,
      sql<Counters>`
      with added as (
        insert into likes (tenant_id, post_id, person_id, created_at, kind)
        select ${her.tenantId}, ${her.postId}, ${her.personId}, ${at.toISOString()}, ${kind}
         where exists (select 1 from posts where tenant_id = ${her.tenantId} and id = ${her.postId})
        on conflict (tenant_id, post_id, person_id) do nothing
        returning post_id
      ), moved as (
        update posts set ${setClause(counterMoves(null, kind))}
         where tenant_id = ${her.tenantId} and id = ${her.postId} and exists (select 1 from added)
        returning ${columns}
      ), counted as (
        insert into stats_events (tenant_id, id, kind, person_id, at, device_kind, subject_id, subjects, seconds, folded)
        select ${e.tenant_id}, ${e.id}, ${e.kind}, ${e.person_id}, ${e.at}, ${e.device_kind}, ${e.subject_id}, ${e.subjects}::text, ${e.seconds}::integer, ${e.folded}::integer
          from added
        on conflict (tenant_id, id) do nothing
      ), logged as (${recordChanges})
      select ${columns} from moved`.compile(ctx.k),
    );
    return rows[0];
  });
}
