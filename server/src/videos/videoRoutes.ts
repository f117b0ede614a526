import type { FastifyInstance } from 'fastify';
import { routes, VIDEO_BYTES_MAX } from '../../../common/src/api/routes.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { ServerContext } from '../context.js';
import { ApiError, notFound } from '../http/apiError.js';
import { REPLY_SENT, register } from '../http/register.js';
import { assertPublicPost } from '../images/imageRoutes.js';
import { hitRateLimit } from '../limits/rateLimit.js';
import { visiblePost } from '../timeline/queries.js';
import type { PrincipalFor } from '../auth/principal.js';
import { processVideo } from './process.js';
import { parseRange } from '../../../common/src/video/range.js';
import { videoBytes, storeVideo } from './videoStore.js';

const gone = () => notFound('Deze video bestaat niet (meer).');

export function registerVideoRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // As with photos, what an upload is gets decided by its bytes, not by this header.
  app.addContentTypeParser(/^video\/[\w.+-]+$/, { parseAs: 'buffer', bodyLimit: VIDEO_BYTES_MAX }, (_req, body, done) => done(null, body));

  register(
    app,
    ctx,
    routes.uploadVideo,
    async ({ body, principal: p }) => {
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new ApiError('unsupported_media_type', 'Stuur de video als bestand (video/mp4, video/quicktime of video/webm).');
      }
      await hitRateLimit(ctx, p.tenantId, `videos:${p.personId}`, { limit: 20, windowSeconds: 600 });
      const video = await ctx.videoProcessing.run(() => processVideo(body, ctx.mediaTools, ctx.options.videoSeconds * 1000));
      const id = uuidv7(ctx.now().getTime());
      await storeVideo(ctx.k, { tenantId: p.tenantId, id, ownerId: p.personId, video, at: ctx.now().toISOString() });
      return { id, width: video.width, height: video.height, durationMs: video.durationMs };
    },
    // The outbox names one video per key; hashing 60 MB as base64 JSON would cost more memory than the upload.
    { bodyLimit: VIDEO_BYTES_MAX, fingerprintBody: false },
  );

  /** The video's facts, when the caller may see it: on a post she sees, or her own upload not yet posted. */
  const visibleVideo = async (p: PrincipalFor<'sessionOrDevice'>, id: string) => {
    const meta = await ctx.k
      .selectFrom('videos')
      .select(['id', 'owner_id', 'post_id', 'mime', 'byte_size', 'chunk_size'])
      .where('tenant_id', '=', p.tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!meta) throw gone();
    if (meta.post_id === null) {
      if (p.kind !== 'person' || p.personId !== meta.owner_id) throw gone();
      return meta;
    }
    const postId = meta.post_id;
    // A post she may not see answers as if the video did not exist, in the words of a video.
    await (p.kind === 'person' ? visiblePost(ctx.k, p, postId) : assertPublicPost(ctx, p.tenantId, postId)).catch(() => {
      throw gone();
    });
    return meta;
  };

  register(app, ctx, routes.getVideo, async ({ params, principal: p, req, reply }) => {
    const meta = await visibleVideo(p, params.id);
    const size = Number(meta.byte_size);
    void reply
      .header('accept-ranges', 'bytes')
      .header('content-type', meta.mime)
      .header('x-content-type-options', 'nosniff')
      // Bytes never change under an id; `private` because who may see them depends on who asks.
      .header('cache-control', 'private, max-age=31536000, immutable');
    const range = parseRange(req.headers.range, size);
    if (range === 'unsatisfiable') {
      await reply.status(416).header('content-range', `bytes */${size}`).send();
      return REPLY_SENT;
    }
    const span = range ?? { start: 0, end: size - 1 };
    if (range) void reply.status(206).header('content-range', `bytes ${span.start}-${span.end}/${size}`);
    void reply.header('content-length', String(span.end - span.start + 1));
    await reply.send(videoBytes(ctx.k, { tenantId: p.tenantId, id: meta.id, chunkSize: meta.chunk_size }, span));
    return REPLY_SENT;
  });

  register(app, ctx, routes.getVideoPoster, async ({ params, principal: p, reply }) => {
    const meta = await visibleVideo(p, params.id);
    const row = await ctx.k.selectFrom('videos').select('poster').where('tenant_id', '=', p.tenantId).where('id', '=', meta.id).executeTakeFirstOrThrow();
    await reply
      .header('content-type', 'image/jpeg')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(Buffer.from(row.poster));
    return REPLY_SENT;
  });
}
