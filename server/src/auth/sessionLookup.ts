import type { Kysely, Selectable } from 'kysely';
import { createBatchedRead, type BatchedRead } from '../db/batchedReads.js';
import type { Database, PeopleTable, SessionsTable } from '../db/schema.js';

/** What authenticating a request needs to know of its session and its person. */
export type SessionRow = Pick<Selectable<SessionsTable>, 'token_hash' | 'person_id' | 'device_id' | 'expires_at' | 'revoked_at' | 'kind'> &
  Pick<Selectable<PeopleTable>, 'roles' | 'active'>;

/** Keeps each statement's list of hashes well inside both databases' limits on parameters. */
const PER_STATEMENT = 500;

/**
 * Sessions by token hash, read for all requests of a tenant that arrive together (see batchedReads.ts):
 * read from the database for every request, never kept in the process, so a revoked session is
 * refused on its next request on every node.
 */
export function createSessionLookup(k: Kysely<Database>): BatchedRead<string, SessionRow> {
  return createBatchedRead(async (tenantId, hashes) => {
    const found = new Map<string, SessionRow>();
    for (let i = 0; i < hashes.length; i += PER_STATEMENT) {
      const rows = await k
        .selectFrom('sessions')
        .innerJoin('people', (j) => j.onRef('people.tenant_id', '=', 'sessions.tenant_id').onRef('people.id', '=', 'sessions.person_id'))
        .select(['sessions.token_hash', 'sessions.person_id', 'sessions.device_id', 'sessions.expires_at', 'sessions.revoked_at', 'sessions.kind', 'people.roles', 'people.active'])
        .where('sessions.tenant_id', '=', tenantId)
        .where('sessions.token_hash', 'in', hashes.slice(i, i + PER_STATEMENT))
        .execute();
      for (const r of rows) found.set(r.token_hash, r);
    }
    return found;
  });
}
