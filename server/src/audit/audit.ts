import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../common/src/ids.js';
import type { Database } from '../db/schema.js';

/**
 * What happened. A logout names its reason: `logout` (the person chose to), `logout_lock` (locked the
 * screen), `logout_idle` (locked after the idle time), `logout_switch` (another badge took over).
 */
export type AuthAction =
  | 'login_password'
  | 'login_badge'
  | 'login_pin'
  | 'logout'
  | 'logout_lock'
  | 'logout_idle'
  | 'logout_switch'
  | 'pin_lockout'
  | 'badge_linked'
  | 'session_rejected'
  | 'enrolment_code_created'
  | 'device_enrolled'
  | 'device_revoked'
  | 'device_suspension';

/**
 * How it ended. `wrong_pin` and `unknown_person` are failed PINs; `locked` starts a PIN lockout.
 * `device_suspension` is `suspended` when a device's wrong PINs suspend it and `lifted` when an admin
 * lifts it; a PIN refused on a suspended device is `device_suspended`.
 */
export type AuthResult =
  | 'ok'
  | 'wrong_secret'
  | 'wrong_pin'
  | 'unknown_person'
  | 'unknown_badge'
  | 'inactive'
  | 'rate_limited'
  | 'expired'
  | 'revoked'
  | 'pin_required'
  | 'pin_locked'
  | 'locked'
  | 'conflict'
  | 'invalid_code'
  | 'device_mismatch'
  | 'device_suspended'
  | 'suspended'
  | 'lifted';

export const LOGOUT_ACTIONS = { logout: 'logout', lock: 'logout_lock', idle: 'logout_idle', switch: 'logout_switch' } as const satisfies Record<string, AuthAction>;

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
