import type {
  EventPayload,
  MethodInput,
  MethodOutput,
  Result,
  SamenApi,
  SamenEvent,
  SamenMethod,
} from '../../../common/src/ipc/contract';

/**
 * The renderer's only door to the machine. The preload (Electron) or samen-bridge.js (browser shell)
 * puts `window.samen` there before the app starts.
 */
declare global {
  interface Window {
    samen?: SamenApi;
  }
}

export function hasSamen(): boolean {
  return window.samen !== undefined;
}

function api(): SamenApi {
  if (!window.samen) throw new Error('window.samen is missing: the preload or samen-bridge.js did not load');
  return window.samen;
}

/** A bridge that throws (a dropped browser-shell connection) still answers with an error value. */
export async function invoke<M extends SamenMethod>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  try {
    return await api().invoke(method, input);
  } catch (cause) {
    return { ok: false, error: { code: 'server_error', message: cause instanceof Error ? cause.message : String(cause) } };
  }
}

export function on<E extends SamenEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return api().on(event, listener);
}
