import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '../../../common/src/api/errors.js';

/** An error a client is meant to see: a stable code, a safe message, the matching HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: { path: string; message: string }[],
    /** When trying again makes sense (a locked PIN): in the body as an ISO time, in Retry-After as seconds. */
    readonly retry?: { at: string; seconds: number },
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.retry ? { retryAfter: this.retry.at } : {}),
      },
    };
  }
}

export const notFound = (what = 'Niet gevonden.') => new ApiError('not_found', what);
export const forbidden = (why = 'Dit mag je niet doen.') => new ApiError('forbidden', why);

/** The `retry` of an ApiError: from `now` until `until`, at least one second. */
export const retryAt = (until: Date, now: Date) => ({ at: until.toISOString(), seconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) });
