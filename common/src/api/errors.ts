import { z } from 'zod';

/** Stable error codes: clients look up their own text by code, never show a server message alone. */
export const ERROR_STATUS = {
  bad_json: 400,
  validation: 400,
  organisation_required: 400,
  unsupported_media_type: 415,
  invalid_image: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  token_expired: 401,
  /** Badge tap: this person must also enter their PIN now (first tap of the day, or hours since). */
  pin_required: 401,
  /** A badge nobody has linked yet: the client offers employee number + PIN to link it. */
  unknown_badge: 404,
  /** Too many wrong PINs for this employee number: wait until `retryAfter`. */
  pin_locked: 423,
  /**
   * This device sent too many wrong PINs across employee numbers: it refuses every PIN (a badge alone
   * still works) until an admin lifts it or `retryAfter` has passed.
   */
  device_suspended: 423,
  /** The device token is missing, unknown or revoked: the device shows "niet (meer) gekoppeld". */
  device_unlinked: 401,
  /** A session made on one device, used from another. */
  device_mismatch: 401,
  /** An enrolment code that is wrong, used or expired (one answer for all three). */
  invalid_enrolment_code: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** An archived group is read-only: no posts, comments, members or requests. */
  group_archived: 409,
  /** A department or location group: the people directory decides who is in it. */
  directory_group: 409,
  /** The poll has closed: no more votes. */
  poll_closed: 409,
  /** She voted already and this poll does not let a vote be changed (or is anonymous). */
  poll_vote_final: 409,
  idempotency_in_progress: 409,
  idempotency_key_reused: 422,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const errorCodes = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    /** For `validation`: which fields were wrong, so a form can point at them. */
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** For `pin_locked`: when the PIN works again (UTC ISO-8601); also sent as a Retry-After header. */
    retryAfter: z.iso.datetime().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
