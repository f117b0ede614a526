import type { Insertable } from 'kysely';
import type { PeopleTable, PersonMailTable } from '../db/schema.js';

/**
 * Every demo person's mail address, on the organisation's own name under `.example` (reserved by
 * RFC 2606: no mail can ever reach a real person). Made from the people rows alone, drawing nothing,
 * so it leaves every other part of the dataset as it was.
 */
export function mailAddressRows(tenantId: string, slug: string, people: readonly Insertable<PeopleTable>[], at: string): PersonMailTable[] {
  return people.map((p) => ({ tenant_id: tenantId, person_id: p.id, address: `${p.handle}@${slug}.example`, opted_out: 0, updated_at: at }));
}
