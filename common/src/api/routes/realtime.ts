import { z } from 'zod';
import { defineRoute } from '../route.js';

export const realtimeRoutes = {
  events: defineRoute({
    method: 'GET',
    path: '/v1/events',
    summary: 'Server-sent events: `seq` when new changes exist, `notification` for the caller; resumes with Last-Event-ID',
    auth: 'sessionOrDevice',
    response: z.unknown(),
  }),
} as const;
