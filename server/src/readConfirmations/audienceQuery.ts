import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { ReadAudience } from '../../../common/src/readConfirmations/audience.js';
import type { Database, PeopleTable } from '../db/schema.js';

/** One person of the audience as it is now, with her answer to the post if she gave one. */
export interface AudienceRow {
  id: string;
  name: string;
  job_title: string;
  department_id: string | null;
  location_id: string | null;
  confirmed_at: string | null;
  later_count: number | null;
}

/** A query whose people are `p`, as the audience rules below read them. */
export type PeopleScope = ExpressionBuilder<Database & { p: PeopleTable }, 'p'>;

/**
 * The rule of `inAudience` (common/src/readConfirmations/audience.ts) in SQL, for people `p`:
 * at one of the locations, in one of the departments, or a member of one of the groups (always true
 * for everyone). Whether `p` is active is the caller's part.
 */
export function inReadAudience(eb: PeopleScope, tenantId: string, audience: ReadAudience): Expression<SqlBool> {
  if (audience.everyone) return sql<SqlBool>`1 = 1`;
  return eb.or([
    ...(audience.locationIds.length ? [eb('p.location_id', 'in', audience.locationIds)] : []),
    ...(audience.departmentIds.length ? [eb('p.department_id', 'in', audience.departmentIds)] : []),
    ...(audience.groupIds.length
      ? [
          eb.exists(
            eb
              .selectFrom('group_members as gm')
              .select('gm.person_id')
              .where('gm.tenant_id', '=', tenantId)
              .whereRef('gm.person_id', '=', 'p.id')
              .where('gm.group_id', 'in', audience.groupIds),
          ),
        ]
      : []),
  ]);
}

/**
 * The audience of a "lezen verplicht" post as the people data says now, each with her receipt, in one
 * statement: one consistent snapshot on both databases, however many people move while it runs.
 */
export function audienceWithReceipts(k: Kysely<Database>, tenantId: string, postId: string, audience: ReadAudience) {
  return k
    .selectFrom('people as p')
    .leftJoin('read_receipts as r', (j) => j.onRef('r.tenant_id', '=', 'p.tenant_id').on('r.post_id', '=', postId).onRef('r.person_id', '=', 'p.id'))
    .select(['p.id', 'p.name', 'p.job_title', 'p.department_id', 'p.location_id', 'r.confirmed_at', 'r.later_count'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.active', '=', 1)
    .where((eb) => inReadAudience(eb, tenantId, audience))
    .orderBy('p.name')
    .orderBy('p.id');
}

export async function loadAudience(k: Kysely<Database>, tenantId: string, postId: string, audience: ReadAudience): Promise<AudienceRow[]> {
  return (await audienceWithReceipts(k, tenantId, postId, audience).execute()) as AudienceRow[];
}
