import type { ImageRef } from '../../../common/src/api/entities.js';
import type { Trx } from '../sync/feed.js';
import { ApiError } from '../http/apiError.js';

/**
 * Attaches uploaded images to a post. Only the author's own uploads that are not yet part of another
 * post may be attached, so nobody can pull someone else's photo into their post by id.
 */
export async function attachImages(
  trx: Trx,
  tenantId: string,
  authorId: string,
  postId: string,
  imageIds: string[],
): Promise<ImageRef[]> {
  const unique = [...new Set(imageIds)];
  if (unique.length === 0) return [];
  const rows = await trx
    .selectFrom('images')
    .select(['id', 'width', 'height', 'owner_id', 'post_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', unique)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const notFound = () => new ApiError('validation', 'Een van de foto’s is niet gevonden. Voeg hem opnieuw toe.', [{ path: 'body.imageIds', message: 'Onbekende foto.' }]);
  for (const id of unique) {
    const row = byId.get(id);
    if (!row || row.owner_id !== authorId || (row.post_id !== null && row.post_id !== postId)) throw notFound();
  }
  // Checked again as it is taken: the clean-up of stray uploads may have deleted one since it was read.
  const taken = await trx
    .updateTable('images')
    .set({ post_id: postId })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', unique)
    .where((eb) => eb.or([eb('post_id', 'is', null), eb('post_id', '=', postId)]))
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== unique.length) throw notFound();
  return unique.map((id) => {
    const r = byId.get(id)!;
    return { id, width: r.width, height: r.height };
  });
}

/** Frees images no longer on the post: they are deleted, as the author took them off. */
export async function detachImagesExcept(trx: Trx, tenantId: string, postId: string, keep: string[]): Promise<void> {
  let q = trx.deleteFrom('images').where('tenant_id', '=', tenantId).where('post_id', '=', postId);
  if (keep.length > 0) q = q.where('id', 'not in', keep);
  await q.execute();
}
