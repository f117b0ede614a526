import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { readLaterLimitOf } from '../../../common/src/api/entities.js';
import { readReceiptKey } from '../../../common/src/api/sync.js';
import type { ReadAudience } from '../../../common/src/readConfirmations/audience.js';
import { mayModerate, type Principal } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import type { PostsTable } from '../db/schema.js';
import { ApiError, forbidden } from '../http/apiError.js';
import { REPLY_SENT, register } from '../http/register.js';
import { hitRateLimit } from '../limits/rateLimit.js';
import { settingsFromJson } from '../people/serialize.js';
import { write, type Trx } from '../sync/feed.js';
import { visiblePost } from '../timeline/queries.js';
import { readReportCsv } from './reportCsv.js';
import { buildReadReport } from './readReport.js';
import { sendReminders } from './reminders.js';
import { readRequirementFromRow, receiptFromRow, storedRequirement, type StoredRequirement } from './serialize.js';

const EXCERPT_LENGTH = 120;

function requireEditor(p: Principal): void {
  if (!mayModerate(p)) throw forbidden('Alleen redacteuren kunnen lezen verplicht instellen en de leesbevestigingen zien.');
}

/** The post, if the caller may see it and it is "lezen verplicht". */
async function requiredPost(ctx: ServerContext, p: Principal, postId: string): Promise<{ row: PostsTable; stored: StoredRequirement }> {
  const row = await visiblePost(ctx.k, p, postId);
  const stored = storedRequirement(row);
  if (!stored) throw new ApiError('not_found', 'Dit bericht is niet (meer) lezen verplicht.');
  return { row, stored };
}

/** Every place and group the audience names belongs to the organisation; a wrong id is a field error. */
async function checkAudience(trx: Trx, tenantId: string, a: ReadAudience): Promise<void> {
  const missing = async (table: 'locations' | 'departments' | 'groups', ids: string[], path: string) => {
    if (ids.length === 0) return;
    const found = await trx.selectFrom(table).select('id').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
    if (found.length !== new Set(ids).size) {
      throw new ApiError('validation', 'Niet iedereen in de doelgroep bestaat (nog).', [{ path: `body.audience.${path}`, message: 'Onbekend.' }]);
    }
  };
  await missing('locations', a.locationIds, 'locationIds');
  await missing('departments', a.departmentIds, 'departmentIds');
  await missing('groups', a.groupIds, 'groupIds');
}

async function readLaterLimit(ctx: ServerContext, trx: Trx, tenantId: string): Promise<number> {
  const org = await trx.selectFrom('organisations').select('settings').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  return readLaterLimitOf(settingsFromJson(org.settings));
}

