import { z } from 'zod';
import { Id } from '../primitives.js';
import { defineRoute } from '../route.js';
import { IdParams } from './shared.js';

export const IMAGE_BYTES_MAX = 10 * 1024 * 1024;

export const imageRoutes = {
  uploadImage: defineRoute({
    method: 'POST',
    path: '/v1/images',
    summary: 'Upload a JPEG, PNG, WebP or GIF image (raw body, at most 10 MB)',
    auth: 'session',
    grantable: true,
    bodyKind: 'binary',
    response: z.object({ id: Id, width: z.number().int(), height: z.number().int(), mime: z.string() }),
    status: 201,
  }),
  getImage: defineRoute({
    method: 'GET',
    path: '/v1/images/:id',
    summary: 'Image bytes; `size=thumb` for a 480 px WebP thumbnail (a device alone gets only what everyone may see)',
    auth: 'sessionOrDevice',
    params: IdParams,
    query: z.strictObject({ size: z.enum(['full', 'thumb']).default('full') }),
    response: z.unknown(),
  }),
} as const;
