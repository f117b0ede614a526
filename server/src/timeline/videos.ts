import type { VideoRef } from '../../../common/src/api/entities.js';
import { ApiError } from '../http/apiError.js';
import type { Trx } from '../sync/feed.js';
import { deleteVideos } from '../videos/videoStore.js';

/**
 * Attaches uploaded videos to a post, as `attachImages` does photos: only the author's own uploads,
 * not on another post.
 */
export async function attachVideos(trx: Trx, tenantId: string, authorId: string, postId: string, videoIds: readonly string[]): Promise<VideoRef[]> {
  const unique = [...new Set(videoIds)];
  if (unique.length === 0) return [];
  const rows = await trx
    .selectFrom('videos')
    .select(['id', 'width', 'height', 'duration_ms', 'owner_id', 'post_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', unique)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const notFound = () => new ApiError('validation', 'De video is niet gevonden. Voeg hem opnieuw toe.', [{ path: 'body.videoIds', message: 'Onbekende video.' }]);
  for (const id of unique) {
    const row = byId.get(id);
    if (!row || row.owner_id !== authorId || (row.post_id !== null && row.post_id !== postId)) throw notFound();
  }
  // Checked again as it is taken: the clean-up of stray uploads may have deleted one since it was read.
  const taken = await trx
    .updateTable('videos')
    .set({ post_id: postId })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', unique)
    .where((eb) => eb.or([eb('post_id', 'is', null), eb('post_id', '=', postId)]))
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== unique.length) throw notFound();
  return unique.map((id) => {
    const r = byId.get(id)!;
    return { id, width: r.width, height: r.height, durationMs: r.duration_ms };
  });
}

/** Deletes the videos the author took off her post. */
export async function detachVideosExcept(trx: Trx, tenantId: string, postId: string, keep: readonly string[]): Promise<void> {
  let q = trx.selectFrom('videos').select('id').where('tenant_id', '=', tenantId).where('post_id', '=', postId);
  if (keep.length > 0) q = q.where('id', 'not in', keep);
  await deleteVideos(trx, tenantId, (await q.execute()).map((r) => r.id));
}

/** A post's `videos` column: null when it has none, so posts without stay as they were. */
export const storedVideos = (videos: readonly VideoRef[]): string | null => (videos.length > 0 ? JSON.stringify(videos) : null);
