import { z } from 'zod';
import { Id } from '../primitives.js';
import { defineRoute } from '../route.js';

/** At most this many posts in one batch of views. */
export const VIEW_BATCH_MAX = 200;

export const postViewRoutes = {
  recordPostViews: defineRoute({
    method: 'POST',
    path: '/v1/post-views',
    summary: 'Posts the caller saw (half on screen for a second); each person counts once per post; answers the counts',
    auth: 'session',
    grantable: true,
    body: z.strictObject({ postIds: z.array(Id).min(1).max(VIEW_BATCH_MAX) }),
    response: z.object({ counts: z.array(z.object({ postId: Id, viewCount: z.number().int() })) }),
  }),
} as const;
