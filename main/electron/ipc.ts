import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { samenEvents, type SamenEvent } from '../../common/src/ipc/contract.js';
import type { SamenCore } from '../core/api.js';
import { APP_ORIGIN } from './securityPolicy.js';

/**
 * Wires window.samen to core: every call is checked to come from our own page in our own window
 * (Mattermost's ipcValidate idea); core then validates the arguments against the contract.
 */
export function wireIpc(core: SamenCore, window: () => BrowserWindow | null): () => void {
  const trusted = (event: IpcMainInvokeEvent) => {
    const win = window();
    return win !== null && event.sender === win.webContents && (event.senderFrame?.url ?? '').startsWith(`${APP_ORIGIN}/`);
  };
  ipcMain.handle('samen:invoke', async (event, method: unknown, input: unknown) => {
    if (!trusted(event) || typeof method !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'refused' } };
    return core.invoke(method, input);
  });
  const offs = (Object.keys(samenEvents) as SamenEvent[]).map((name) =>
    core.on(name, (payload) => window()?.webContents.send('samen:event', name, payload)),
  );
  return () => {
    ipcMain.removeHandler('samen:invoke');
    offs.forEach((off) => off());
  };
}
