import { BrowserWindow } from 'electron';
import type { ClientMode } from '../../common/src/ipc/views.js';
import { createScreenSwap, type ScreenSwap } from '../core/session/screenSwap.js';
import { APP_ORIGIN, secureWebPreferences, WINDOW_CHROME } from './securityPolicy.js';
import { lockNavigation } from './windowSecurity.js';

/**
 * The screen swap (main/core/session/screenSwap.ts) over BrowserWindows: each window loads the app
 * hidden, and the page's only way of leaving itself, a navigation to the app's root when its person
 * left (renderer/src/app/page.ts), hands the screen to the spare instead.
 */
export function electronScreens(o: { preload: string; mode: ClientMode; url: string; hideOnClose(): boolean; onFocus(): void; packaged: boolean }): ScreenSwap<BrowserWindow> {
  const swap = createScreenSwap<BrowserWindow>({
    create() {
      const win = new BrowserWindow({
        width: 1280,
        height: 860,
        show: false,
        kiosk: o.mode === 'kiosk',
        fullscreen: o.mode === 'kiosk',
        ...WINDOW_CHROME,
        webPreferences: secureWebPreferences(o.preload, { packaged: o.packaged }),
      });
      const contents = win.webContents;
      lockNavigation(contents, o.mode);
      contents.on('will-navigate', (event) => {
        if (event.url.startsWith(`${APP_ORIGIN}/`) && swap.startAfresh(win)) event.preventDefault();
      });
      // A navigation to the very address it is on may start as a reload, without will-navigate.
      contents.on('did-start-navigation', (event) => {
        if (event.isMainFrame && !event.isSameDocument) swap.startAfresh(win);
      });
      contents.on('render-process-gone', () => swap.gone(win));
      win.once('ready-to-show', () => swap.ready(win));
      win.on('close', (event) => {
        if (swap.shown() === win && o.hideOnClose()) {
          event.preventDefault();
          win.hide();
          return;
        }
        swap.closing(win);
      });
      win.on('focus', () => o.onFocus());
      win.on('closed', () => swap.gone(win));
      void win.loadURL(o.url);
      return win;
    },
    show(next, previous) {
      if (previous && !previous.isDestroyed() && o.mode !== 'kiosk') next.setBounds(previous.getBounds());
      next.show();
      next.focus();
    },
    destroy(win) {
      if (!win.isDestroyed()) win.destroy();
    },
  });
  return swap;
}
