import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The window's security settings as plain values (only a type comes from 'electron'), so plain Node
 * tests can check them where no Electron binary runs.
 */
export const APP_ORIGIN = 'app://samen';

/** The renderer's Content-Security-Policy: our own code and images only, nothing from the internet. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

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

