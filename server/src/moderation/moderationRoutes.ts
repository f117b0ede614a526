import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { routes } from '../../../common/src/api/routes.js';
import type { ModerationItemKind } from '../../../common/src/api/routes/moderation.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { recordActionOf, targetRef } from '../audit/audit.js';
import type { Principal } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { canSeeGroupContent } from '../groups/access.js';
import { ApiError, notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { hitRateLimit } from '../limits/rateLimit.js';
import { write, type ChangeCollector, type Trx } from '../sync/feed.js';
import { scopeOfGroup } from '../timeline/postRoutes.js';
import { mayModerateContent, requireModerator } from './access.js';
import { moderationQueue } from './queue.js';

/** Reports per person per hour: enough for anyone who means it, too few to flood the queue. */
export const REPORTS_PER_HOUR = 20;

/** A post or comment as moderation sees it: who wrote it and where it lives. */
interface Item {
  kind: ModerationItemKind;
  id: string;
  postId: string;
  authorId: string;
  groupId: string | null;
  hiddenAt: string | null;
  hiddenBy: string | null;
}

/** The item if the caller may see it (a private group's content does not exist for outsiders). */
async function findItem(ctx: ServerContext, p: Principal, kind: ModerationItemKind, id: string): Promise<Item> {
  const row =
    kind === 'post'
      ? await ctx.k
          .selectFrom('posts')
          .select(['posts.id', 'posts.id as post_id', 'posts.author_id', 'posts.group_id', 'posts.hidden_at', 'posts.hidden_by'])
          .where('posts.tenant_id', '=', p.tenantId)
          .where('posts.id', '=', id)
          .where(canSeeGroupContent(p, 'posts.group_id'))
          .executeTakeFirst()
      : await ctx.k
          .selectFrom('comments')
          .innerJoin('posts', (j) => j.onRef('posts.tenant_id', '=', 'comments.tenant_id').onRef('posts.id', '=', 'comments.post_id'))
          .select(['comments.id', 'comments.post_id', 'comments.author_id', 'posts.group_id', 'comments.hidden_at', 'comments.hidden_by'])
          .where('comments.tenant_id', '=', p.tenantId)
          .where('comments.id', '=', id)
          .where(canSeeGroupContent(p, 'posts.group_id'))
          .executeTakeFirst();
  // Hidden content exists for its author and moderators only; nobody else can report it.
  if (!row || (row.hidden_at && row.author_id !== p.personId && !mayModerateContent(p))) {
    throw notFound(kind === 'post' ? 'Dit bericht bestaat niet (meer).' : 'Deze reactie bestaat niet (meer).');
  }
  return { kind, id: row.id, postId: row.post_id, authorId: row.author_id, groupId: row.group_id, hiddenAt: row.hidden_at ?? null, hiddenBy: row.hidden_by ?? null };
}

const tableOf = (kind: ModerationItemKind) => (kind === 'post' ? 'posts' : 'comments');

/**
 * Announces the item again: in its own scope (everyone else's sync then finds it hidden, or shown
 * again) and to its author, whose personal part carries it marked. Notifications about it are
 * announced as deletes, so the event stream never tells them twice; each person's sync resolves them
 * against the item's current state.
 */
async function announceItem(trx: Trx, changes: ChangeCollector, tenantId: string, item: Item): Promise<void> {
  const scope = await scopeOfGroup(trx, tenantId, item.groupId);
  changes.add(item.kind, item.id, 'upsert', scope);
  changes.add(item.kind, item.id, 'upsert', `person:${item.authorId}`);
  const about = await trx
    .selectFrom('notifications')
    .select(['id', 'person_id'])
    .where('tenant_id', '=', tenantId)
    .where(item.kind === 'post' ? 'post_id' : 'comment_id', '=', item.id)
    .where('kind', '!=', 'moderation_hidden')
    .execute();
  for (const n of about) changes.add('notification', n.id, 'delete', `person:${n.person_id}`);
}

/** Sets the queue entry's decision; an item hidden without reports gets an entry of its own. */
async function decide(trx: Trx, p: Principal, item: Item, status: 'hidden' | 'dismissed', now: string) {
  await trx
    .insertInto('moderation_items')
    .values({ tenant_id: p.tenantId, item_kind: item.kind, item_id: item.id, post_id: item.postId, status, reporters: 0, last_reported_at: now, decided_by: p.personId, decided_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'item_kind', 'item_id']).doUpdateSet({ status, decided_by: p.personId, decided_at: now }))
    .execute();
}