export function registerReadConfirmationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.markReadRequired, async ({ params, body, principal: p }) => {
    requireEditor(p);
    const post = await visiblePost(ctx.k, p, params.id);
    // A group's post already has its audience; "lezen verplicht" is for what the whole organisation reads.
    if (post.group_id !== null) throw new ApiError('validation', 'Lezen verplicht kan alleen bij berichten voor de hele organisatie.');
    const audience: ReadAudience = body.audience;
    const stored: StoredRequirement = { audience, markedAt: ctx.now().toISOString(), markedBy: p.personId };
    await write(ctx, p.tenantId, async (trx, changes) => {
      await checkAudience(trx, p.tenantId, audience);
      await trx.updateTable('posts').set({ read_requirement: JSON.stringify(stored) }).where('tenant_id', '=', p.tenantId).where('id', '=', post.id).execute();
      changes.add('post', post.id, 'upsert', 'org');
    });
    return readRequirementFromRow({ read_requirement: JSON.stringify(stored), read_confirmed_count: post.read_confirmed_count ?? 0 })!;
  });

  register(app, ctx, routes.unmarkReadRequired, async ({ params, principal: p }) => {
    requireEditor(p);
    const { row } = await requiredPost(ctx, p, params.id);
    await write(ctx, p.tenantId, async (trx, changes) => {
      await trx.updateTable('posts').set({ read_requirement: null }).where('tenant_id', '=', p.tenantId).where('id', '=', row.id).execute();
      changes.add('post', row.id, 'upsert', 'org');
    });
    return { ok: true as const };
  });

  register(app, ctx, routes.confirmRead, async ({ params, principal: p }) => {
    const { row } = await requiredPost(ctx, p, params.id);
    const now = ctx.now().toISOString();
    return write(ctx, p.tenantId, async (trx, changes) => {
      const key = { tenant_id: p.tenantId, post_id: row.id, person_id: p.personId };
      // Whichever of two confirmations at once gets here second finds the row confirmed (PostgreSQL
      // re-checks the condition after the first commits), so the counter rises once per person.
      const updated = await trx
        .updateTable('read_receipts')
        .set({ confirmed_at: now, updated_at: now })
        .where('tenant_id', '=', p.tenantId)
        .where('post_id', '=', row.id)
        .where('person_id', '=', p.personId)
        .where('confirmed_at', 'is', null)
        .executeTakeFirst();
      let confirmedNow = Number(updated.numUpdatedRows) === 1;
      if (!confirmedNow) {
        const inserted = await trx
          .insertInto('read_receipts')
          .values({ ...key, confirmed_at: now, later_count: 0, updated_at: now })
          .onConflict((oc) => oc.columns(['tenant_id', 'post_id', 'person_id']).doNothing())
          .returning('post_id')
          .execute();
        confirmedNow = inserted.length === 1;
      }
      if (confirmedNow) {
        await trx
          .updateTable('posts')
          .set((eb) => ({ read_confirmed_count: eb('read_confirmed_count', '+', 1) }))
          .where('tenant_id', '=', p.tenantId)
          .where('id', '=', row.id)
          .execute();
        changes.add('readReceipt', readReceiptKey(row.id, p.personId), 'upsert', `person:${p.personId}`);
        // The post carries the count, so an editor's open report hears of it at once.
        changes.add('post', row.id, 'upsert', 'org');
      }
      const receipt = await trx.selectFrom('read_receipts').selectAll().where('tenant_id', '=', p.tenantId).where('post_id', '=', row.id).where('person_id', '=', p.personId).executeTakeFirstOrThrow();
      return receiptFromRow(receipt);
    });
  });

  register(app, ctx, routes.postponeRead, async ({ params, principal: p }) => {
    const { row } = await requiredPost(ctx, p, params.id);
    const now = ctx.now().toISOString();
    return write(ctx, p.tenantId, async (trx, changes) => {
      const limit = await readLaterLimit(ctx, trx, p.tenantId);
      const updated = await trx
        .updateTable('read_receipts')
        .set((eb) => ({ later_count: eb('later_count', '+', 1), updated_at: now }))
        .where('tenant_id', '=', p.tenantId)
        .where('post_id', '=', row.id)
        .where('person_id', '=', p.personId)
        .where('confirmed_at', 'is', null)
        .where('later_count', '<', limit)
        .executeTakeFirst();
      let postponed = Number(updated.numUpdatedRows) === 1;
      if (!postponed && limit > 0) {
        const inserted = await trx
          .insertInto('read_receipts')
          .values({ tenant_id: p.tenantId, post_id: row.id, person_id: p.personId, confirmed_at: null, later_count: 1, updated_at: now })
          .onConflict((oc) => oc.columns(['tenant_id', 'post_id', 'person_id']).doNothing())
          .returning('post_id')
          .execute();
        postponed = inserted.length === 1;
      }
      const receipt = await trx.selectFrom('read_receipts').selectAll().where('tenant_id', '=', p.tenantId).where('post_id', '=', row.id).where('person_id', '=', p.personId).executeTakeFirst();
      // Already read: "later" has nothing left to put off.
      if (receipt?.confirmed_at) return receiptFromRow(receipt);
      if (!postponed || !receipt) throw new ApiError('conflict', 'Je kunt dit bericht niet meer uitstellen. Lees het nu even.');
      changes.add('readReceipt', readReceiptKey(row.id, p.personId), 'upsert', `person:${p.personId}`);
      return receiptFromRow(receipt);
    });
  });

  register(app, ctx, routes.listReadRequirements, async ({ query, principal: p }) => {
    requireEditor(p);
    const rows = await ctx.k
      .selectFrom('posts')
      .selectAll()
      .where('tenant_id', '=', p.tenantId)
      .where('read_requirement', 'is not', null)
      .execute();
    return {
      items: rows
        .map((r) => ({ postId: r.id, excerpt: r.body.slice(0, EXCERPT_LENGTH), requirement: readRequirementFromRow(r)! }))
        .sort((a, b) => b.requirement.markedAt.localeCompare(a.requirement.markedAt))
        .slice(0, query.limit),
    };
  });

  register(app, ctx, routes.readReport, async ({ params, query, principal: p }) => {
    requireEditor(p);
    const { row, stored } = await requiredPost(ctx, p, params.id);
    const requirement = readRequirementFromRow(row)!;
    return buildReadReport(ctx.k, p.tenantId, { id: row.id, requirement, remindedAt: stored.remindedAt ?? null }, query.limit, ctx.now());
  });

  register(app, ctx, routes.readReportCsv, async ({ params, principal: p, reply }) => {
    requireEditor(p);
    const { row, stored } = await requiredPost(ctx, p, params.id);
    const csv = await readReportCsv(ctx.k, p.tenantId, row.id, stored.audience);
    void reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="nog-niet-gelezen-${ctx.now().toISOString().slice(0, 10)}.csv"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(Readable.from([csv]));
    return REPLY_SENT;
  });

  register(app, ctx, routes.sendReadReminders, async ({ params, principal: p }) => {
    requireEditor(p);
    const { row } = await requiredPost(ctx, p, params.id);
    await hitRateLimit(ctx, p.tenantId, `read-reminders:${row.id}`, { limit: 3, windowSeconds: 3600 });
    return { reminded: await sendReminders(ctx, p, row.id) };
  });
}
