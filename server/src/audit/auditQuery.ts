import type { Kysely, Selectable } from 'kysely';
import type { AuditFilters } from '../../../common/src/api/routes/audit.js';
import type { ListPosition } from '../../../common/src/api/cursor.js';
import type { AuditEvent } from '../../../common/src/api/entities.js';
import type { AuthEventsTable, Database } from '../db/schema.js';
import { detailFromJson } from './audit.js';

export type AuditRow = Selectable<AuthEventsTable>;

/**
 * One page of the tenant's audit log under the filters: newest first after a position (the list), or
 * oldest first after one (the export). Keyset paging on (at, id), so a page costs the same anywhere
 * in a five-year log.
 */
export async function auditPage(
  k: Kysely<Database>,
  tenantId: string,
  filters: AuditFilters,
  page: { order: 'newest' | 'oldest'; after: ListPosition | null; limit: number },
): Promise<AuditRow[]> {
  let q = k.selectFrom('auth_events').selectAll().where('tenant_id', '=', tenantId);
  if (filters.personId) q = q.where('person_id', '=', filters.personId);
  if (filters.deviceId) q = q.where('device_id', '=', filters.deviceId);
  if (filters.target) q = q.where('target', '=', filters.target);
  if (filters.action) q = q.where('action', '=', filters.action);
  // Stored times are toISOString() text; a `from` typed without milliseconds is brought to that form.
  if (filters.from) q = q.where('at', '>=', new Date(filters.from).toISOString());
  if (filters.to) q = q.where('at', '<', new Date(filters.to).toISOString());
  const { after } = page;
  if (page.order === 'newest') {
    if (after) q = q.where((eb) => eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]));
    return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  }
  if (after) q = q.where((eb) => eb.or([eb('at', '>', after.at), eb.and([eb('at', '=', after.at), eb('id', '>', after.id)])]));
  return q.orderBy('at', 'asc').orderBy('id', 'asc').limit(page.limit).execute();
}

export const auditEventFromRow = (r: AuditRow): AuditEvent => ({
  id: r.id,
  at: r.at,
  personId: r.person_id,
  deviceId: r.device_id,
  action: r.action,
  result: r.result,
  target: r.target,
  detail: detailFromJson(r.detail),
});
