import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { membershipKey } from '../../../common/src/api/sync.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';
import { register } from '../http/register.js';
import { write } from '../sync/feed.js';
import { membersOnly } from './access.js';

/** A visit longer than this is a screen left open, not time spent: it is cut here. */
const VISIT_MAX_MS = 4 * 3_600_000;

/**
 * Records time spent in groups: who had which group open from when to when, nothing of what was read.
 * A visit sent twice (a retried batch) counts once. Each member's last visit moves forward, so her
 * new-post counts start from there on every device.
 */
export function registerVisitRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.recordGroupVisits, async ({ body, principal: p }) => {
    const now = ctx.now().getTime();
    for (const [i, v] of body.visits.entries()) {
      const entered = Date.parse(v.enteredAt);
      const left = Date.parse(v.leftAt);
      if (left < entered || left > now + 60_000) {
        throw new ApiError('validation', 'Een bezoek eindigt na het begin en niet in de toekomst.', [{ path: `body.visits.${i}`, message: 'Ongeldige tijden.' }]);
      }
    }
    const groupIds = [...new Set(body.visits.map((v) => v.groupId))];
    await write(ctx, p.tenantId, async (trx, changes) => {
      const groups = await trx.selectFrom('groups').select(['id', 'visibility', 'archived_at']).where('tenant_id', '=', p.tenantId).where('id', 'in', groupIds).execute();
      const memberships = await trx.selectFrom('group_members').select(['group_id', 'last_visit_at']).where('tenant_id', '=', p.tenantId).where('person_id', '=', p.personId).where('group_id', 'in', groupIds).execute();
      const member = new Map(memberships.map((m) => [m.group_id, m.last_visit_at]));
      // A group she may not (or no longer) see is left out rather than refused: the batch was gathered before.
      const known = new Set(groups.filter((g) => !membersOnly(g) || member.has(g.id)).map((g) => g.id));
      const latest = new Map<string, string>();
      for (const v of body.visits) {
        if (!known.has(v.groupId)) continue;
        const left = new Date(Math.min(Date.parse(v.leftAt), Date.parse(v.enteredAt) + VISIT_MAX_MS)).toISOString();
        await trx
          .insertInto('group_visits')
          .values({ tenant_id: p.tenantId, group_id: v.groupId, person_id: p.personId, entered_at: v.enteredAt, left_at: left })
          .onConflict((oc) => oc.columns(['tenant_id', 'group_id', 'person_id', 'entered_at']).doNothing())
          .execute();
        if (member.has(v.groupId) && (latest.get(v.groupId) ?? '') < left) latest.set(v.groupId, left);
      }
      for (const [groupId, at] of latest) {
        if ((member.get(groupId) ?? '') >= at) continue;
        await trx.updateTable('group_members').set({ last_visit_at: at }).where('tenant_id', '=', p.tenantId).where('group_id', '=', groupId).where('person_id', '=', p.personId).execute();
        changes.add('membership', membershipKey(groupId, p.personId), 'upsert', `person:${p.personId}`);
      }
    });
    return { ok: true as const };
  });
}
