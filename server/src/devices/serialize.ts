import type { Selectable } from 'kysely';
import type { Device } from '../../../common/src/api/entities.js';
import type { DevicesTable } from '../db/schema.js';

export const deviceFromRow = (r: Selectable<DevicesTable>): Device => ({
  id: r.id,
  name: r.name,
  mode: r.mode as Device['mode'],
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  revokedAt: r.revoked_at,
});
