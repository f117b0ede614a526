import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../common/src/ids.js';
import type { Database } from '../db/schema.js';

export type AuthAction = 'login_password' | 'logout' | 'session_rejected';
export type AuthResult = 'ok' | 'wrong_secret' | 'unknown_person' | 'inactive' | 'rate_limited' | 'expired' | 'revoked';

/** Writes one authentication event: who, which device, when, what and how it ended. */
export async function recordAuthEvent(
  k: Kysely<Database>,
  event: { tenantId: string; personId: string | null; deviceId: string | null; action: AuthAction; result: AuthResult; detail?: string },
  now: Date,
): Promise<void> {
  await k
    .insertInto('auth_events')
    .values({
      tenant_id: event.tenantId,
      id: uuidv7(now.getTime()),
      at: now.toISOString(),
      person_id: event.personId,
      device_id: event.deviceId,
      action: event.action,
      result: event.result,
      detail: event.detail ?? null,
    })
    .execute();
}
