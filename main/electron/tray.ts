import { Menu, Notification, Tray, nativeImage, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { SamenCore } from '../core/api.js';
import type { TrayState } from '../core/notify/noticeCenter.js';
import { MAIN_TEXTS } from '../core/notify/noticeTexts.js';
import { targetOf } from '../../common/src/notify/notices.js';

/**
 * A workstation's tray icon (a dot when something is unread), its menu in the person's language,
 * and the operating-system notifications core decided on; a click on one opens its post.
 */
export function workstationTray(o: { core: SamenCore; icons: string; screen(): BrowserWindow | null; quit(): void }): () => void {
  const ext = process.platform === 'win32' ? 'ico' : 'png';
  const icon = (unread: boolean) => nativeImage.createFromPath(path.join(o.icons, `${unread ? 'tray-unread' : 'tray'}.${ext}`));
  const tray = new Tray(icon(false));
  const bringForward = () => {
    const win = o.screen();
    win?.show();
    win?.focus();
    return win;
  };

  const render = (s: TrayState) => {
    const texts = MAIN_TEXTS[s.language].tray;
    tray.setImage(icon(s.unread > 0));
    tray.setToolTip(texts.tooltip(s.unread));
    const settings = o.core.notices.settings();
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: texts.open, click: bringForward },
        {
          label: texts.doNotDisturb,
          type: 'checkbox',
          checked: s.doNotDisturb,
          enabled: settings !== null,
          click: (item) => settings && o.core.notices.setSettings({ ...settings, doNotDisturb: item.checked }),
        },
        { type: 'separator' },
        { label: texts.quit, click: o.quit },
      ]),
    );
  };
  render(o.core.notices.trayState());
  tray.on('click', bringForward);

  const offTray = o.core.notices.onTray(render);
  const offDesktop = o.core.notices.onDesktop((n) => {
    if (!Notification.isSupported()) return;
    const shown = new Notification({ title: n.title, body: n.body, icon: path.join(o.icons, 'icon.png') });
    shown.on('click', () => bringForward()?.webContents.send('samen:event', 'notification.open', targetOf(n)));
    shown.show();
  });
  return () => {
    offTray();
    offDesktop();
    tray.destroy();
  };
}
