import type { Result } from '../../common/src/ipc/contract.js';

/** What the browser shell needs from main/core: the same handlers and events the Electron shell wires to IPC. */
export interface ShellCore {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  image(id: string, size: 'thumb' | 'full'): Promise<{ bytes: Uint8Array; mime: string } | null>;
}
