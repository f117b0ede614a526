import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import type { MyCelebrations } from '../../../common/src/api/routes/celebrations.js';
import type { ServerContext } from '../context.js';
import { register } from '../http/register.js';
import { settingsFromJson } from '../people/serialize.js';

/** Her own say over the kiosks: whether her birthday shows there. */
export function registerCelebrationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const mine = async (tenantId: string, personId: string): Promise<MyCelebrations> => {
    const person = await ctx.k.selectFrom('people').select(['birthday', 'birthday_hidden']).where('tenant_id', '=', tenantId).where('id', '=', personId).executeTakeFirstOrThrow();
    const org = await ctx.k.selectFrom('organisations').select('settings').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    return {
      birthdayKnown: person.birthday != null,
      birthdayShown: person.birthday_hidden !== 1,
      organisationShowsBirthdays: settingsFromJson(org.settings).celebrateBirthdays === true,
    };
  };

  register(app, ctx, routes.getMyCelebrations, async ({ principal: p }) => mine(p.tenantId, p.personId));

  register(app, ctx, routes.setMyCelebrations, async ({ body, principal: p }) => {
    await ctx.k
      .updateTable('people')
      .set({ birthday_hidden: body.birthdayShown ? 0 : 1, updated_at: ctx.now().toISOString() })
      .where('tenant_id', '=', p.tenantId)
      .where('id', '=', p.personId)
      .execute();
    return mine(p.tenantId, p.personId);
  });
}
