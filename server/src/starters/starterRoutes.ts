import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { nextStarterAt } from '../../../common/src/starters/rhythm.js';
import { mayModerate, type Principal } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { assertNotArchived, visibleGroup } from '../groups/access.js';
import { ApiError, forbidden } from '../http/apiError.js';
import { register } from '../http/register.js';
import { askStarter } from './askStarter.js';
import { findStarters, settingsOf } from './starterStore.js';

const editorsOnly = (p: Principal) => {
  if (!mayModerate(p)) throw forbidden('Alleen redacteuren beheren de gespreksstarters.');
};

/**
 * Editors keep the organisation's conversation starters: one list, one rhythm, one place (the
 * organisation's timeline or a group). Saving plans the next slot from now; the posting job
 * (`askStarter.ts`) asks the questions in the name of the editor who saved last.
 */
export function registerStarterRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.getStarterSettings, async ({ principal: p }) => {
    editorsOnly(p);
    return settingsOf(await findStarters(ctx.k, p.tenantId), ctx.now());
  });

  register(app, ctx, routes.setStarterSettings, async ({ body, principal: p }) => {
    editorsOnly(p);
    if (body.groupId) assertNotArchived((await visibleGroup(ctx.k, p, body.groupId)).group);
    const now = ctx.now();
    const questions = body.questions.map((q) => ({ id: q.id ?? uuidv7(now.getTime()), text: q.text }));
    if (new Set(questions.map((q) => q.id)).size !== questions.length) {
      throw new ApiError('validation', 'Elke vraag één keer.', [{ path: 'body.questions', message: 'Elke vraag één keer.' }]);
    }
    const nextAt = body.enabled && questions.length > 0 ? nextStarterAt(body.rhythm, now).toISOString() : null;
    const values = {
      questions: JSON.stringify(questions),
      rhythm: JSON.stringify(body.rhythm),
      group_id: body.groupId,
      enabled: body.enabled ? 1 : 0,
      author_id: p.personId,
      next_at: nextAt,
      updated_at: now.toISOString(),
    };
    await ctx.k
      .insertInto('conversation_starters')
      .values({ tenant_id: p.tenantId, last_question_id: null, ...values })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
      .execute();
    return settingsOf(await findStarters(ctx.k, p.tenantId), now);
  });

  register(app, ctx, routes.askNextStarter, async ({ principal: p }) => {
    editorsOnly(p);
    const row = await findStarters(ctx.k, p.tenantId);
    if (!row || row.questions === '[]') throw new ApiError('validation', 'Sla eerst een lijst met vragen op.');
    const postId = await askStarter(ctx, p.tenantId, { now: true });
    if (!postId) throw new ApiError('conflict', 'De vraag kon nu niet worden geplaatst. Kijk of de groep nog bestaat en probeer het opnieuw.');
    return { postId };
  });
}
