import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import type { ServerContext } from '../context.js';
import { register } from '../http/register.js';

/** A person's own mail address and her choice about non-mandatory mailings. */
export function registerMailPreferenceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const current = async (tenantId: string, personId: string) => {
    const row = await ctx.k.selectFrom('person_mail').select(['address', 'opted_out']).where('tenant_id', '=', tenantId).where('person_id', '=', personId).executeTakeFirst();
    return { address: row?.address ?? null, optedOut: row?.opted_out === 1 };
  };

  register(app, ctx, routes.getMailPreference, async ({ principal: p }) => current(p.tenantId, p.personId));

  register(app, ctx, routes.setMailPreference, async ({ body, principal: p }) => {
    // Without an address there is nothing to opt out of; the answer says so by its null address.
    await ctx.k
      .updateTable('person_mail')
      .set({ opted_out: body.optedOut ? 1 : 0, updated_at: ctx.now().toISOString() })
      .where('tenant_id', '=', p.tenantId)
      .where('person_id', '=', p.personId)
      .execute();
    return current(p.tenantId, p.personId);
  });
}
