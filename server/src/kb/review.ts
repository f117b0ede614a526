import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { amsterdamDay } from '../auth/pinPolicy.js';
import { requireRole } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { register } from '../http/register.js';
import { write } from '../sync/feed.js';

const DAY_MS = 86_400_000;

/** Pages whose review date lies before today (Amsterdam): "verouderd". */
export function registerReviewRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.reviewOverview, async ({ principal: p }) => {
    requireRole(p, 'editor');
    const today = amsterdamDay(ctx.now());
    const rows = await ctx.k
      .selectFrom('kb_pages')
      .leftJoin('people', (j) => j.onRef('people.tenant_id', '=', 'kb_pages.tenant_id').onRef('people.id', '=', 'kb_pages.owner_id'))
      .select(['kb_pages.id', 'kb_pages.title', 'kb_pages.section_id', 'kb_pages.owner_id', 'kb_pages.review_date', 'people.name as owner_name'])
      .where('kb_pages.tenant_id', '=', p.tenantId)
      .where('kb_pages.review_date', '<', today)
      .orderBy('kb_pages.review_date')
      .orderBy('kb_pages.id')
      .execute();
    return {
      today,
      items: rows.map((r) => ({
        pageId: r.id,
        title: r.title,
        sectionId: r.section_id,
        ownerId: r.owner_id,
        ownerName: r.owner_name,
        reviewDate: r.review_date!,
        daysOverdue: Math.round((Date.parse(today) - Date.parse(r.review_date!)) / DAY_MS),
      })),
    };
  });
}

/**
 * Tells each owner of a page past its review date, once per review date, with a `review_due`
 * notification in her personal feed. Runs with the hourly maintenance; a new review date tells her
 * again when that one passes.
 */
export async function noticeDueReviews(ctx: ServerContext): Promise<number> {
  const now = ctx.now();
  const today = amsterdamDay(now);
  const due = await ctx.k
    .selectFrom('kb_pages')
    .select(['tenant_id', 'id', 'owner_id', 'review_date', 'review_noticed_for'])
    .where('review_date', '<', today)
    .where('owner_id', 'is not', null)
    .execute();
  const pending = due.filter((r) => r.review_noticed_for !== r.review_date);
  for (const page of pending) {
    await write(ctx, page.tenant_id, async (trx, changes) => {
      // Claimed in the transaction that tells her: two servers running this at once tell her once.
      const claimed = await trx
        .updateTable('kb_pages')
        .set({ review_noticed_for: page.review_date })
        .where('tenant_id', '=', page.tenant_id)
        .where('id', '=', page.id)
        .where('review_date', '=', page.review_date)
        .where((eb) => eb.or([eb('review_noticed_for', 'is', null), eb('review_noticed_for', '<>', page.review_date)]))
        .returning('id')
        .executeTakeFirst();
      if (!claimed) return;
      const id = uuidv7(now.getTime());
      await trx
        .insertInto('kb_review_notices')
        .values({ tenant_id: page.tenant_id, id, person_id: page.owner_id!, page_id: page.id, review_date: page.review_date!, created_at: now.toISOString() })
        .execute();
      changes.add('notification', id, 'upsert', `person:${page.owner_id}`);
    });
  }
  return pending.length;
}
