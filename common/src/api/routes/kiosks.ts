import { z } from 'zod';
import { PollSchema } from '../entities.js';
import { Id, Timestamp, UserText } from '../primitives.js';
import { defineRoute } from '../route.js';
import { CelebrationsSchema } from './celebrations.js';
import { IdParams } from './shared.js';

/** How long one item stays on a kiosk's screen, and how often it comes round relative to the others. */
export const ITEM_SECONDS_MIN = 5;
export const ITEM_SECONDS_MAX = 300;
export const ITEM_WEIGHT_MAX = 10;
export const PLAYLIST_ENTRIES_MAX = 40;
export const SLIDE_TITLE_MAX = 120;
export const SLIDE_TEXT_MAX = 600;

const Timing = {
  seconds: z.number().int().min(ITEM_SECONDS_MIN).max(ITEM_SECONDS_MAX),
  weight: z.number().int().min(1).max(ITEM_WEIGHT_MAX),
};

/**
 * One line of a kiosk's playlist. Most kinds name a source the kiosk fills from its own synced content
 * (each pinned post, each new post of the location's groups, ...); a slide is the editor's own.
 * An entry may end (`until`): after that the kiosk skips it without anyone editing the playlist.
 */
export const PlaylistEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pinned'), ...Timing, until: Timestamp.nullable().default(null) }),
  z.strictObject({ kind: z.literal('newPosts'), ...Timing, until: Timestamp.nullable().default(null), count: z.number().int().min(1).max(10).default(5) }),
  z.strictObject({ kind: z.literal('polls'), ...Timing, until: Timestamp.nullable().default(null) }),
  z.strictObject({ kind: z.literal('readRequired'), ...Timing, until: Timestamp.nullable().default(null) }),
  z.strictObject({ kind: z.literal('topOfWeek'), ...Timing, until: Timestamp.nullable().default(null) }),
  /** Today's birthdays and work anniversaries, where the organisation shows them. */
  z.strictObject({ kind: z.literal('celebrations'), ...Timing, until: Timestamp.nullable().default(null) }),
  z.strictObject({
    kind: z.literal('slide'),
    ...Timing,
    until: Timestamp.nullable().default(null),
    /** Made by the editor's client, so a slide keeps its place in the rotation across edits. */
    id: Id,
    title: UserText(SLIDE_TITLE_MAX).transform((s) => s.trim()).pipe(z.string().min(1, 'Geef de dia een titel.')),
    text: UserText(SLIDE_TEXT_MAX).transform((s) => s.trim()),
    imageId: Id.nullable().default(null),
  }),
]);
export type PlaylistEntry = z.output<typeof PlaylistEntrySchema>;
export type PlaylistEntryKind = PlaylistEntry['kind'];

/** Whose playlist: the organisation's default, a location's, or one kiosk's own (the most specific wins). */
export const PlaylistScope = z.enum(['organisation', 'location', 'kiosk']);
export type PlaylistScope = z.infer<typeof PlaylistScope>;

export const PlaylistSchema = z.object({
  scope: PlaylistScope,
  /** The location's or kiosk's id; null for the organisation's. */
  targetId: Id.nullable(),
  entries: z.array(PlaylistEntrySchema).max(PLAYLIST_ENTRIES_MAX),
  updatedAt: Timestamp,
});
export type Playlist = z.infer<typeof PlaylistSchema>;

/**
 * Everything a kiosk needs beyond its synced cache, answered at each heartbeat: the playlist that
 * applies to it (null: none configured, the kiosk plays its default), the groups of its location
 * (whose new posts it shows), and the running polls with the counts everyone may see.
 */
export const KioskSignageSchema = z.object({
  kiosk: z.object({ id: Id, name: z.string(), locationId: Id.nullable(), locationName: z.string().nullable() }),
  playlist: PlaylistSchema.nullable(),
  groupIds: z.array(Id),
  polls: z.array(PollSchema),
  at: Timestamp,
  /** Null: the organisation shows neither; absent from servers before celebrations. */
  celebrations: CelebrationsSchema.nullable().optional(),
});
export type KioskSignage = z.infer<typeof KioskSignageSchema>;

export const KioskSchema = z.object({
  id: Id,
  name: z.string(),
  locationId: Id.nullable(),
  locationName: z.string().nullable(),
  lastSeenAt: Timestamp.nullable(),
  version: z.string().nullable(),
  /** Whose playlist it plays now. `default`: nobody configured one. */
  playlistScope: z.enum(['organisation', 'location', 'kiosk', 'default']),
});
export type Kiosk = z.infer<typeof KioskSchema>;

/** An app version as the kiosk reports it ("0.4.1", "0.5.0-beta.2"). */
const AppVersion = z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/, 'geen geldige versie');

export const PlaylistQuery = z.strictObject({ scope: PlaylistScope, targetId: Id.optional() });

export const kioskRoutes = {
  kioskHeartbeat: defineRoute({
    method: 'POST',
    path: '/v1/kiosk/heartbeat',
    summary: 'A kiosk says it is alive (and its version); answered with its playlist, its location\'s groups and the running polls',
    auth: 'device',
    body: z.strictObject({ version: AppVersion }),
    response: KioskSignageSchema,
  }),
  listKiosks: defineRoute({
    method: 'GET',
    path: '/v1/admin/kiosks',
    summary: 'Editors: the kiosks with location, last heartbeat, version and whose playlist they play',
    auth: 'session',
    response: z.object({ items: z.array(KioskSchema) }),
  }),
  setKioskLocation: defineRoute({
    method: 'PUT',
    path: '/v1/admin/kiosks/:id/location',
    summary: 'Editors: where a kiosk stands (its location\'s playlist and groups apply)',
    auth: 'session',
    params: IdParams,
    body: z.strictObject({ locationId: Id.nullable() }),
    response: KioskSchema,
  }),
  kioskSignagePreview: defineRoute({
    method: 'GET',
    path: '/v1/admin/kiosks/:id/signage',
    summary: 'Editors: what a kiosk is told at its heartbeat, for a live preview',
    auth: 'session',
    params: IdParams,
    response: KioskSignageSchema,
  }),
  getPlaylist: defineRoute({
    method: 'GET',
    path: '/v1/admin/kiosk-playlists',
    summary: 'Editors: the playlist of the organisation, a location or a kiosk (null when none is set)',
    auth: 'session',
    query: PlaylistQuery,
    response: z.object({ playlist: PlaylistSchema.nullable() }),
  }),
  savePlaylist: defineRoute({
    method: 'PUT',
    path: '/v1/admin/kiosk-playlists',
    summary: 'Editors: set the playlist of the organisation, a location or a kiosk; an empty list removes it',
    auth: 'session',
    body: z.strictObject({ scope: PlaylistScope, targetId: Id.nullable(), entries: z.array(PlaylistEntrySchema).max(PLAYLIST_ENTRIES_MAX) }),
    response: z.object({ playlist: PlaylistSchema.nullable() }),
  }),
} as const;
