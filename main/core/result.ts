import type { ClientError, ClientErrorCode, Result } from '../../common/src/ipc/contract.js';

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ClientErrorCode, message: string): { ok: false; error: ClientError } => ({ ok: false, error: { code, message } });
