import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { samenEvents, type SamenEvent } from '../../common/src/ipc/contract.js';
import type { SamenCore } from '../core/api.js';
import type { ScreenSwap } from '../core/session/screenSwap.js';
import { APP_ORIGIN } from './securityPolicy.js';

const refused = { ok: false, error: { code: 'invalid_input', message: 'refused' } } as const;

/**
 * Wires window.samen to core: every call is checked to come from our own page in the window that is
 * the screen (Mattermost's ipcValidate idea); core then validates the arguments against the contract.
 * A spare window waiting hidden is answered only once it is the screen, with what is true then, and
 * only the screen hears events: the spare learns nothing of whoever is logged in while it waits.
 */
export function wireIpc(core: SamenCore, screens: Pick<ScreenSwap<BrowserWindow>, 'shown' | 'whenShown'>): () => void {
  const fromOurPage = (event: IpcMainInvokeEvent) => (event.senderFrame?.url ?? '').startsWith(`${APP_ORIGIN}/`);
  ipcMain.handle('samen:invoke', async (event, method: unknown, input: unknown) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!win || !fromOurPage(event) || typeof method !== 'string') return refused;
    if (!(await screens.whenShown(win)) || screens.shown() !== win) return refused;
    return core.invoke(method, input);
  });
  const offs = (Object.keys(samenEvents) as SamenEvent[]).map((name) =>
    core.on(name, (payload) => screens.shown()?.webContents.send('samen:event', name, payload)),
  );
  return () => {
    ipcMain.removeHandler('samen:invoke');
    offs.forEach((off) => off());
  };
}
