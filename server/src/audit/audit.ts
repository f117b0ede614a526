import type { Kysely } from 'kysely';
import type { AuditEvent } from '../../../common/src/api/entities.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/schema.js';

/**
 * What happened at a login or logout. A logout names its reason: `logout` (the person chose to),
 * `logout_lock` (locked the screen), `logout_idle` (locked after the idle time), `logout_switch`
 * (another badge took over).
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
 * Everything the audit log records: authentication, an organisation admin changing a group's members
 * where she has no part of her own, an editor moderating someone else's content, an admin or editor
 * marking an ambassador, an admin's HR import (counts only), and every reading of the log itself.
 */
export type AuditAction =
  | AuthAction
  | 'group_member_added'
  | 'group_member_role_changed'
  | 'group_member_removed'
  | 'group_updated'
  | 'group_request_decided'
  | 'post_deleted'
  | 'post_pinned'
  | 'post_unpinned'
  | 'comment_deleted'
  | 'post_hidden'
  | 'post_restored'
  | 'comment_hidden'
  | 'comment_restored'
  | 'ambassador_marked'
  | 'ambassador_unmarked'
  | 'hr_imported'
  | 'audit_read'
  | 'audit_exported';

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

/** `forbidden`: someone without the role tried (reading the log, for one). */
export type AuditResult = AuthResult | 'forbidden';

export type TargetKind = 'post' | 'comment' | 'group' | 'person' | 'device';
export type TargetRef = `${TargetKind}:${string}`;
export const targetRef = (kind: TargetKind, id: string): TargetRef => `${kind}:${id}`;

/** Particulars of an entry; a value that names a person, group or device is a TargetRef, so it can be resolved to a name. */
export type AuditDetail = Record<string, string | null>;

export const LOGOUT_ACTIONS = { logout: 'logout', lock: 'logout_lock', idle: 'logout_idle', switch: 'logout_switch' } as const satisfies Record<string, AuthAction>;

export interface AuditEntry {
  tenantId: string;
  /** Who acted; null when nobody is known (an unknown badge, a device enrolling itself). */
  personId: string | null;
  /** The enrolled device the action came from, if any. */
  deviceId: string | null;
  action: AuditAction;
  result: AuditResult;
  target?: TargetRef | null;
  detail?: AuditDetail;
}

/**
 * Writes one audit entry. Pass the transaction of the action it records, so the action and its entry
 * are committed together or not at all.
 */
export async function recordAuditEvent(k: Kysely<Database>, entry: AuditEntry, now: Date): Promise<void> {
  await k
    .insertInto('auth_events')
    .values({
      tenant_id: entry.tenantId,
      id: uuidv7(now.getTime()),
      at: now.toISOString(),
      person_id: entry.personId,
      device_id: entry.deviceId,
      action: entry.action,
      result: entry.result,
      target: entry.target ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

/** Writes what a signed-in person did with her role (moderating, managing members): as her, from her device. */
export const recordActionOf = (
  k: Kysely<Database>,
  p: Principal,
  e: { action: AuditAction; target: TargetRef; detail?: AuditDetail },
  now: Date,
): Promise<void> => recordAuditEvent(k, { tenantId: p.tenantId, personId: p.personId, deviceId: p.deviceId, result: 'ok', ...e }, now);

/**
 * Writes one authentication event: who, which device, when, what and how it ended. Its `detail` is a
 * note in words, as it always was for login code; it is kept as `{ note }`.
 */
export const recordAuthEvent = (
  k: Kysely<Database>,
  event: { tenantId: string; personId: string | null; deviceId: string | null; action: AuthAction; result: AuthResult; detail?: string },
  now: Date,
): Promise<void> => recordAuditEvent(k, { ...event, detail: event.detail === undefined ? undefined : { note: event.detail } }, now);

/** The stored detail as the API gives it: an object of strings, or null when there is none (or it is unreadable). */
export function detailFromJson(text: string | null): AuditEvent['detail'] {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { note: text };
    const out: AuditDetail = {};
    for (const [key, value] of Object.entries(parsed)) out[key] = value === null ? null : String(value);
    return out;
  } catch {
    return { note: text };
  }
}
