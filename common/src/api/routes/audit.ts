import { z } from 'zod';
import { AuditEventSchema, AuditTarget } from '../entities.js';
import { Id, Limit } from '../primitives.js';
import { defineRoute } from '../route.js';
import { Page } from './shared.js';

/**
 * What both the list and the export filter on: who acted (`personId`), on which device, on what
 * (`target`), which action, and the period (`from` inclusive, `to` exclusive).
 */
export const AuditFilters = z.strictObject({
  personId: Id.optional(),
  deviceId: Id.optional(),
  target: AuditTarget.optional(),
  action: z.string().regex(/^[a-z_]{1,40}$/).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export const auditRoutes = {
  listAuditEvents: defineRoute({
    method: 'GET',
    path: '/v1/admin/audit',
    summary: 'Admin: the audit log, newest first, by person, device, target, action and period (each read is itself logged)',
    auth: 'session',
    query: AuditFilters.extend({
      cursor: z.string().max(200).optional(),
      limit: Limit(500, 100),
    }),
    response: Page(AuditEventSchema),
  }),
  exportAuditEvents: defineRoute({
    method: 'GET',
    path: '/v1/admin/audit.csv',
    summary: 'Admin: the audit log as CSV (text/csv, UTF-8, oldest first, Dutch headers), with the same filters (the export is itself logged)',
    auth: 'session',
    query: AuditFilters,
    response: z.string(),
  }),
} as const;
