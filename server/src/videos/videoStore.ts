import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ByteRange } from '../../../common/src/video/range.js';
import type { ProcessedVideo } from './process.js';

/** Bytes per stored row: a range request reads a few of them, never the whole video. */
export const VIDEO_CHUNK_BYTES = 256 * 1024;
/** Rows read per query while a response streams: a megabyte in memory at a time. */
const CHUNKS_PER_READ = 4;

/** Stores a processed upload, not yet on a post, with its bytes cut into chunks. */
export async function storeVideo(
  k: Kysely<Database>,
  v: { tenantId: string; id: string; ownerId: string; video: ProcessedVideo; at: string },
): Promise<void> {
  await k.transaction().execute(async (trx) => {
    await trx
      .insertInto('videos')
      .values({
        tenant_id: v.tenantId,
        id: v.id,
        owner_id: v.ownerId,
        post_id: null,
        mime: v.video.mime,
        width: v.video.width,
        height: v.video.height,
        duration_ms: v.video.durationMs,
        byte_size: v.video.data.length,
        chunk_size: VIDEO_CHUNK_BYTES,
        poster: v.video.poster,
        created_at: v.at,
      })
      .execute();
    for (let position = 0; position * VIDEO_CHUNK_BYTES < v.video.data.length; position++) {
      const data = v.video.data.subarray(position * VIDEO_CHUNK_BYTES, (position + 1) * VIDEO_CHUNK_BYTES);
      await trx.insertInto('video_chunks').values({ tenant_id: v.tenantId, video_id: v.id, position, data }).execute();
    }
  });
}

/**
 * The bytes `range` of a video as a stream that reads its rows a few at a time as the client takes
 * them, so a whole-file answer costs this node no more memory than a small one.
 */
export function videoBytes(k: Kysely<Database>, v: { tenantId: string; id: string; chunkSize: number }, range: ByteRange): Readable {
  const first = Math.floor(range.start / v.chunkSize);
  const last = Math.floor(range.end / v.chunkSize);
  async function* chunks() {
    for (let from = first; from <= last; from += CHUNKS_PER_READ) {
      const rows = await k
        .selectFrom('video_chunks')
        .select(['position', 'data'])
        .where('tenant_id', '=', v.tenantId)
        .where('video_id', '=', v.id)
        .where('position', '>=', from)
        .where('position', '<=', Math.min(last, from + CHUNKS_PER_READ - 1))
        .orderBy('position')
        .execute();
      for (const row of rows) {
        const offset = row.position * v.chunkSize;
        const data = Buffer.from(row.data);
        yield data.subarray(Math.max(0, range.start - offset), Math.min(data.length, range.end + 1 - offset));
      }
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** Deletes videos with their chunks. */
export async function deleteVideos(k: Kysely<Database>, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await k.deleteFrom('video_chunks').where('tenant_id', '=', tenantId).where('video_id', 'in', ids).execute();
  await k.deleteFrom('videos').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

/** Deletes the videos on a post (deleted, or dropped before it appeared). */
export async function deletePostVideos(k: Kysely<Database>, tenantId: string, postId: string): Promise<void> {
  const rows = await k.selectFrom('videos').select('id').where('tenant_id', '=', tenantId).where('post_id', '=', postId).execute();
  await deleteVideos(k, tenantId, rows.map((r) => r.id));
}
