import { ErrorBodySchema, type ErrorCode } from '../../../common/src/api/errors.js';
import type { ClientError, ClientErrorCode } from '../../../common/src/ipc/contract.js';

/** A failed request as a value: the code the renderer knows, plus what a retry policy needs. */
export interface NetError extends ClientError {
  /** HTTP status, or null when no answer came (network down, timeout). */
  status: number | null;
  /** The server's own code, when it sent one. */
  serverCode: ErrorCode | null;
  /** Worth trying again later with the same request: the server was unreachable, overloaded or failed. */
  retryable: boolean;
}

export type NetResult<T> = { ok: true; value: T } | { ok: false; error: NetError };

const FROM_SERVER: Record<ErrorCode, ClientErrorCode> = {
  bad_json: 'invalid_input',
  validation: 'invalid_input',
  organisation_required: 'invalid_input',
  unsupported_media_type: 'unsupported_media_type',
  invalid_image: 'invalid_image',
  unauthenticated: 'not_logged_in',
  invalid_credentials: 'invalid_credentials',
  token_expired: 'not_logged_in',
  pin_required: 'pin_required',
  unknown_badge: 'unknown_badge',
  pin_locked: 'pin_locked',
  device_suspended: 'device_suspended',
  device_unlinked: 'device_unlinked',
  // A session of another device is no session here.
  device_mismatch: 'not_logged_in',
  invalid_enrolment_code: 'invalid_enrolment_code',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'invalid_input',
  group_archived: 'group_archived',
  directory_group: 'directory_group',
  poll_closed: 'poll_closed',
  poll_vote_final: 'poll_vote_final',
  // The first request with this key is still running: its answer will come to a later try.
  idempotency_in_progress: 'server_error',
  idempotency_key_reused: 'invalid_input',
  too_large: 'too_large',
  rate_limited: 'rate_limited',
  internal: 'server_error',
  unavailable: 'offline',
};

function fromStatus(status: number): ClientErrorCode {
  if (status === 401) return 'not_logged_in';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  // Gateways answer these when the server behind them is down: to the person that is "offline".
  if (status === 502 || status === 503 || status === 504) return 'offline';
  if (status >= 500) return 'server_error';
  return 'invalid_input';
}

const RETRYABLE = new Set<ClientErrorCode>(['offline', 'server_error', 'rate_limited']);

export function offlineError(message: string): NetError {
  return { code: 'offline', message, status: null, serverCode: null, retryable: true };
}

/**
 * Maps an HTTP error answer (status, body text and its Retry-After header) to a NetError. `retryAfter`
 * (when a locked PIN works again) comes from the body's `error.retryAfter`, else from the header.
 */
export function errorFromAnswer(status: number, bodyText: string, retryAfterHeader: string | null = null, now: Date = new Date()): NetError {
  let serverCode: ErrorCode | null = null;
  let message = `HTTP ${status}`;
  let retryAfter: string | null = null;
  try {
    const json: unknown = JSON.parse(bodyText);
    const parsed = ErrorBodySchema.safeParse(json);
    if (parsed.success) {
      serverCode = parsed.data.error.code;
      message = parsed.data.error.message;
      retryAfter = isoTime((json as { error: { retryAfter?: unknown } }).error.retryAfter);
    }
  } catch {
    // Not JSON: a proxy or gateway answered; the status is all there is.
  }
  retryAfter ??= retryAfterFromHeader(retryAfterHeader, now);
  const code = serverCode ? FROM_SERVER[serverCode] : fromStatus(status);
  return { code, message, status, serverCode, retryable: RETRYABLE.has(code), ...(retryAfter ? { retryAfter } : {}) };
}

const isoTime = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
};

/** Retry-After is seconds from now or an HTTP date. */
function retryAfterFromHeader(header: string | null, now: Date): string | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return new Date(now.getTime() + Number(header.trim()) * 1000).toISOString();
  return isoTime(header);
}
