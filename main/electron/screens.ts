import { BrowserWindow } from 'electron';
import type { ClientMode } from '../../common/src/ipc/views.js';
import type { RendererWatch } from '../core/crash/rendererWatch.js';
import { createScreenSwap, type ScreenSwap } from '../core/session/screenSwap.js';
import { APP_ORIGIN, secureWebPreferences, WINDOW_CHROME } from './securityPolicy.js';
import { lockKioskKeys } from './kiosk.js';
import { lockNavigation } from './windowSecurity.js';

/**
 * The screen swap (main/core/session/screenSwap.ts) over BrowserWindows: each window loads the app
 * hidden, and the page's only way of leaving itself, a navigation to the app's root when its person
 * left (renderer/src/app/page.ts), hands the screen to the spare instead.
 */
export function electronScreens(o: {
  preload: string;
  mode: ClientMode;
  url: string;
  hideOnClose(): boolean;
  /** A kiosk's window stays (Alt+F4 and the like) unless the app itself quits. */
  refuseClose(): boolean;
  onFocus(): void;
  packaged: boolean;
  /** Told when the screen's renderer crashes or hangs (rendererWatch.ts), which then calls `reloadScreen`. */
  watch(): RendererWatch;
}): ScreenSwap<BrowserWindow> & { reloadScreen(): void } {
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
      if (o.mode === 'kiosk') lockKioskKeys(win);
      contents.on('will-navigate', (event) => {
        if (event.url.startsWith(`${APP_ORIGIN}/`) && swap.startAfresh(win)) event.preventDefault();
      });
      // A navigation to the very address it is on may start as a reload, without will-navigate.
      contents.on('did-start-navigation', (event) => {
        if (event.isMainFrame && !event.isSameDocument) swap.startAfresh(win);
      });
      contents.on('render-process-gone', (_event, details) => {
        if (swap.shown() === win) o.watch().gone(details.reason);
        else swap.gone(win);
      });
      win.on('unresponsive', () => swap.shown() === win && o.watch().unresponsive());
      win.on('responsive', () => swap.shown() === win && o.watch().responsive());
      win.once('ready-to-show', () => swap.ready(win));
      win.on('close', (event) => {
        if (o.refuseClose()) {
          event.preventDefault();
          return;
        }
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
  return {
    ...swap,
    /** The safe screen after a crash or hang: the spare at the app's start page, or the same window reloaded there. */
    reloadScreen() {
      const win = swap.shown();
      if (!win || win.isDestroyed() || swap.startAfresh(win)) return;
      if (!win.webContents.isCrashed()) win.webContents.forcefullyCrashRenderer();
      void win.loadURL(o.url);
    },
  };
}
