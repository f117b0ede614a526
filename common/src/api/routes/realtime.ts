import { z } from 'zod';
import { defineRoute } from '../route.js';
import { SUPPORTED_SYNC_PROTOCOLS } from '../sync.js';

export const realtimeRoutes = {
  events: defineRoute({
    method: 'GET',
    path: '/v1/events',
    summary: 'Server-sent events: `seq` when new changes exist, `notification` for the caller; resumes with Last-Event-ID',
    auth: 'sessionOrDevice',
    // A client that does not say its protocol predates this parameter: it is told only what version 1 reads.
    query: z.strictObject({ protocol: z.coerce.number().int().min(SUPPORTED_SYNC_PROTOCOLS[0]).default(SUPPORTED_SYNC_PROTOCOLS[0]) }),
    response: z.unknown(),
  }),
} as const;
