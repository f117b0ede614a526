import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { mayModerate } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { contentScope, manageableGroup } from '../groups/access.js';
import { ApiError, forbidden } from '../http/apiError.js';
import { register } from '../http/register.js';
import { write } from '../sync/feed.js';
import { notifyPerson } from '../timeline/notifications.js';
import { publishReviewed } from './publishReviewed.js';
import { approvalRequired, listMyReviews, listReviewQueue, mayReview, reviewWithNotes, visibleReview } from './reviewStore.js';

const notCoach = () => forbidden('Alleen coaches en redacteuren kunnen meekijken.');
const alreadyDecided = () => new ApiError('conflict', 'Dit bericht is al beoordeeld.');

/**
 * Meekijken. Drafts and waiting posts are in no feed; the author hears of a coach's comment,
 * suggestion, approval or sending back through a `post_review` notification, which names the draft.
 */
export function registerReviewRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.listMyReviews, async ({ principal: p }) => ({ items: await listMyReviews(ctx.k, p) }));

  register(app, ctx, routes.listReviewQueue, async ({ principal: p }) => {
    if (!mayReview(p)) throw notCoach();
    return { items: await listReviewQueue(ctx.k, p) };
  });

  register(app, ctx, routes.getReview, async ({ params, principal: p }) => reviewWithNotes(ctx.k, await visibleReview(ctx.k, p, params.id)));

  register(app, ctx, routes.addReviewNote, async ({ params, body, principal: p }) => {
    if (!mayReview(p)) throw notCoach();
    const row = await visibleReview(ctx.k, p, params.id);
    const now = ctx.now();
    await write(ctx, p.tenantId, async (trx, changes) => {
      const added = await trx
        .insertInto('post_review_notes')
        .values({ tenant_id: p.tenantId, review_id: row.id, id: body.id, author_id: p.personId, kind: body.kind, body: body.body, created_at: now.toISOString() })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      // The same note delivered again by an outbox whose answer was lost adds nothing and tells nobody twice.
      if (Number(added.numInsertedOrUpdatedRows ?? 0n) === 0) return;
      await trx
        .updateTable('post_reviews')
        .set({ status: 'answered', updated_at: now.toISOString() })
        .where('tenant_id', '=', p.tenantId)
        .where('id', '=', row.id)
        .where('status', '=', 'look')
        .execute();
      await notifyPerson(trx, changes, { tenantId: p.tenantId, personId: row.author_id, kind: 'post_review', actorId: p.personId, postId: row.id, commentId: null, now });
    });
    return reviewWithNotes(ctx.k, await visibleReview(ctx.k, p, row.id));
  });

  register(app, ctx, routes.approveReview, async ({ params, principal: p }) => {
    if (!mayReview(p)) throw notCoach();
    const row = await visibleReview(ctx.k, p, params.id);
    if (row.status !== 'approval') throw new ApiError('conflict', 'Dit bericht wacht niet op goedkeuring.');
    const now = ctx.now();
    const published = await write(ctx, p.tenantId, async (trx, changes) => {
      if (!(await publishReviewed(ctx, trx, changes, { tenantId: p.tenantId, id: row.id, body: row.body, from: ['approval'] }))) return false;
      await notifyPerson(trx, changes, { tenantId: p.tenantId, personId: row.author_id, kind: 'post_review', actorId: p.personId, postId: row.id, commentId: null, now });
      return true;
    });
    if (!published) throw alreadyDecided();
    return { ok: true as const };
  });

  register(app, ctx, routes.returnReview, async ({ params, body, principal: p }) => {
    if (!mayReview(p)) throw notCoach();
    const row = await visibleReview(ctx.k, p, params.id);
    const now = ctx.now();
    const returned = await write(ctx, p.tenantId, async (trx, changes) => {
      const moved = await trx
        .updateTable('post_reviews')
        .set({ status: 'returned', updated_at: now.toISOString() })
        .where('tenant_id', '=', p.tenantId)
        .where('id', '=', row.id)
        .where('status', '=', 'approval')
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) return false;
      const id = uuidv7(now.getTime());
      await trx
        .insertInto('post_review_notes')
        .values({ tenant_id: p.tenantId, review_id: row.id, id, author_id: p.personId, kind: 'returned', body: body.comment, created_at: now.toISOString() })
        .execute();
      await notifyPerson(trx, changes, { tenantId: p.tenantId, personId: row.author_id, kind: 'post_review', actorId: p.personId, postId: row.id, commentId: null, now });
      return true;
    });
    if (!returned) throw alreadyDecided();
    return reviewWithNotes(ctx.k, await visibleReview(ctx.k, p, row.id));
  });

  register(app, ctx, routes.publishReview, async ({ params, body, principal: p }) => {
    const row = await visibleReview(ctx.k, p, params.id);
    if (row.author_id !== p.personId) throw forbidden('Alleen de schrijver kan haar concept plaatsen.');
    const now = ctx.now().toISOString();
    if (await approvalRequired(ctx.k, p, row.group_id)) {
      // Back into the queue with her final text; a coach or editor decides.
      await ctx.k
        .updateTable('post_reviews')
        .set({ body: body.body, status: 'approval', updated_at: now })
        .where('tenant_id', '=', p.tenantId)
        .where('id', '=', row.id)
        .execute();
      return { status: 'approval' as const };
    }
    const published = await write(ctx, p.tenantId, (trx, changes) =>
      publishReviewed(ctx, trx, changes, { tenantId: p.tenantId, id: row.id, body: body.body, from: ['look', 'answered', 'returned', 'approval'] }),
    );
    if (!published) throw alreadyDecided();
    return { status: 'published' as const };
  });

  register(app, ctx, routes.setPostApproval, async ({ body, principal: p }) => {
    const required = body.required ? 1 : 0;
    if (body.groupId === null) {
      if (!mayModerate(p)) throw forbidden('Alleen redacteuren kunnen goedkeuring voor de hele organisatie instellen.');
      await write(ctx, p.tenantId, async (trx, changes) => {
        await trx.updateTable('organisations').set({ post_approval: required }).where('tenant_id', '=', p.tenantId).execute();
        changes.add('organisation', p.tenantId, 'upsert', 'org');
      });
      return { groupId: null, required: body.required };
    }
    const { group, membership } = await manageableGroup(ctx.k, p, body.groupId);
    if (membership?.role !== 'admin' && !mayModerate(p)) throw forbidden('Alleen beheerders van de groep en redacteuren kunnen dit instellen.');
    await write(ctx, p.tenantId, async (trx, changes) => {
      await trx.updateTable('groups').set({ post_approval: required }).where('tenant_id', '=', p.tenantId).where('id', '=', group.id).execute();
      changes.add('group', group.id, 'upsert', contentScope(group));
    });
    return { groupId: body.groupId, required: body.required };
  });
}
