import { z } from 'zod';
import { defineRoute } from '../route.js';

export const healthRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    summary: 'Liveness and database check for load balancers',
    auth: 'none',
    response: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }),
  }),
  openapi: defineRoute({
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This API as OpenAPI 3.1',
    auth: 'none',
    response: z.unknown(),
  }),
} as const;
