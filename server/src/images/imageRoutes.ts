import type { FastifyInstance } from 'fastify';
import { IMAGE_BYTES_MAX, routes } from '../../../common/src/api/routes.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { ServerContext } from '../context.js';
import { ApiError, notFound } from '../http/apiError.js';
import { REPLY_SENT, register } from '../http/register.js';
import { hitRateLimit } from '../limits/rateLimit.js';
import { visiblePost } from '../timeline/queries.js';
import { processImage } from './process.js';

/** For a device without a session: only photos (and videos) of posts every employee may see. */
export async function assertPublicPost(ctx: ServerContext, tenantId: string, postId: string): Promise<void> {
  const post = await ctx.k
    .selectFrom('posts')
    .leftJoin('groups', (j) => j.onRef('groups.tenant_id', '=', 'posts.tenant_id').onRef('groups.id', '=', 'posts.group_id'))
    .select(['posts.id', 'posts.group_id', 'groups.visibility'])
    .where('posts.tenant_id', '=', tenantId)
    .where('posts.id', '=', postId)
    .executeTakeFirst();
  if (!post || (post.group_id !== null && post.visibility === 'private')) throw notFound('Deze foto bestaat niet (meer).');
}

export function registerImageRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // Uploads arrive as raw bytes; what they are is decided by their content, not by this header.
  app.addContentTypeParser(/^(image\/[\w.+-]+|application\/octet-stream)$/, { parseAs: 'buffer', bodyLimit: IMAGE_BYTES_MAX }, (_req, body, done) =>
    done(null, body),
  );

  register(
    app,
    ctx,
    routes.uploadImage,
    async ({ body, principal: p }) => {
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new ApiError('unsupported_media_type', 'Stuur de foto als bestand (image/jpeg, image/png, image/webp of image/gif).');
      }
      await hitRateLimit(ctx, p.tenantId, `images:${p.personId}`, { limit: 60, windowSeconds: 600 });
      const image = await ctx.imageDecoding.run(() => processImage(body));
      const id = uuidv7(ctx.now().getTime());
      await ctx.k
        .insertInto('images')
        .values({
          tenant_id: p.tenantId,
          id,
          owner_id: p.personId,
          post_id: null,
          mime: image.mime,
          width: image.width,
          height: image.height,
          byte_size: image.data.length,
          data: image.data,
          thumb: image.thumb,
          created_at: ctx.now().toISOString(),
        })
        .execute();
      return { id, width: image.width, height: image.height, mime: image.mime };
    },
    { bodyLimit: IMAGE_BYTES_MAX },
  );

  register(app, ctx, routes.getImage, async ({ params, query, principal: p, req, reply }) => {
    const meta = await ctx.k
      .selectFrom('images')
      .select(['id', 'post_id', 'mime'])
      .where('tenant_id', '=', p.tenantId)
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (!meta) throw notFound('Deze foto bestaat niet (meer).');
    if (meta.post_id) {
      if (p.kind === 'person') await visiblePost(ctx.k, p, meta.post_id);
      else await assertPublicPost(ctx, p.tenantId, meta.post_id);
    }
    // Image bytes never change under an id, so caches may keep them for good; `private`
    // because what a person may see depends on who asks.
    const etag = `"${meta.id}-${query.size}"`;
    void reply.header('cache-control', 'private, max-age=31536000, immutable').header('etag', etag);
    if (req.headers['if-none-match'] === etag) {
      await reply.status(304).send();
      return REPLY_SENT;
    }
    const column = query.size === 'thumb' ? 'thumb' : 'data';
    const row = await ctx.k.selectFrom('images').select(column).where('tenant_id', '=', p.tenantId).where('id', '=', params.id).executeTakeFirstOrThrow();
    const bytes = column === 'thumb' ? (row as { thumb: Buffer }).thumb : (row as { data: Buffer }).data;
    await reply
      .header('content-type', query.size === 'thumb' ? 'image/webp' : meta.mime)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(bytes));
    return REPLY_SENT;
  });
}
