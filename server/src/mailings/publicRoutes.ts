import type { FastifyInstance, FastifyReply } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { ServerContext } from '../context.js';
import { REPLY_SENT, register } from '../http/register.js';
import { queueActivity } from '../stats/record.js';
import { escapeHtml } from './markdownMail.js';
import { tenantOfToken } from './queue.js';

/**
 * What a link in a mailing opens, without a login: the token in it is the recipient's own, random and
 * unguessable, and it can do two things only: opt her out of non-mandatory mailings, and count a visit.
 */
export function registerMailPublicRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const recipient = async (token: string) => {
    const tenantId = tenantOfToken(token);
    if (!tenantId) return null;
    const row = await ctx.k
      .selectFrom('mailing_recipients')
      .innerJoin('mailings', (j) => j.onRef('mailings.tenant_id', '=', 'mailing_recipients.tenant_id').onRef('mailings.id', '=', 'mailing_recipients.mailing_id'))
      .innerJoin('organisations', 'organisations.tenant_id', 'mailing_recipients.tenant_id')
      .select(['mailing_recipients.mailing_id', 'mailing_recipients.person_id', 'mailings.mandatory', 'organisations.intranet_name', 'organisations.name'])
      .where('mailing_recipients.tenant_id', '=', tenantId)
      .where('mailing_recipients.token', '=', token)
      .executeTakeFirst();
    return row ? { tenantId, ...row } : null;
  };

  const page = (reply: FastifyReply, status: number, title: string, body: string): typeof REPLY_SENT => {
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
      .header('referrer-policy', 'no-referrer')
      .send(
        `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
          `<body style="font-family:Arial,Helvetica,sans-serif;max-width:560px;margin:40px auto;padding:0 16px;font-size:18px;line-height:1.5;color:#1a1a1a;"><h1 style="font-size:24px;">${escapeHtml(title)}</h1>${body}</body></html>`,
      );
    return REPLY_SENT;
  };
  const unknown = (reply: FastifyReply): typeof REPLY_SENT => page(reply, 404, 'Deze link werkt niet (meer)', '<p>Kopieer de hele link uit de e-mail, of meld je af in Samen onder Instellingen.</p>');

  register(app, ctx, routes.unsubscribePage, async ({ params, reply }) => {
    const r = await recipient(params.token);
    if (!r) return unknown(reply);
    if (r.mandatory === 1) return page(reply, 200, 'Verplichte mailing', '<p>Van verplichte mailings kun je je niet afmelden.</p>');
    return page(
      reply,
      200,
      'Afmelden voor mailings',
      `<p>Wil je geen mailings van ${escapeHtml(r.name)} meer krijgen? Verplichte mailings blijf je krijgen.</p>` +
        `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" style="font-size:18px;padding:14px 24px;min-height:48px;border-radius:6px;">Afmelden</button></form>`,
    );
  });

  // RFC 8058: a mail program posts `List-Unsubscribe=One-Click` as a form; the token alone decides.
  void app.register(async (scope) => {
    scope.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'string' }, (_req, _body, done) => done(null, undefined));
    register(scope, ctx, routes.unsubscribe, async ({ params, reply }) => {
      const r = await recipient(params.token);
      if (!r) return unknown(reply);
      if (r.mandatory === 1) return page(reply, 200, 'Verplichte mailing', '<p>Van verplichte mailings kun je je niet afmelden.</p>');
      await ctx.k
        .updateTable('person_mail')
        .set({ opted_out: 1, updated_at: ctx.now().toISOString() })
        .where('tenant_id', '=', r.tenantId)
        .where('person_id', '=', r.person_id)
        .execute();
      return page(reply, 200, 'Je bent afgemeld', `<p>Je krijgt geen mailings van ${escapeHtml(r.name)} meer, behalve verplichte. Aanmelden kan weer in Samen onder Instellingen.</p>`);
    });
  });

  register(app, ctx, routes.mailingVisit, async ({ params, query, reply }) => {
    const r = await recipient(params.token);
    if (!r) return unknown(reply);
    const now = ctx.now();
    const id = uuidv7(now.getTime());
    await ctx.k.transaction().execute(async (trx) => {
      await trx
        .insertInto('mailing_visits')
        .values({ tenant_id: r.tenantId, id, mailing_id: r.mailing_id, person_id: r.person_id, target: query.to ?? 'mailing', at: now.toISOString() })
        .execute();
      // A visit from a mailing is activity in the statistics too. The link is opened wherever her mail
      // is, which is none of Samen's device kinds; the device report counts sessions only, so the kind
      // recorded here shows nowhere.
      await queueActivity(trx, r.tenantId, [{ id, kind: 'mailing_visit', personId: r.person_id, at: now, deviceKind: 'workstation', subjects: [{ type: 'mailing', id: r.mailing_id }] }]);
    });
    const what = query.to?.startsWith('page:') ? 'Deze pagina' : query.to?.startsWith('poll:') ? 'Deze peiling' : 'Dit bericht';
    const todo = query.to?.startsWith('poll:') ? 'om te stemmen' : 'om het helemaal te lezen en te reageren';
    return page(
      reply,
      200,
      `${what} staat in ${r.intranet_name}`,
      `<p>Open ${escapeHtml(r.intranet_name)} op je werkplek of op een pc van de afdeling ${todo}.</p>`,
    );
  });
}
