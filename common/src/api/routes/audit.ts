import { z } from 'zod';
import { AuthEventSchema } from '../entities.js';
import { Id, Limit } from '../primitives.js';
import { defineRoute } from '../route.js';
import { Page } from './shared.js';

export const auditRoutes = {
  listAuthEvents: defineRoute({
    method: 'GET',
    path: '/v1/admin/audit',
    summary: 'Admin: the authentication audit log, newest first, by person, device and period',
    auth: 'session',
    query: z.strictObject({
      personId: Id.optional(),
      deviceId: Id.optional(),
      from: z.iso.datetime().optional(),
      to: z.iso.datetime().optional(),
      cursor: z.string().max(200).optional(),
      limit: Limit(500, 100),
    }),
    response: Page(AuthEventSchema),
  }),
} as const;
