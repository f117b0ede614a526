import type { Kysely } from 'kysely';
import type { Membership } from '../../../common/src/api/entities.js';
import type { Database } from '../db/schema.js';
import { membershipFromRow } from './access.js';

export async function findMemberships(k: Kysely<Database>, tenantId: string, personId: string): Promise<Membership[]> {
  const rows = await k.selectFrom('group_members').selectAll().where('tenant_id', '=', tenantId).where('person_id', '=', personId).execute();
  return rows.map(membershipFromRow);
}
