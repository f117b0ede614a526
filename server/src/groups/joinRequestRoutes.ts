import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import { routes } from '../../../common/src/api/routes.js';
import type { JoinRequest } from '../../../common/src/api/entities.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { recordActionOf, targetRef } from '../audit/audit.js';
import { isAdminOversight } from '../audit/oversight.js';
import { hasRole } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import type { GroupJoinRequestsTable } from '../db/schema.js';
import { ApiError, forbidden, notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { write, type ChangeCollector, type Trx } from '../sync/feed.js';
import { assertNotArchived, manageableGroup, visibleGroup } from './access.js';
import { putMember } from './members.js';
import { groupAdminIds, noticeGroup } from './notices.js';

export const joinRequestFromRow = (r: Selectable<GroupJoinRequestsTable>): JoinRequest => ({
  id: r.id,
  groupId: r.group_id,
  personId: r.person_id,
  status: r.status as JoinRequest['status'],
  createdAt: r.created_at,
  decidedAt: r.decided_at,
});

/** A request reaches the person who asked and every admin of the group. */
function announceRequest(changes: ChangeCollector, id: string, personId: string, admins: string[]) {
  for (const to of new Set([personId, ...admins])) changes.add('joinRequest', id, 'upsert', `person:${to}`);
}

export function registerJoinRequestRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.requestToJoin, async ({ params, principal: p }) => {
    const { group, membership } = await visibleGroup(ctx.k, p, params.id);
    assertNotArchived(group);
    if (membership) throw new ApiError('conflict', 'Je bent al lid van deze groep.');
    if (group.visibility !== 'closed') throw new ApiError('conflict', 'Bij deze groep kun je zelf lid worden.');
    const now = ctx.now();
    return write(ctx, p.tenantId, async (trx, changes) => {
      const open = await trx
        .selectFrom('group_join_requests')
        .selectAll()
        .where('tenant_id', '=', p.tenantId)
        .where('group_id', '=', group.id)
        .where('person_id', '=', p.personId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (open) return joinRequestFromRow(open);
      const row = { tenant_id: p.tenantId, id: uuidv7(now.getTime()), group_id: group.id, person_id: p.personId, status: 'pending', created_at: now.toISOString(), decided_at: null, decided_by: null };
      await trx.insertInto('group_join_requests').values(row).execute();
      const admins = await groupAdminIds(trx, p.tenantId, group.id);
      announceRequest(changes, row.id, p.personId, admins);
      await noticeGroup(trx, changes, { tenantId: p.tenantId, recipients: admins, kind: 'join_request', actorId: p.personId, groupId: group.id, now });
      return joinRequestFromRow(row);
    });
  });

  register(app, ctx, routes.listJoinRequests, async ({ params, principal: p }) => {
    const { group, membership } = await manageableGroup(ctx.k, p, params.id);
    if (membership?.role !== 'admin' && !hasRole(p, 'admin')) throw forbidden('Alleen een beheerder van de groep ziet de aanvragen.');
    const rows = await ctx.k
      .selectFrom('group_join_requests')
      .selectAll()
      .where('tenant_id', '=', p.tenantId)
      .where('group_id', '=', group.id)
      .where('status', '=', 'pending')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return { items: rows.map(joinRequestFromRow) };
  });

  register(app, ctx, routes.decideJoinRequest, async ({ params, body, principal: p }) => {
    const { group, membership: mine } = await manageableGroup(ctx.k, p, params.id);
    if (mine?.role !== 'admin' && !hasRole(p, 'admin')) throw forbidden('Alleen een beheerder van de groep beslist over aanvragen.');
    assertNotArchived(group);
    const now = ctx.now();
    return write(ctx, p.tenantId, async (trx, changes) => {
      const request = await trx.selectFrom('group_join_requests').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', params.requestId).where('group_id', '=', group.id).executeTakeFirst();
      if (!request) throw notFound('Deze aanvraag bestaat niet (meer).');
      const status = body.decision === 'approve' ? 'approved' : 'declined';
      if (request.status !== 'pending') {
        if (request.status === status) return joinRequestFromRow(request);
        throw new ApiError('conflict', 'Over deze aanvraag is al beslist.');
      }
      const decided = { ...request, status, decided_at: now.toISOString(), decided_by: p.personId };
      await trx.updateTable('group_join_requests').set({ status, decided_at: decided.decided_at, decided_by: p.personId }).where('tenant_id', '=', p.tenantId).where('id', '=', request.id).execute();
      if (isAdminOversight(p, group, mine)) {
        await recordActionOf(trx, p, { action: 'group_request_decided', target: targetRef('group', group.id), detail: { person: targetRef('person', request.person_id), decision: status } }, now);
      }
      announceRequest(changes, request.id, request.person_id, await groupAdminIds(trx, p.tenantId, group.id));
      if (status === 'approved') {
        const person = await trx.selectFrom('people').select('active').where('tenant_id', '=', p.tenantId).where('id', '=', request.person_id).executeTakeFirst();
        if (person?.active === 1 && (await putMember(trx, changes, group, request.person_id, 'member', now))) {
          await noticeGroup(trx, changes, { tenantId: p.tenantId, recipients: [request.person_id], kind: 'group_added', actorId: p.personId, groupId: group.id, now });
        }
      }
      return joinRequestFromRow(decided);
    });
  });
}

/** Someone let in by an admin while she had asked to join: her request is answered by it. */
export async function settlePendingRequest(trx: Trx, tenantId: string, groupId: string, personId: string, decidedBy: string, now: Date, changes: ChangeCollector) {
  const settled = await trx
    .updateTable('group_join_requests')
    .set({ status: 'approved', decided_at: now.toISOString(), decided_by: decidedBy })
    .where('tenant_id', '=', tenantId)
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .where('status', '=', 'pending')
    .returning('id')
    .execute();
  const admins = settled.length > 0 ? await groupAdminIds(trx, tenantId, groupId) : [];
  for (const r of settled) announceRequest(changes, r.id, personId, admins);
}

/** Whether the viewer may see these requests: her own, and those of groups she is an admin of. */
export async function visibleJoinRequests(k: Trx | ServerContext['k'], tenantId: string, personId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await k.selectFrom('group_join_requests').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  const groups = [...new Set(rows.filter((r) => r.person_id !== personId).map((r) => r.group_id))];
  const adminOf =
    groups.length === 0
      ? new Set<string>()
      : new Set(
          (
            await k.selectFrom('group_members').select('group_id').where('tenant_id', '=', tenantId).where('person_id', '=', personId).where('role', '=', 'admin').where('group_id', 'in', groups).execute()
          ).map((r) => r.group_id),
        );
  return rows.filter((r) => r.person_id === personId || adminOf.has(r.group_id)).map(joinRequestFromRow);
}
