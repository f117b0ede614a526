import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import type { MailingBody } from '../../../common/src/api/routes/mailings.js';
import { requireRole, type Principal } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { ApiError, notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { resolveAudience } from './audience.js';
import { draftRow, loadContent } from './compose.js';
import { assertPollOpenAt, mailingPollChoices } from './composePoll.js';
import { personalise, renderMailing } from './render.js';
import { queueMailing } from './queue.js';
import { mailingView, reports } from './serialize.js';
import path from 'node:path';

/** Editors compose, preview and send; the report counts what the queue and the visits say. */
export function registerMailingRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const editor = (p: Principal) => {
    requireRole(p, 'editor');
    if (p.via !== 'session') throw new ApiError('forbidden', 'Mailings versturen kan alleen met je eigen sessie.');
  };
  const content = (body: MailingBody & { postIds: string[] }) => ({
    subject: body.subject,
    intro: body.intro,
    postIds: body.postIds,
    pageIds: body.pageIds ?? [],
    pollId: body.pollId ?? null,
    mandatory: body.mandatory ?? false,
  });

  register(app, ctx, routes.previewMailing, async ({ body, principal: p }) => {
    editor(p);
    const input = content(body);
    const [mail, audience] = await Promise.all([loadContent(ctx.k, p.tenantId, input, { baseUrl: ctx.mail.baseUrl(), now: ctx.now(), editor: p }), resolveAudience(ctx.k, p.tenantId, body.audience, input.mandatory)]);
    const template = renderMailing(mail);
    return { subject: template.subject, ...personalise(template, 'voorbeeld'), audienceCount: audience.count };
  });

  register(app, ctx, routes.createMailing, async ({ body, principal: p }) => {
    editor(p);
    const input = content(body);
    // Checked now, so a draft never names what does not exist.
    await loadContent(ctx.k, p.tenantId, input, { baseUrl: ctx.mail.baseUrl(), now: ctx.now(), editor: p });
    await resolveAudience(ctx.k, p.tenantId, body.audience, input.mandatory);
    const row = draftRow(p.tenantId, input, body.audience, p.personId, ctx.now());
    await ctx.k.insertInto('mailings').values(row).execute();
    return mailingView(row);
  });

  register(app, ctx, routes.listMailings, async ({ principal: p }) => {
    editor(p);
    const rows = await ctx.k.selectFrom('mailings').selectAll().where('tenant_id', '=', p.tenantId).orderBy('id', 'desc').limit(100).execute();
    const counts = await reports(ctx.k, p.tenantId, rows.map((r) => r.id));
    return { items: rows.map((r) => ({ ...mailingView(r), report: counts.get(r.id)! })) };
  });

  register(app, ctx, routes.listMailingPolls, async ({ principal: p }) => {
    editor(p);
    return { items: await mailingPollChoices(ctx.k, p, ctx.now()) };
  });

  const find = async (tenantId: string, id: string) => {
    const row = await ctx.k.selectFrom('mailings').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Deze mailing bestaat niet.');
    return row;
  };

  register(app, ctx, routes.getMailing, async ({ params, principal: p }) => {
    editor(p);
    const row = await find(p.tenantId, params.id);
    const report = (await reports(ctx.k, p.tenantId, [row.id])).get(row.id)!;
    const open = row.status === 'draft' || row.status === 'scheduled';
    const audienceCount = open ? (await resolveAudience(ctx.k, p.tenantId, JSON.parse(row.audience), row.mandatory === 1).catch(() => null))?.count ?? null : null;
    return {
      mailing: mailingView(row),
      report,
      audienceCount,
      folder: row.transport === 'files' ? path.join(ctx.mail.options.folder, p.tenantId, row.id) : null,
    };
  });

  register(app, ctx, routes.sendMailing, async ({ params, body, principal: p }) => {
    editor(p);
    const row = await find(p.tenantId, params.id);
    if (row.status !== 'draft') throw new ApiError('conflict', 'Deze mailing is al verstuurd of ingepland.');
    const now = ctx.now();
    const at = body?.at === undefined ? null : new Date(body.at);
    if (at && at.getTime() > now.getTime() + 60_000) {
      await assertPollOpenAt(ctx.k, p.tenantId, row.poll_id, at);
      const moved = await ctx.k
        .updateTable('mailings')
        .set({ status: 'scheduled', send_at: at.toISOString() })
        .where('tenant_id', '=', p.tenantId)
        .where('id', '=', row.id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw new ApiError('conflict', 'Deze mailing is al verstuurd of ingepland.');
    } else {
      const { transport } = await ctx.mail.deliveries.forTenant(p.tenantId);
      const queued = await queueMailing(ctx.db, p.tenantId, row, 'draft', { baseUrl: ctx.mail.baseUrl(), transport: transport.kind, now });
      if (!queued) throw new ApiError('conflict', 'Deze mailing is al verstuurd of ingepland.');
      ctx.mail.wake();
    }
    return mailingView(await find(p.tenantId, row.id));
  });
}
