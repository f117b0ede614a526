import { sql } from 'kysely';
import type { ServerContext } from '../context.js';

/** An upload not on a post by then was given up (the post was never sent, or sent without it). */
const STRAY_AFTER_MS = 24 * 3_600_000;

/**
 * Deletes uploads that never made it onto a post, so abandoned photos do not stay on the server.
 * Avatars, group covers, the organisation's logo and the photos of kiosk slides are not on a post
 * either; they stay.
 */
export async function purgeStrayUploads(ctx: ServerContext): Promise<void> {
  const before = new Date(ctx.now().getTime() - STRAY_AFTER_MS).toISOString();
  await ctx.k
    .deleteFrom('images')
    .where('post_id', 'is', null)
    .where('created_at', '<', before)
    .where((eb) =>
      eb.not(
        eb.or([
          eb.exists(eb.selectFrom('people').select('people.id').whereRef('people.tenant_id', '=', 'images.tenant_id').whereRef('people.avatar_image_id', '=', 'images.id')),
          eb.exists(eb.selectFrom('groups').select('groups.id').whereRef('groups.tenant_id', '=', 'images.tenant_id').whereRef('groups.cover_image_id', '=', 'images.id')),
          eb.exists(
            eb.selectFrom('organisations').select('organisations.tenant_id').whereRef('organisations.tenant_id', '=', 'images.tenant_id').whereRef('organisations.logo_image_id', '=', 'images.id'),
          ),
          // A slide names its photo inside the playlist's JSON; ids are UUIDs, so a plain match is exact.
          eb.exists(
            eb
              .selectFrom('kiosk_playlists')
              .select('kiosk_playlists.tenant_id')
              .whereRef('kiosk_playlists.tenant_id', '=', 'images.tenant_id')
              .where(sql<boolean>`kiosk_playlists.entries like '%' || images.id || '%'`),
          ),
        ]),
      ),
    )
    .execute();
}
