import type { Kysely } from 'kysely';
import { z } from 'zod';
import { PlaylistEntrySchema, type Playlist, type PlaylistEntry, type PlaylistScope } from '../../../common/src/api/routes/kiosks.js';
import type { Database } from '../db/schema.js';

const StoredEntries = z.array(PlaylistEntrySchema);

/** The organisation's playlist is keyed by '' so the primary key needs no null. */
export const targetKey = (scope: PlaylistScope, targetId: string | null): string => (scope === 'organisation' ? '' : (targetId ?? ''));

type Row = { scope: string; target_id: string; entries: string; updated_at: string };

const fromRow = (r: Row): Playlist => ({
  scope: r.scope as PlaylistScope,
  targetId: r.scope === 'organisation' ? null : r.target_id,
  // Entries were checked on the way in; a stored list that no longer reads (a kind this server
  // dropped) plays what still reads rather than nothing.
  entries: readEntries(r.entries),
  updatedAt: r.updated_at,
});

function readEntries(json: string): PlaylistEntry[] {
  const stored: unknown = JSON.parse(json);
  const whole = StoredEntries.safeParse(stored);
  if (whole.success) return whole.data;
  return (Array.isArray(stored) ? (stored as unknown[]) : []).flatMap((e) => {
    const one = PlaylistEntrySchema.safeParse(e);
    return one.success ? [one.data] : [];
  });
}

export async function loadPlaylist(k: Kysely<Database>, tenantId: string, scope: PlaylistScope, targetId: string | null): Promise<Playlist | null> {
  const row = await k
    .selectFrom('kiosk_playlists')
    .select(['scope', 'target_id', 'entries', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .where('scope', '=', scope)
    .where('target_id', '=', targetKey(scope, targetId))
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** The playlist a kiosk plays: its own, else its location's, else the organisation's; null when none is set. */
export async function effectivePlaylist(k: Kysely<Database>, tenantId: string, kioskId: string, locationId: string | null): Promise<Playlist | null> {
  return (
    (await loadPlaylist(k, tenantId, 'kiosk', kioskId)) ??
    (locationId ? await loadPlaylist(k, tenantId, 'location', locationId) : null) ??
    (await loadPlaylist(k, tenantId, 'organisation', null))
  );
}

/** Saves a playlist whole; an empty list removes it, so the next less specific one applies again. */
export async function savePlaylist(
  k: Kysely<Database>,
  o: { tenantId: string; scope: PlaylistScope; targetId: string | null; entries: PlaylistEntry[]; by: string; now: Date },
): Promise<Playlist | null> {
  const target = targetKey(o.scope, o.targetId);
  if (o.entries.length === 0) {
    await k.deleteFrom('kiosk_playlists').where('tenant_id', '=', o.tenantId).where('scope', '=', o.scope).where('target_id', '=', target).execute();
    return null;
  }
  const row = { entries: JSON.stringify(o.entries), updated_at: o.now.toISOString(), updated_by: o.by };
  await k
    .insertInto('kiosk_playlists')
    .values({ tenant_id: o.tenantId, scope: o.scope, target_id: target, ...row })
    .onConflict((c) => c.columns(['tenant_id', 'scope', 'target_id']).doUpdateSet(row))
    .execute();
  return { scope: o.scope, targetId: o.scope === 'organisation' ? null : target, entries: o.entries, updatedAt: row.updated_at };
}
