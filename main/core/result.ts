import type { ClientError, ClientErrorCode, Result } from '../../common/src/ipc/contract.js';

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ClientErrorCode, message: string, retryAfter?: string): { ok: false; error: ClientError } => ({
  ok: false,
  error: { code, message, ...(retryAfter ? { retryAfter } : {}) },
});
/** A failed request as the renderer may see it: code, message and, for a locked PIN, when to try again. */
export const failWith = (error: ClientError): { ok: false; error: ClientError } => fail(error.code, error.message, error.retryAfter);
