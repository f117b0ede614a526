import { samenEvents, type EventPayload, type MethodInput, type MethodOutput, type Result, type SamenApi, type SamenEvent, type SamenMethod } from '../common/src/ipc/contract.js';

/**
 * window.samen for the browser shell: the same contract as the Electron preload, carried over
 * same-origin HTTP (calls) and server-sent events (events). The shell's cookie authenticates both.
 */
declare global {
  interface Window {
    samen?: SamenApi;
  }
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();
let source: EventSource | null = null;

function ensureEvents() {
  if (source) return;
  source = new EventSource('/events');
  for (const name of Object.keys(samenEvents)) {
    source.addEventListener(name, (e) => {
      const payload: unknown = JSON.parse((e as MessageEvent<string>).data);
      for (const l of listeners.get(name) ?? []) l(payload);
    });
  }
}

const api = {
  async invoke<M extends SamenMethod>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
    try {
      const res = await fetch('/rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method, input }) });
      if (!res.ok) return { ok: false, error: { code: 'server_error', message: `Shell answered ${res.status}` } };
      return (await res.json()) as Result<MethodOutput<M>>;
    } catch {
      return { ok: false, error: { code: 'server_error', message: 'Samen is gestopt' } };
    }
  },
  on<E extends SamenEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    ensureEvents();
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const l = listener as (payload: unknown) => void;
    set.add(l);
    return () => set.delete(l);
  },
} satisfies SamenApi;

if (!window.samen) window.samen = api;
