import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '../../../common/src/api/errors.js';

/** An error a client is meant to see: a stable code, a safe message, the matching HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const notFound = (what = 'Niet gevonden.') => new ApiError('not_found', what);
export const forbidden = (why = 'Dit mag je niet doen.') => new ApiError('forbidden', why);
