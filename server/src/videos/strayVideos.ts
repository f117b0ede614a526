import type { ServerContext } from '../context.js';

/** As for photos: an upload not on a post a day later was given up. */
const STRAY_AFTER_MS = 24 * 3_600_000;

/** Deletes uploaded videos that never made it onto a post (a video is never an avatar or a cover). */
export async function purgeStrayVideos(ctx: ServerContext): Promise<void> {
  const before = new Date(ctx.now().getTime() - STRAY_AFTER_MS).toISOString();
  const stray = await ctx.k.selectFrom('videos').select(['tenant_id', 'id']).where('post_id', 'is', null).where('created_at', '<', before).execute();
  for (const v of stray) {
    await ctx.k.transaction().execute(async (trx) => {
      // Deleted only while still unattached: one taken onto a post since it was read stays.
      const taken = await trx.deleteFrom('videos').where('tenant_id', '=', v.tenant_id).where('id', '=', v.id).where('post_id', 'is', null).executeTakeFirst();
      if (Number(taken.numDeletedRows) === 0) return;
      await trx.deleteFrom('video_chunks').where('tenant_id', '=', v.tenant_id).where('video_id', '=', v.id).execute();
    });
  }
}
