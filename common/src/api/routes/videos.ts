import { z } from 'zod';
import { Id } from '../primitives.js';
import { defineRoute } from '../route.js';
import { IdParams } from './shared.js';

/** A phone's minute of video at its own quality; the server makes it smaller. */
export const VIDEO_BYTES_MAX = 60 * 1024 * 1024;
/** "About a minute": a few seconds of slack for a recording stopped late. */
export const VIDEO_SECONDS_MAX = 65;

export const videoRoutes = {
  uploadVideo: defineRoute({
    method: 'POST',
    path: '/v1/videos',
    summary: 'Upload a short MP4, MOV or WebM video (raw body, at most 60 MB and 65 seconds); stored as MP4 without metadata, with a poster frame',
    auth: 'session',
    grantable: true,
    bodyKind: 'binary',
    response: z.object({ id: Id, width: z.number().int(), height: z.number().int(), durationMs: z.number().int() }),
    status: 201,
  }),
  getVideo: defineRoute({
    method: 'GET',
    path: '/v1/videos/:id',
    summary: 'Video bytes (MP4); answers HTTP Range requests with 206 (a device alone gets only what everyone may see)',
    auth: 'sessionOrDevice',
    params: IdParams,
    response: z.unknown(),
  }),
  getVideoPoster: defineRoute({
    method: 'GET',
    path: '/v1/videos/:id/poster',
    summary: 'A JPEG frame of the video, shown before it plays',
    auth: 'sessionOrDevice',
    params: IdParams,
    response: z.unknown(),
  }),
} as const;
