import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { routes } from '../../../common/src/api/routes.js';
import { membershipKey } from '../../../common/src/api/sync.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { recordActionOf, targetRef } from '../audit/audit.js';
import { isAdminOversight } from '../audit/oversight.js';
import { hasRole, type Principal } from '../auth/principal.js';
import { write, type ChangeCollector, type Trx } from '../sync/feed.js';
import { recordGroupHistory } from '../sync/groupHistory.js';
import type { ServerContext } from '../context.js';
import { ApiError, forbidden, notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { contentScope, findMembership, groupFromRow, manageableGroup, membershipFromRow, visibleGroup } from './access.js';

export function registerGroupRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.listGroups, async ({ principal: p }) => {
    const rows = await ctx.k
      .selectFrom('groups')
      .selectAll()
      .where('tenant_id', '=', p.tenantId)
      .where((eb) =>
        eb.or([
          eb('visibility', '<>', 'private'),
          eb.exists(
            eb
              .selectFrom('group_members as m')
              .select('m.group_id')
              .where('m.tenant_id', '=', p.tenantId)
              .whereRef('m.group_id', '=', 'groups.id')
              .where('m.person_id', '=', p.personId),
          ),
        ]),
      )
      .orderBy('name')
      .execute();
    return { items: rows.map(groupFromRow) };
  });

  register(app, ctx, routes.getGroup, async ({ params, principal: p }) => groupFromRow((await visibleGroup(ctx.k, p, params.id)).group));

  register(app, ctx, routes.createGroup, async ({ body, principal: p }) => {
    const id = body.id ?? uuidv7(ctx.now().getTime());
    const now = ctx.now().toISOString();
    const group = { tenant_id: p.tenantId, id, name: body.name, description: body.description, kind: body.kind, visibility: body.visibility, member_count: 1, created_by: p.personId, created_at: now };
    await write(ctx, p.tenantId, async (trx, changes) => {
      const exists = await trx.selectFrom('groups').select('id').where('tenant_id', '=', p.tenantId).where('id', '=', id).executeTakeFirst();
      if (exists) throw new ApiError('conflict', 'Er bestaat al een groep met dit id.');
      await trx.insertInto('groups').values(group).execute();
      await trx.insertInto('group_members').values({ tenant_id: p.tenantId, group_id: id, person_id: p.personId, role: 'admin', joined_at: now }).execute();
      changes.add('group', id, 'upsert', contentScope(group));
      changes.add('membership', membershipKey(id, p.personId), 'upsert', `person:${p.personId}`);
    });
    return groupFromRow(group);
  });

  register(app, ctx, routes.listGroupMembers, async ({ params, principal: p }) => {
    await visibleGroup(ctx.k, p, params.id);
    const rows = await ctx.k.selectFrom('group_members').selectAll().where('tenant_id', '=', p.tenantId).where('group_id', '=', params.id).orderBy('joined_at').execute();
    return { items: rows.map(membershipFromRow) };
  });

  register(app, ctx, routes.addGroupMember, async ({ params, body, principal: p }) => {
    const { group, membership: mine } = await manageableGroup(ctx.k, p, params.id);
    const self = params.personId === p.personId;
    const isGroupAdmin = mine?.role === 'admin' || hasRole(p, 'admin');
    const role = body?.role ?? 'member';
    if (!isGroupAdmin && (!self || group.visibility !== 'open' || role !== 'member')) {
      throw forbidden(group.visibility === 'open' ? 'Alleen een beheerder van de groep kan dit.' : 'Vraag een beheerder van de groep om je toe te voegen.');
    }
    const person = await ctx.k.selectFrom('people').select(['id', 'active']).where('tenant_id', '=', p.tenantId).where('id', '=', params.personId).executeTakeFirst();
    if (!person || person.active !== 1) throw notFound('Deze collega is niet gevonden.');
    await write(ctx, p.tenantId, async (trx, changes) => {
      const existing = await findMembership(trx, p.tenantId, group.id, params.personId);
      if (existing?.role === role) return;
      if (isAdminOversight(p, group, mine)) {
        const detail = { person: targetRef('person', params.personId), role, previousRole: existing?.role ?? null };
        await recordActionOf(trx, p, { action: existing ? 'group_member_role_changed' : 'group_member_added', target: targetRef('group', group.id), detail }, ctx.now());
      }
      if (existing) {
        await trx.updateTable('group_members').set({ role }).where('tenant_id', '=', p.tenantId).where('group_id', '=', group.id).where('person_id', '=', params.personId).execute();
      } else {
        await trx.insertInto('group_members').values({ tenant_id: p.tenantId, group_id: group.id, person_id: params.personId, role, joined_at: ctx.now().toISOString() }).execute();
        await adjustMemberCount(trx, p, group.id, +1);
        changes.add('group', group.id, 'upsert', contentScope(group));
      }
      changes.add('membership', membershipKey(group.id, params.personId), 'upsert', `person:${params.personId}`);
      if (!existing && group.visibility === 'private') await recordGroupHistory(trx, changes, { tenantId: p.tenantId, groupId: group.id, personId: params.personId });
    });
    return { groupId: group.id, personId: params.personId, role };
  });

  register(app, ctx, routes.removeGroupMember, async ({ params, principal: p }) => {
    const { group, membership: mine } = await manageableGroup(ctx.k, p, params.id);
    const self = params.personId === p.personId;
    if (!self && mine?.role !== 'admin' && !hasRole(p, 'admin')) throw forbidden('Alleen een beheerder van de groep kan iemand verwijderen.');
    await write(ctx, p.tenantId, async (trx, changes) => {
      const removed = await trx
        .deleteFrom('group_members')
        .where('tenant_id', '=', p.tenantId)
        .where('group_id', '=', group.id)
        .where('person_id', '=', params.personId)
        .returning('person_id')
        .executeTakeFirst();
      if (!removed) return;
      if (isAdminOversight(p, group, mine)) {
        await recordActionOf(trx, p, { action: 'group_member_removed', target: targetRef('group', group.id), detail: { person: targetRef('person', params.personId) } }, ctx.now());
      }
      await adjustMemberCount(trx, p, group.id, -1);
      recordMembershipRemoval(changes, group, params.personId);
    });
    return { ok: true as const };
  });
}

async function adjustMemberCount(trx: Trx, p: Principal, groupId: string, delta: number) {
  await trx
    .updateTable('groups')
    .set({ member_count: sql`member_count + ${delta}` })
    .where('tenant_id', '=', p.tenantId)
    .where('id', '=', groupId)
    .execute();
}

/**
 * The removed person hears of it through their own scope; when the group is private, the sync turns
 * that into a tombstone of the whole group, so their cache drops its content at once.
 */
function recordMembershipRemoval(changes: ChangeCollector, group: { id: string; visibility: string }, personId: string) {
  changes.add('membership', membershipKey(group.id, personId), 'delete', `person:${personId}`);
  changes.add('group', group.id, 'upsert', contentScope(group));
}
