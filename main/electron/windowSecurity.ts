import { shell, type WebContents } from 'electron';
import type { ClientMode } from '../../common/src/ipc/views.js';
import { mayOpenExternally } from '../core/lockdown/externalLinks.js';
import { APP_ORIGIN } from './securityPolicy.js';

/** No navigation away from the app and no new windows; web links open in the person's browser (not on kiosks). */
export function lockNavigation(contents: WebContents, mode: ClientMode): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (mayOpenExternally(url, mode)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
