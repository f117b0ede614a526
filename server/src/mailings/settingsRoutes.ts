import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { requireRole } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';
import { register } from '../http/register.js';
import { MailSendError } from './transport.js';
import { randomUUID } from 'node:crypto';

/** The password of an SMTP address is never shown again, not even to an admin. */
export const withoutPassword = (url: string): string => {
  const u = new URL(url);
  if (u.password) u.password = '****';
  return u.toString();
};

/** Admins set the organisation's own SMTP server and try it with a test message. */
export function registerMailSettingsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const view = async (tenantId: string) => {
    const row = await ctx.k.selectFrom('mail_settings').select(['smtp_url', 'from_address']).where('tenant_id', '=', tenantId).executeTakeFirst();
    const { transport } = await ctx.mail.deliveries.forTenant(tenantId);
    return { smtpUrl: row ? withoutPassword(row.smtp_url) : null, fromAddress: row?.from_address ?? null, transport: transport.kind };
  };

  register(app, ctx, routes.getMailSettings, async ({ principal: p }) => {
    requireRole(p, 'admin');
    return view(p.tenantId);
  });

  register(app, ctx, routes.setMailSettings, async ({ body, principal: p }) => {
    requireRole(p, 'admin');
    const old = await ctx.k.selectFrom('mail_settings').select('smtp_url').where('tenant_id', '=', p.tenantId).executeTakeFirst();
    if (body.smtpUrl === null) {
      await ctx.k.deleteFrom('mail_settings').where('tenant_id', '=', p.tenantId).execute();
    } else {
      if (!body.fromAddress) throw new ApiError('validation', 'Niet alles is goed ingevuld.', [{ path: 'body.fromAddress', message: 'Vul het afzenderadres in.' }]);
      const row = { smtp_url: body.smtpUrl, from_address: body.fromAddress, updated_at: ctx.now().toISOString(), updated_by: p.personId };
      await ctx.k
        .insertInto('mail_settings')
        .values({ tenant_id: p.tenantId, ...row })
        .onConflict((oc) => oc.column('tenant_id').doUpdateSet(row))
        .execute();
    }
    if (old) ctx.mail.deliveries.forget(old.smtp_url);
    return view(p.tenantId);
  });

  register(app, ctx, routes.testMailSettings, async ({ body, principal: p }) => {
    requireRole(p, 'admin');
    const { transport, from } = await ctx.mail.deliveries.forTenant(p.tenantId);
    const id = randomUUID();
    try {
      await transport.send({
        from,
        to: body.to,
        subject: 'Testbericht van Samen',
        text: 'Dit is een testbericht. Komt het aan, dan kunnen mailings via deze mailserver worden verstuurd.',
        html: '<p>Dit is een testbericht. Komt het aan, dan kunnen mailings via deze mailserver worden verstuurd.</p>',
        messageId: `<test.${id}@mailing.samen>`,
        headers: {},
        logo: null,
        fileKey: `${p.tenantId}/test/${id}`,
      });
    } catch (err) {
      const why = err instanceof MailSendError && err.permanent ? 'De mailserver weigerde het bericht' : 'De mailserver is niet bereikbaar of antwoordde niet';
      throw new ApiError('unavailable', `${why}: ${(err as Error).message.slice(0, 200)}`);
    }
    return { ok: true as const, transport: transport.kind };
  });
}
