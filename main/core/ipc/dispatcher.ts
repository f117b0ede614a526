import { samenMethods, type MethodOutput, type MethodParsedInput, type Result, type SamenMethod } from '../../../common/src/ipc/contract.js';
import type { Logger } from '../log.js';
import { fail, failWith } from '../result.js';

export type Handlers = {
  [M in SamenMethod]: (input: MethodParsedInput<M>) => Promise<Result<MethodOutput<M>>>;
};

const isMethod = (name: string): name is SamenMethod => Object.hasOwn(samenMethods, name);

/**
 * The one entry for window.samen calls: the renderer is not trusted, so the method name and input
 * are checked against the contract before any handler runs. Whatever happens, the answer is a
 * Result whose error carries only a code and a short message.
 */
export function createDispatcher(handlers: Handlers, log: Logger) {
  return async function invoke(method: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!isMethod(method)) return fail('invalid_input', `unknown method ${method}`);
    const parsed = samenMethods[method].input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail('invalid_input', issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'invalid input');
    }
    try {
      const handler = handlers[method] as (input: unknown) => Promise<Result<unknown>>;
      const result = await handler(parsed.data);
      return result.ok ? result : failWith(result.error);
    } catch (err) {
      log.error('handler failed', { method, reason: err instanceof Error ? err.message : String(err) });
      return fail('server_error', 'internal error');
    }
  };
}
