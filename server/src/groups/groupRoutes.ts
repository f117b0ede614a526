import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { membershipKey } from '../../../common/src/api/sync.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { recordActionOf, targetRef } from '../audit/audit.js';
import { isAdminOversight } from '../audit/oversight.js';
import { hasRole } from '../auth/principal.js';
import { write } from '../sync/feed.js';
import type { ServerContext } from '../context.js';
import { ApiError, forbidden, notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { assertNotArchived, contentScope, findMembership, groupFromRow, manageableGroup, membersOnly, membershipFromRow, visibleGroup, type GroupRow } from './access.js';
import { keptByDirectory } from './directoryGroups.js';
import { registerJoinRequestRoutes, settlePendingRequest } from './joinRequestRoutes.js';
import { dropMember, putMember } from './members.js';
import { noticeGroup } from './notices.js';
import { republishGroup } from './republish.js';
import { registerVisitRoutes } from './visitRoutes.js';

export function registerGroupRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // Everyone sees the groups anyone may read, and her own members-only ones (private or archived).
  register(app, ctx, routes.listGroups, async ({ principal: p }) => {
    const rows = await ctx.k
      .selectFrom('groups')
      .selectAll()
      .where('tenant_id', '=', p.tenantId)
      .where((eb) =>
        eb.or([
          eb.and([eb('visibility', '<>', 'private'), eb('archived_at', 'is', null)]),
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
      .orderBy('id')
      .execute();
    return { items: rows.map(groupFromRow) };
  });

  register(app, ctx, routes.getGroup, async ({ params, principal: p }) => groupFromRow((await visibleGroup(ctx.k, p, params.id)).group));

  register(app, ctx, routes.createGroup, async ({ body, principal: p }) => {
    const id = body.id ?? uuidv7(ctx.now().getTime());
    const now = ctx.now().toISOString();
    if (body.coverImageId) await assertOwnImage(ctx, p.tenantId, p.personId, body.coverImageId);
    const group: GroupRow = {
      tenant_id: p.tenantId,
      id,
      name: body.name,
      description: body.description,
      kind: body.kind,
      visibility: body.visibility,
      member_count: 1,
      created_by: p.personId,
      created_at: now,
      cover_image_id: body.coverImageId,
      archived_at: null,
      managed_by: null,
      managed_id: null,
      post_approval: 0,
    };
    await write(ctx, p.tenantId, async (trx, changes) => {
      const exists = await trx.selectFrom('groups').select('id').where('tenant_id', '=', p.tenantId).where('id', '=', id).executeTakeFirst();
      if (exists) throw new ApiError('conflict', 'Er bestaat al een groep met dit id.');
      await trx.insertInto('groups').values(group).execute();
      await trx
        .insertInto('group_members')
        .values({ tenant_id: p.tenantId, group_id: id, person_id: p.personId, role: 'admin', joined_at: now, show_in_timeline: body.kind === 'work' ? 1 : 0 })
        .execute();
      changes.add('group', id, 'upsert', contentScope(group));
      changes.add('membership', membershipKey(id, p.personId), 'upsert', `person:${p.personId}`);
    });
    return groupFromRow(group);
  });

  register(app, ctx, routes.updateGroup, async ({ params, body, principal: p }) => {
    const { group, membership: mine } = await manageableGroup(ctx.k, p, params.id);
    if (mine?.role !== 'admin' && !hasRole(p, 'admin')) throw forbidden('Alleen een beheerder van de groep kan de instellingen wijzigen.');
    if (group.archived_at != null && body.archived !== false) assertNotArchived(group);
    if (group.managed_by && (body.visibility !== undefined || body.kind !== undefined || body.archived !== undefined)) {
      throw new ApiError('directory_group', 'Deze groep volgt de afdeling of locatie: zichtbaarheid, soort en archiveren liggen vast.');
    }
    if (body.coverImageId) await assertOwnImage(ctx, p.tenantId, p.personId, body.coverImageId, group.cover_image_id);
    const now = ctx.now().toISOString();
    const after: GroupRow = {
      ...group,
      name: body.name ?? group.name,
      description: body.description ?? group.description,
      kind: body.kind ?? group.kind,
      visibility: body.visibility ?? group.visibility,
      cover_image_id: body.coverImageId === undefined ? group.cover_image_id : body.coverImageId,
      archived_at: body.archived === undefined ? group.archived_at : body.archived ? (group.archived_at ?? now) : null,
    };
    await write(ctx, p.tenantId, async (trx, changes) => {
      await trx
        .updateTable('groups')
        .set({ name: after.name, description: after.description, kind: after.kind, visibility: after.visibility, cover_image_id: after.cover_image_id, archived_at: after.archived_at })
        .where('tenant_id', '=', p.tenantId)
        .where('id', '=', group.id)
        .execute();
      if (isAdminOversight(p, group, mine)) {
        const detail = { visibility: after.visibility, archived: after.archived_at ? 'true' : 'false' };
        await recordActionOf(trx, p, { action: 'group_updated', target: targetRef('group', group.id), detail }, ctx.now());
      }
      if (membersOnly(group) !== membersOnly(after)) await republishGroup(trx, changes, after);
      else changes.add('group', group.id, 'upsert', contentScope(after));
    });
    return groupFromRow(after);
  });

  register(app, ctx, routes.listGroupMembers, async ({ params, principal: p }) => {
    await visibleGroup(ctx.k, p, params.id);
    const rows = await ctx.k.selectFrom('group_members').selectAll().where('tenant_id', '=', p.tenantId).where('group_id', '=', params.id).orderBy('joined_at').orderBy('person_id').execute();
    // Another member's own choices (mute, timeline, last visit) are hers alone.
    return { items: rows.map((r) => (r.person_id === p.personId ? membershipFromRow(r) : { ...membershipFromRow(r), showInTimeline: false, muted: false, lastVisitAt: null })) };
  });

  register(app, ctx, routes.addGroupMember, async ({ params, body, principal: p }) => {
    const { group, membership: mine } = await manageableGroup(ctx.k, p, params.id);
    const self = params.personId === p.personId;
    const isGroupAdmin = mine?.role === 'admin' || hasRole(p, 'admin');
    const role = body?.role ?? 'member';
    if (!isGroupAdmin && (!self || group.visibility !== 'open' || role !== 'member')) {
      throw forbidden(group.visibility === 'open' ? 'Alleen een beheerder van de groep kan dit.' : 'Vraag een beheerder van de groep om je toe te voegen.');
    }
    assertNotArchived(group);
    const person = await ctx.k.selectFrom('people').select(['id', 'active']).where('tenant_id', '=', p.tenantId).where('id', '=', params.personId).executeTakeFirst();
    if (!person || person.active !== 1) throw notFound('Deze collega is niet gevonden.');
    const now = ctx.now();
    await write(ctx, p.tenantId, async (trx, changes) => {
      const existing = await findMembership(trx, p.tenantId, group.id, params.personId);
      if (existing?.role === role) return;
      if (isAdminOversight(p, group, mine)) {
        const detail = { person: targetRef('person', params.personId), role, previousRole: existing?.role ?? null };
        await recordActionOf(trx, p, { action: existing ? 'group_member_role_changed' : 'group_member_added', target: targetRef('group', group.id), detail }, now);
      }
      const added = await putMember(trx, changes, group, params.personId, role, now);
      if (added && !self) await noticeGroup(trx, changes, { tenantId: p.tenantId, recipients: [params.personId], kind: 'group_added', actorId: p.personId, groupId: group.id, now });
      if (added) await settlePendingRequest(trx, p.tenantId, group.id, params.personId, p.personId, now, changes);
    });
    const row = await findMembership(ctx.k, p.tenantId, group.id, params.personId);
    if (!row) throw notFound('Deze collega is niet (meer) lid.');
    return self ? membershipFromRow(row) : { ...membershipFromRow(row), showInTimeline: false, muted: false, lastVisitAt: null };
  });

  register(app, ctx, routes.removeGroupMember, async ({ params, principal: p }) => {
    const { group, membership: mine } = await manageableGroup(ctx.k, p, params.id);
    const self = params.personId === p.personId;
    if (!self && mine?.role !== 'admin' && !hasRole(p, 'admin')) throw forbidden('Alleen een beheerder van de groep kan iemand verwijderen.');
    if (await keptByDirectory(ctx.k, group, params.personId)) {
      throw new ApiError('directory_group', 'Iedereen die hier werkt hoort bij deze groep; dat volgt de afdeling of locatie.');
    }
    await write(ctx, p.tenantId, async (trx, changes) => {
      if (isAdminOversight(p, group, mine) && (await findMembership(trx, p.tenantId, group.id, params.personId))) {
        await recordActionOf(trx, p, { action: 'group_member_removed', target: targetRef('group', group.id), detail: { person: targetRef('person', params.personId) } }, ctx.now());
      }
      await dropMember(trx, changes, group, params.personId);
    });
    return { ok: true as const };
  });

  register(app, ctx, routes.updateMyMembership, async ({ params, body, principal: p }) => {
    const { group, membership } = await visibleGroup(ctx.k, p, params.id);
    if (!membership) throw new ApiError('conflict', 'Je bent geen lid van deze groep.');
    const row = await write(ctx, p.tenantId, async (trx, changes) => {
      const updated = await trx
        .updateTable('group_members')
        .set({
          show_in_timeline: body.showInTimeline === undefined ? membership.show_in_timeline : body.showInTimeline ? 1 : 0,
          muted: body.muted === undefined ? membership.muted : body.muted ? 1 : 0,
        })
        .where('tenant_id', '=', p.tenantId)
        .where('group_id', '=', group.id)
        .where('person_id', '=', p.personId)
        .returningAll()
        .executeTakeFirstOrThrow();
      changes.add('membership', membershipKey(group.id, p.personId), 'upsert', `person:${p.personId}`);
      return updated;
    });
    return membershipFromRow(row);
  });

  registerJoinRequestRoutes(app, ctx);
  registerVisitRoutes(app, ctx);
}

/** A cover is an image the caller uploaded herself (or the one the group already has). */
async function assertOwnImage(ctx: ServerContext, tenantId: string, personId: string, imageId: string, current: string | null = null) {
  if (imageId === current) return;
  const image = await ctx.k.selectFrom('images').select(['owner_id', 'post_id']).where('tenant_id', '=', tenantId).where('id', '=', imageId).executeTakeFirst();
  if (!image || image.owner_id !== personId || image.post_id !== null) {
    throw new ApiError('validation', 'Deze omslagfoto is niet gevonden. Kies de foto opnieuw.', [{ path: 'body.coverImageId', message: 'Onbekend.' }]);
  }
}
