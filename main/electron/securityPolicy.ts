import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The window's security settings as plain values (only a type comes from 'electron'), so plain Node
 * tests can check them where no Electron binary runs.
 */
export const APP_ORIGIN = 'app://samen';

export function secureWebPreferences(preload: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

