import { powerSaveBlocker, type BrowserWindow } from 'electron';
import type { WakeLock } from '../core/kiosk/wakeHours.js';
import { swallowOnKiosk } from '../core/lockdown/kioskShortcuts.js';

/** The screen kept awake through Electron's powerSaveBlocker; when is main/core/kiosk/wakeHours.ts's decision. */
export function electronWakeLock(): WakeLock {
  let id: number | null = null;
  return {
    hold() {
      if (id === null) id = powerSaveBlocker.start('prevent-display-sleep');
    },
    release() {
      if (id !== null && powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
      id = null;
    },
  };
}

/** A kiosk window takes no shortcut out of the signage (main/core/lockdown/kioskShortcuts.ts decides which). */
export function lockKioskKeys(win: BrowserWindow): void {
  win.webContents.on('before-input-event', (event, input) => {
    if (swallowOnKiosk(input)) event.preventDefault();
  });
}
