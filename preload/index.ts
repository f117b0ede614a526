import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventPayload, MethodInput, MethodOutput, Result, SamenApi, SamenEvent, SamenMethod } from '../common/src/ipc/contract.js';

/**
 * The only bridge between the sandboxed renderer and main: two channels, no Node, no ipcRenderer
 * handed out. Main checks the sender and validates every argument before a handler runs.
 */
const api = {
  invoke<M extends SamenMethod>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
    return ipcRenderer.invoke('samen:invoke', method, input) as Promise<Result<MethodOutput<M>>>;
  },
  on<E extends SamenEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload as EventPayload<E>);
    };
    ipcRenderer.on('samen:event', handler);
    return () => ipcRenderer.removeListener('samen:event', handler);
  },
} satisfies SamenApi;

contextBridge.exposeInMainWorld('samen', api);
