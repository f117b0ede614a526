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
  forbidden: 403,
  not_found: 404,
  conflict: 409,
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
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
