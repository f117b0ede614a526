import type { EventPayload, SamenEvent } from '../../../common/src/ipc/contract.js';
import type { Logger } from '../log.js';

type Listener<E extends SamenEvent> = (payload: EventPayload<E>) => void;

/** The events main pushes to the renderer (samenEvents), with typed payloads. */
export function createEventHub(log: Logger) {
  const listeners = new Map<SamenEvent, Set<(payload: never) => void>>();
  return {
    on<E extends SamenEvent>(event: E, listener: Listener<E>): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    emit<E extends SamenEvent>(event: E, payload: EventPayload<E>): void {
      for (const listener of listeners.get(event) ?? []) {
        try {
          (listener as Listener<E>)(payload);
        } catch (err) {
          log.error('event listener failed', { event, reason: err instanceof Error ? err.message : String(err) });
        }
      }
    },
  };
}
