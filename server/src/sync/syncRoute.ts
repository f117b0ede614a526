import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { routes } from '../../../common/src/api/routes.js';
import { readableIn, SUPPORTED_SYNC_PROTOCOLS, SYNC_PROTOCOL, type EntityName, type SyncChange, type SyncResponse, type SyncScope } from '../../../common/src/api/sync.js';
import type { ServerContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { ApiError, forbidden } from '../http/apiError.js';
import { register } from '../http/register.js';
import { membersOnly } from '../groups/access.js';
import { latestSeq } from './feed.js';
import { historyScope, historyStarts } from './groupHistory.js';
import { loadVisible, type Viewer } from './resolve.js';
import { createSharedPages } from './sharedPages.js';

export function registerSyncRoute(app: FastifyInstance, ctx: ServerContext): void {
  const sharedPages = createSharedPages();
  register(app, ctx, routes.sync, async ({ query, principal: p }) => {
    if (!(SUPPORTED_SYNC_PROTOCOLS as readonly number[]).includes(query.protocol)) {
      throw new ApiError('validation', 'Deze versie van Samen is te oud voor de server. Werk Samen bij.', [
        { path: 'query.protocol', message: `Ondersteund: ${SUPPORTED_SYNC_PROTOCOLS.join(', ')}` },
      ]);
    }
    // Pulls come because of an announcement; the streams still waiting for it go first.
    await ctx.realtime.delivered();
    // A device alone is nobody: it gets the shared part, which is the same for every employee.
    if (p.kind === 'device' && query.scope === 'personal') throw forbidden('Persoonlijke berichten vragen een ingelogde collega.');
    const scope = p.kind === 'device' ? 'shared' : query.scope;
    if (scope === 'shared') {
      // Resolved as for nobody in particular, so it is one page for every caller.
      const latest = await ctx.lookups.latestSeq(p.tenantId);
      const key = { tenantId: p.tenantId, since: query.since, limit: query.limit, protocol: query.protocol, latest };
      return sharedPages.get(key, () => syncPage(ctx.k, { tenantId: p.tenantId, personId: null }, query.since, query.limit, 'shared', query.protocol, latest, ctx.now()));
    }
    const viewer: Viewer = p.kind === 'person' ? { tenantId: p.tenantId, personId: p.personId } : { tenantId: p.tenantId, personId: null };
    return syncPage(ctx.k, viewer, query.since, query.limit, scope, query.protocol, await ctx.lookups.latestSeq(p.tenantId), ctx.now());
  });
}

/**
 * One page of the change feed for one caller. Scopes pre-filter the feed (the caller's private groups
 * and own items); the current state of each entity then decides what is sent, so an entity that was
 * deleted or is no longer visible goes out as a tombstone.
 */
export async function syncPage(
  k: Kysely<Database>,
  p: Viewer,
  since: number,
  limit: number,
  requested: SyncScope = 'all',
  protocol: number = SYNC_PROTOCOL,
  latestKnown?: number,
  now: Date = new Date(),
): Promise<SyncResponse> {
  // Nobody's member: a viewer without a person (a device) sees the shared part only.
  const scope: SyncScope = p.personId === null ? 'shared' : requested;
  // Read before the scan: every seq up to this one has committed (seqs are assigned under a lock held
  // until commit), so a short page may safely move the cursor up to it.
  const latest = latestKnown ?? (await latestSeq(k, p.tenantId));
  // The shared part is resolved as for someone in no group at all, so it is the same for every
  // person and safe to keep on a shared device's disk.
  const memberRows =
    scope === 'shared' || p.personId === null
      ? []
      : await k
          .selectFrom('group_members')
          .innerJoin('groups', (j) => j.onRef('groups.tenant_id', '=', 'group_members.tenant_id').onRef('groups.id', '=', 'group_members.group_id'))
          .select(['groups.id', 'groups.visibility', 'groups.archived_at'])
          .where('group_members.tenant_id', '=', p.tenantId)
          .where('group_members.person_id', '=', p.personId)
          .execute();
  const memberOf = new Set(memberRows.map((r) => r.id));
  const personal = scope !== 'shared' && p.personId !== null;
  const privateGroups = memberRows.filter((r) => membersOnly(r)).map((r) => r.id);
  const copied = personal ? await historyStarts(k, p.tenantId, p.personId!, privateGroups) : new Map<string, number>();
  const scopes = [
    ...(scope === 'personal' ? [] : ['org']),
    ...(personal ? [`person:${p.personId}`, ...privateGroups.filter((g) => !copied.has(g)).map((g) => `group:${g}`)] : []),
  ];

  const rows = await k
    .selectFrom('changes')
    .select(['seq', 'entity', 'entity_id', 'op'])
    .where('tenant_id', '=', p.tenantId)
    .where('seq', '>', since)
    .where((eb) =>
      eb.or([
        eb('scope', 'in', scopes),
        // A group she joined with a copy of its history: the copy instead of the group's own upserts before it.
        ...[...copied].flatMap(([groupId, start]) => [
          eb.and([eb('scope', '=', `group:${groupId}`), eb.or([eb('seq', '>', start), eb('op', '=', 'delete')])]),
          eb.and([eb('scope', '=', historyScope(p.personId!, groupId)), eb('seq', '>=', start)]),
        ]),
      ]),
    )
    .orderBy('seq')
    .limit(limit)
    .execute();

  const lastByKey = new Map<string, { seq: number; entity: EntityName; id: string }>();
  for (const r of rows) {
    const key = `${r.entity}/${r.entity_id}`;
    lastByKey.delete(key);
    lastByKey.set(key, { seq: Number(r.seq), entity: r.entity as EntityName, id: r.entity_id });
  }
  const wanted = new Map<EntityName, string[]>();
  for (const c of lastByKey.values()) wanted.set(c.entity, [...(wanted.get(c.entity) ?? []), c.id]);
  const visible = await loadVisible(k, { viewer: p, memberOf, now }, wanted);

  const changes: SyncChange[] = [];
  for (const c of [...lastByKey.values()].sort((a, b) => a.seq - b.seq)) {
    const found = visible.get(`${c.entity}/${c.id}`);
    if (found) changes.push({ seq: c.seq, entity: c.entity, id: c.id, op: 'upsert', data: found.data } as SyncChange);
    else changes.push({ seq: c.seq, entity: c.entity, id: c.id, op: 'delete' });

    if (c.entity !== 'membership') continue;
    const groupId = c.id.split(':')[0]!;
    if (!found && !memberOf.has(groupId)) {
      // Out of a group: if only members know it (private, archived), the caller may no longer know it
      // or anything in it. The group's own upsert is often not on this page (a personal pull has no
      // organisation-wide part), so its current state decides.
      const stillVisible = visible.has(`group/${groupId}`) || (await readableByAll(k, p.tenantId, groupId));
      if (!stillVisible) changes.push({ seq: c.seq, entity: 'group', id: groupId, op: 'delete' });
    }
  }

  const hasMore = rows.length === limit;
  const lastScanned = rows.length > 0 ? Number(rows[rows.length - 1]!.seq) : since;
  return {
    protocol,
    changes: changes.filter((c) => readableIn(protocol, c)),
    next: hasMore ? lastScanned : Math.max(latest, lastScanned, since),
    hasMore,
  };
}

async function readableByAll(k: Kysely<Database>, tenantId: string, groupId: string) {
  const g = await k.selectFrom('groups').select(['visibility', 'archived_at']).where('tenant_id', '=', tenantId).where('id', '=', groupId).executeTakeFirst();
  return g !== undefined && !membersOnly(g);
}
