import { defineRoute } from '../route.js';
import { SyncQuerySchema, SyncResponseSchema } from '../sync.js';

export const syncRoutes = {
  sync: defineRoute({
    method: 'GET',
    path: '/v1/sync',
    summary: 'Change feed: the current state of every entity changed after `since`, in seq order',
    auth: 'sessionOrDevice',
    query: SyncQuerySchema,
    response: SyncResponseSchema,
  }),
} as const;