export function registerModerationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.reportItem, async ({ body, principal: p }) => {
    await hitRateLimit(ctx, p.tenantId, `reports:${p.personId}`, { limit: REPORTS_PER_HOUR, windowSeconds: 3600 });
    const item = await findItem(ctx, p, body.itemKind, body.itemId);
    if (item.authorId === p.personId) throw new ApiError('validation', 'Je kunt je eigen bericht of reactie niet melden.');
    const now = ctx.now().toISOString();
    await ctx.k.transaction().execute(async (trx) => {
      // The key allows one report per person and item: only the statement that inserted it counts her.
      const inserted = await trx
        .insertInto('moderation_reports')
        .values({ tenant_id: p.tenantId, item_kind: item.kind, item_id: item.id, reporter_id: p.personId, reason: body.reason, note: body.note || null, created_at: now })
        .onConflict((oc) => oc.columns(['tenant_id', 'item_kind', 'item_id', 'reporter_id']).doNothing())
        .returning('reporter_id')
        .executeTakeFirst();
      if (!inserted) return;
      await trx
        .insertInto('moderation_items')
        .values({ tenant_id: p.tenantId, item_kind: item.kind, item_id: item.id, post_id: item.postId, status: 'open', reporters: 1, last_reported_at: now, decided_by: null, decided_at: null })
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'item_kind', 'item_id']).doUpdateSet({
            reporters: sql`moderation_items.reporters + 1`,
            last_reported_at: now,
            // A new reporter of something let stand asks for another look; a hidden item stays hidden.
            status: sql`case when moderation_items.status = 'dismissed' then 'open' else moderation_items.status end`,
          }),
        )
        .execute();
    });
    return { ok: true as const };
  });

  register(app, ctx, routes.moderationQueue, async ({ query, principal: p }) => {
    requireModerator(p);
    return { items: await moderationQueue(ctx.k, p, query.status) };
  });

  register(app, ctx, routes.hideItem, async ({ params, body, principal: p }) => {
    requireModerator(p);
    const item = await findItem(ctx, p, params.kind, params.id);
    if (item.hiddenAt) return { ok: true as const };
    const now = ctx.now();
    await write(ctx, p.tenantId, async (trx, changes) => {
      const hid = await trx
        .updateTable(tableOf(item.kind))
        .set({ hidden_at: now.toISOString(), hidden_reason: body.reason, hidden_by: p.personId })
        .where('tenant_id', '=', p.tenantId)
        .where('id', '=', item.id)
        .where('hidden_at', 'is', null)
        .executeTakeFirst();
      if (Number(hid.numUpdatedRows) === 0) return;
      await decide(trx, p, item, 'hidden', now.toISOString());
      await announceItem(trx, changes, p.tenantId, item);
      const id = uuidv7(now.getTime());
      await trx
        .insertInto('notifications')
        .values({ tenant_id: p.tenantId, id, person_id: item.authorId, kind: 'moderation_hidden', actor_id: p.personId, post_id: item.postId, comment_id: item.kind === 'comment' ? item.id : null, created_at: now.toISOString(), reason: body.reason })
        .execute();
      changes.add('notification', id, 'upsert', `person:${item.authorId}`);
      const detail = { author: targetRef('person', item.authorId), reason: body.reason };
      await recordActionOf(trx, p, { action: item.kind === 'post' ? 'post_hidden' : 'comment_hidden', target: targetRef(item.kind, item.id), detail }, now);
    });
    return { ok: true as const };
  });

  register(app, ctx, routes.dismissItem, async ({ params, principal: p }) => {
    requireModerator(p);
    const item = await findItem(ctx, p, params.kind, params.id);
    await ctx.k
      .updateTable('moderation_items')
      .set({ status: 'dismissed', decided_by: p.personId, decided_at: ctx.now().toISOString() })
      .where('tenant_id', '=', p.tenantId)
      .where('item_kind', '=', item.kind)
      .where('item_id', '=', item.id)
      .where('status', '=', 'open')
      .execute();
    return { ok: true as const };
  });

  register(app, ctx, routes.restoreItem, async ({ params, principal: p }) => {
    requireModerator(p);
    const item = await findItem(ctx, p, params.kind, params.id);
    if (!item.hiddenAt) return { ok: true as const };
    const now = ctx.now();
    await write(ctx, p.tenantId, async (trx, changes) => {
      const shown = await trx
        .updateTable(tableOf(item.kind))
        .set({ hidden_at: null, hidden_reason: null })
        .where('tenant_id', '=', p.tenantId)
        .where('id', '=', item.id)
        .where('hidden_at', 'is not', null)
        .executeTakeFirst();
      if (Number(shown.numUpdatedRows) === 0) return;
      await decide(trx, p, item, 'dismissed', now.toISOString());
      await announceItem(trx, changes, p.tenantId, item);
      await recordActionOf(trx, p, { action: item.kind === 'post' ? 'post_restored' : 'comment_restored', target: targetRef(item.kind, item.id), detail: { author: targetRef('person', item.authorId) } }, now);
    });
    return { ok: true as const };
  });
}
