import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { routes } from '../../../common/src/api/routes.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { recordActionOf, targetRef } from '../audit/audit.js';
import { mayModerate } from '../auth/principal.js';
import { countServerEvent } from '../stats/serverEvents.js';
import { write } from '../sync/feed.js';
import type { ServerContext } from '../context.js';
import { canSeeGroupContent } from '../groups/access.js';
import { ApiError, forbidden, notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { hitRateLimit } from '../limits/rateLimit.js';
import { shownComments } from '../moderation/access.js';
import { notifyPerson, privateAudience, resolveMentions } from './notifications.js';
import { notifyMentioned, scopeOfGroup } from './postRoutes.js';
import { visiblePost } from './queries.js';
import { commentFromRow } from './serialize.js';

export function registerCommentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.listComments, async ({ params, principal: p }) => {
    await visiblePost(ctx.k, p, params.id);
    const rows = await ctx.k
      .selectFrom('comments')
      .selectAll()
      .where('tenant_id', '=', p.tenantId)
      .where('post_id', '=', params.id)
      .where(shownComments(p))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return { items: rows.map(commentFromRow) };
  });

  register(app, ctx, routes.createComment, async ({ params, body, principal: p }) => {
    await hitRateLimit(ctx, p.tenantId, `comments:${p.personId}`, { limit: 60, windowSeconds: 600 });
    const post = await visiblePost(ctx.k, p, params.id);
    const id = body.id ?? uuidv7(ctx.now().getTime());
    const existing = await ctx.k.selectFrom('comments').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', id).executeTakeFirst();
    if (existing) {
      if (existing.author_id === p.personId && existing.post_id === post.id && existing.body === body.body) return commentFromRow(existing);
      throw new ApiError('conflict', 'Er bestaat al een reactie met dit id.');
    }
    const now = ctx.now();
    await write(ctx, p.tenantId, async (trx, changes) => {
      const scope = await scopeOfGroup(trx, p.tenantId, post.group_id, { writing: true });
      const mentions = await resolveMentions(trx, p.tenantId, body.body);
      await trx
        .insertInto('comments')
        .values({
          tenant_id: p.tenantId,
          id,
          post_id: post.id,
          author_id: p.personId,
          body: body.body,
          mentions: JSON.stringify(mentions),
          created_at: now.toISOString(),
          edited_at: null,
        })
        .execute();
      await trx
        .updateTable('posts')
        .set({ comment_count: sql`comment_count + 1` })
        .where('tenant_id', '=', p.tenantId)
        .where('id', '=', post.id)
        .execute();
      changes.add('comment', id, 'upsert', scope);
      changes.add('post', post.id, 'upsert', scope);
      const audience = await privateAudience(trx, p.tenantId, post.group_id);
      if (!audience || audience.has(post.author_id)) {
        await notifyPerson(trx, changes, { tenantId: p.tenantId, personId: post.author_id, kind: 'reply', actorId: p.personId, postId: post.id, commentId: id, now });
      }
      const others = mentions.filter((m) => m.personId !== post.author_id);
      await notifyMentioned(trx, changes, p, { postId: post.id, commentId: id, groupId: post.group_id, mentions: others, previous: [], now });
      await countServerEvent(trx, p, { id, kind: 'comment', at: now, postId: post.id, groupId: post.group_id });
    });
    const row = await ctx.k.selectFrom('comments').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', id).executeTakeFirstOrThrow();
    return commentFromRow(row);
  });

  register(app, ctx, routes.deleteComment, async ({ params, principal: p }) => {
    const comment = await ctx.k
      .selectFrom('comments')
      .innerJoin('posts', (j) => j.onRef('posts.tenant_id', '=', 'comments.tenant_id').onRef('posts.id', '=', 'comments.post_id'))
      .select(['comments.id', 'comments.author_id', 'comments.post_id', 'posts.group_id'])
      .where('comments.tenant_id', '=', p.tenantId)
      .where('comments.id', '=', params.id)
      .where(canSeeGroupContent(p, 'posts.group_id'))
      .executeTakeFirst();
    if (!comment) throw notFound('Deze reactie bestaat niet (meer).');
    if (comment.author_id !== p.personId && !mayModerate(p)) throw forbidden('Je kunt alleen je eigen reacties verwijderen.');
    await write(ctx, p.tenantId, async (trx, changes) => {
      const scope = await scopeOfGroup(trx, p.tenantId, comment.group_id);
      if (comment.author_id !== p.personId) {
        const detail = { author: targetRef('person', comment.author_id), post: targetRef('post', comment.post_id) };
        await recordActionOf(trx, p, { action: 'comment_deleted', target: targetRef('comment', comment.id), detail }, ctx.now());
      }
      const notifications = await trx
        .selectFrom('notifications')
        .select(['id', 'person_id'])
        .where('tenant_id', '=', p.tenantId)
        .where('comment_id', '=', comment.id)
        .execute();
      for (const n of notifications) changes.add('notification', n.id, 'delete', `person:${n.person_id}`);
      await trx.deleteFrom('notifications').where('tenant_id', '=', p.tenantId).where('comment_id', '=', comment.id).execute();
      await trx.deleteFrom('comments').where('tenant_id', '=', p.tenantId).where('id', '=', comment.id).execute();
      await trx
        .updateTable('posts')
        .set({ comment_count: sql`comment_count - 1` })
        .where('tenant_id', '=', p.tenantId)
        .where('id', '=', comment.post_id)
        .execute();
      changes.add('comment', comment.id, 'delete', scope);
      changes.add('post', comment.post_id, 'upsert', scope);
    });
    return { ok: true as const };
  });
}
