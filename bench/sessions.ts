import { makeToken } from '../server/src/auth/tokens.js';
import type { Db } from '../server/src/db/connect.js';

/**
 * A day's session for one person, made directly in the database: a bench measures what it came for,
 * not a login through scrypt. Answers the bearer token.
 */
export async function mintSession(db: Db, tenantId: string, personId: string): Promise<string> {
  const { token, hash } = makeToken(tenantId);
  const now = new Date();
  await db.kysely
    .insertInto('sessions')
    .values({ tenant_id: tenantId, token_hash: hash, person_id: personId, device_id: null, created_at: now.toISOString(), expires_at: new Date(now.getTime() + 86_400_000).toISOString(), revoked_at: null })
    .execute();
  return token;
}
