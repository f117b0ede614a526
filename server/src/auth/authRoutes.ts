import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';
import { register } from '../http/register.js';
import { reserveHits } from '../limits/rateLimit.js';
import { findMemberships } from '../groups/memberships.js';
import { organisationFromRow, personFromRow } from '../people/serialize.js';
import { LOGOUT_ACTIONS, recordAuthEvent } from '../audit/audit.js';
import { resolveOrganisation } from './resolveOrganisation.js';
import { verifySecret } from './secrets.js';
import { makeToken } from './tokens.js';

export const LOGIN_FAILURES_PER_PERSON = { limit: 10, windowSeconds: 900 };
export const LOGIN_FAILURES_PER_ADDRESS = { limit: 200, windowSeconds: 900 };

export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.authPassword, async ({ body, req }) => {
    const org = await resolveOrganisation(ctx, body.organisation, () => new ApiError('invalid_credentials', 'Personeelsnummer of wachtwoord klopt niet.'));
    // Attempts are counted per address and per employee number before the password is compared, so
    // guessing is slow for one account and from one place alike, also when the guesses arrive at once.
    // The address limit is generous: a hospital's ward PCs often share one address behind NAT.
    const [fromAddress, forPerson] = await reserveHits(ctx, org.tenant_id, [
      { bucket: `login-ip:${req.ip}`, rule: LOGIN_FAILURES_PER_ADDRESS },
      { bucket: `login-emp:${body.employeeNumber}`, rule: LOGIN_FAILURES_PER_PERSON },
    ]).catch(async (err: unknown) => {
      await recordAuthEvent(ctx.k, { tenantId: org.tenant_id, personId: null, deviceId: null, action: 'login_password', result: 'rate_limited' }, ctx.now());
      throw err;
    });
    const person = await ctx.k
      .selectFrom('people')
      .selectAll()
      .where('tenant_id', '=', org.tenant_id)
      .where('employee_number', '=', body.employeeNumber)
      .executeTakeFirst();
    const ok = await verifySecret(body.password, person?.password_hash ?? null);
    if (!person || !ok || person.active !== 1) {
      const result = !person ? 'unknown_person' : !ok ? 'wrong_secret' : 'inactive';
      await recordAuthEvent(ctx.k, { tenantId: org.tenant_id, personId: person?.id ?? null, deviceId: null, action: 'login_password', result }, ctx.now());
      // One answer for every failure: the reply never tells whether an employee number exists.
      throw new ApiError('invalid_credentials', 'Personeelsnummer of wachtwoord klopt niet.');
    }
    // The right password: the address gets its attempt back and the person's count starts over.
    await fromAddress.giveBack();
    await forPerson.clear();
    const now = ctx.now();
    const expiresAt = new Date(now.getTime() + ctx.options.sessionHours * 3_600_000).toISOString();
    const { token, hash } = makeToken(org.tenant_id);
    await ctx.k
      .insertInto('sessions')
      .values({ tenant_id: org.tenant_id, token_hash: hash, person_id: person.id, device_id: null, created_at: now.toISOString(), expires_at: expiresAt, revoked_at: null })
      .execute();
    await recordAuthEvent(ctx.k, { tenantId: org.tenant_id, personId: person.id, deviceId: null, action: 'login_password', result: 'ok' }, now);
    // A workstation session: no device, so no delivery grant (the person's own PC keeps her session).
    return { token, expiresAt, person: personFromRow(person), organisation: organisationFromRow(org), deliveryGrant: null };
  });

  // Logout, lock, idle lock and user switch all end the session; the delivery grant stays valid so the
  // person's queued writes are still delivered as her after the next person has tapped in.
  register(app, ctx, routes.logout, async ({ body, principal: p }) => {
    await ctx.k
      .updateTable('sessions')
      .set({ revoked_at: ctx.now().toISOString() })
      .where('tenant_id', '=', p.tenantId)
      .where('token_hash', '=', p.tokenHash)
      .execute();
    const action = LOGOUT_ACTIONS[body?.reason ?? 'logout'];
    await recordAuthEvent(ctx.k, { tenantId: p.tenantId, personId: p.personId, deviceId: p.deviceId, action, result: 'ok' }, ctx.now());
    return { ok: true as const };
  });

  register(app, ctx, routes.me, async ({ principal: p }) => {
    const person = await ctx.k.selectFrom('people').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', p.personId).executeTakeFirstOrThrow();
    const org = await ctx.k.selectFrom('organisations').selectAll().where('tenant_id', '=', p.tenantId).executeTakeFirstOrThrow();
    return { person: personFromRow(person), organisation: organisationFromRow(org), memberships: await findMemberships(ctx.k, p.tenantId, p.personId) };
  });
}
