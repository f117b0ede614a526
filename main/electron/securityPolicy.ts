import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The window's security settings as plain values (only a type comes from 'electron'), so plain Node
 * tests can check them where no Electron binary runs.
 */
export const APP_ORIGIN = 'app://samen';

/** `packaged`: an installed build, where DevTools cannot be opened at all (on every mode). */
export function secureWebPreferences(preload: string, o: { packaged: boolean }): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload,
    devTools: !o.packaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // A middle click would otherwise ask for a new window; the open handler refuses it anyway.
    disableBlinkFeatures: 'Auxclick',
  };
}

/** The window itself: no menu bar to reach a "Toggle Developer Tools" item through. */
export const WINDOW_CHROME = { autoHideMenuBar: true } as const;


