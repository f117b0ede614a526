import type { AuditFilters } from '../../../common/src/api/routes/audit.js';
import { hasRole, type Principal } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { forbidden } from '../http/apiError.js';
import { recordAuditEvent, targetRef, type AuditDetail } from './audit.js';

/** The filters of a read as its entry keeps them: the person and device as references, so an export can name them. */
function filtersDetail(filters: AuditFilters): AuditDetail {
  const detail: AuditDetail = {};
  if (filters.personId) detail.person = targetRef('person', filters.personId);
  if (filters.deviceId) detail.device = targetRef('device', filters.deviceId);
  if (filters.target) detail.target = filters.target;
  if (filters.action) detail.action = filters.action;
  if (filters.from) detail.from = filters.from;
  if (filters.to) detail.to = filters.to;
  return detail;
}

/**
 * Lets an admin read the audit log and records that she did, with her filters; anyone else is
 * refused, and the attempt is recorded just the same. The entry is written before the log is read,
 * so a read that fails halfway is still accounted for.
 */
export async function admitAuditReader(
  ctx: ServerContext,
  p: Principal,
  action: 'audit_read' | 'audit_exported',
  filters: AuditFilters,
  extra: AuditDetail = {},
): Promise<void> {
  const allowed = hasRole(p, 'admin');
  await recordAuditEvent(
    ctx.k,
    { tenantId: p.tenantId, personId: p.personId, deviceId: p.deviceId, action, result: allowed ? 'ok' : 'forbidden', detail: { ...filtersDetail(filters), ...extra } },
    ctx.now(),
  );
  if (!allowed) throw forbidden('Alleen een beheerder kan dit.');
}
