import type { Kysely } from 'kysely';
import type { Kiosk, KioskSignage } from '../../../common/src/api/routes/kiosks.js';
import type { Database } from '../db/schema.js';
import { celebrationsToday } from '../celebrations/celebrations.js';
import { sharedPolls } from '../polls/pollStore.js';
import { effectivePlaylist, loadPlaylist } from './playlists.js';

const POLLS_AT_MOST = 10;

type KioskRow = { id: string; name: string; location_id: string | null; location_name: string | null; last_seen_at: string | null; version: string | null };

/** Enrolled, unrevoked kiosks with where they stand and their last heartbeat. */
export function kioskRows(k: Kysely<Database>, tenantId: string) {
  return k
    .selectFrom('devices as d')
    .leftJoin('kiosks as x', (j) => j.onRef('x.tenant_id', '=', 'd.tenant_id').onRef('x.device_id', '=', 'd.id'))
    .leftJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 'x.tenant_id').onRef('l.id', '=', 'x.location_id'))
    .select(['d.id', 'd.name', 'x.location_id', 'l.name as location_name', 'x.last_seen_at', 'x.version'])
    .where('d.tenant_id', '=', tenantId)
    .where('d.mode', '=', 'kiosk')
    .where('d.revoked_at', 'is', null);
}

export async function kioskFromRow(k: Kysely<Database>, tenantId: string, r: KioskRow): Promise<Kiosk> {
  const own = await loadPlaylist(k, tenantId, 'kiosk', r.id);
  const local = !own && r.location_id ? await loadPlaylist(k, tenantId, 'location', r.location_id) : null;
  const org = !own && !local ? await loadPlaylist(k, tenantId, 'organisation', null) : null;
  return {
    id: r.id,
    name: r.name,
    locationId: r.location_id,
    locationName: r.location_name,
    lastSeenAt: r.last_seen_at,
    version: r.version,
    playlistScope: own ? 'kiosk' : local ? 'location' : org ? 'organisation' : 'default',
  };
}

/**
 * The groups of a location whose posts everyone may read: the location's own group and those of its
 * departments (private and archived groups never reach a kiosk's cache, so they are left out here too).
 */
async function locationGroupIds(k: Kysely<Database>, tenantId: string, locationId: string | null): Promise<string[]> {
  if (!locationId) return [];
  const departments = await k.selectFrom('departments').select('id').where('tenant_id', '=', tenantId).where('location_id', '=', locationId).execute();
  const rows = await k
    .selectFrom('groups')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('visibility', '!=', 'private')
    .where('archived_at', 'is', null)
    .where((w) =>
      w.or([
        w.and([w('managed_by', '=', 'location'), w('managed_id', '=', locationId)]),
        ...(departments.length > 0 ? [w.and([w('managed_by', '=', 'department'), w('managed_id', 'in', departments.map((d) => d.id))])] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Running polls a kiosk may show: the organisation's and those of its location's groups, newest first. */
async function runningPolls(k: Kysely<Database>, tenantId: string, groupIds: string[], now: Date) {
  const rows = await k
    .selectFrom('posts as p')
    .innerJoin('polls as q', (j) => j.onRef('q.tenant_id', '=', 'p.tenant_id').onRef('q.post_id', '=', 'p.id'))
    .select(['p.id', 'p.body'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.hidden_at', 'is', null)
    .where((w) => w.or([w('q.closes_at', 'is', null), w('q.closes_at', '>', now.toISOString())]))
    .where((w) => (groupIds.length > 0 ? w.or([w('p.group_id', 'is', null), w('p.group_id', 'in', groupIds)]) : w('p.group_id', 'is', null)))
    .orderBy('p.created_at', 'desc')
    .limit(POLLS_AT_MOST)
    .execute();
  const order = rows.map((r) => r.id);
  const polls = await sharedPolls(k, tenantId, new Map(rows.map((r) => [r.id, r.body])), now);
  return polls.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

/** What a kiosk is told at its heartbeat (and an editor's preview of it). */
export async function kioskSignage(k: Kysely<Database>, tenantId: string, kiosk: KioskRow, now: Date): Promise<KioskSignage> {
  const groupIds = await locationGroupIds(k, tenantId, kiosk.location_id);
  return {
    kiosk: { id: kiosk.id, name: kiosk.name, locationId: kiosk.location_id, locationName: kiosk.location_name },
    playlist: await effectivePlaylist(k, tenantId, kiosk.id, kiosk.location_id),
    groupIds,
    polls: await runningPolls(k, tenantId, groupIds, now),
    at: now.toISOString(),
    celebrations: await celebrationsToday(k, tenantId, kiosk.location_id, now),
  };
}
