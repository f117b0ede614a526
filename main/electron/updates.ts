import electronUpdater from 'electron-updater';
import type { Logger } from '../core/log.js';
import { withinRollout } from '../core/update/rollout.js';
import type { UpdateSource } from '../core/update/updater.js';

/**
 * electron-updater as the updater's source (main/core/update/updater.ts decides everything): the
 * generic provider against the organisation's feed, nothing automatic, no downgrades, and the staged
 * rollout drawn by core, so electron-updater's own draw does not halve the share.
 */
export function electronUpdateSource(o: { feedUrl: string; deviceId: string; log: Logger }): UpdateSource {
  // Set up on first use: with self-update switched off (MSI deployments) electron-updater is never touched.
  let configured: typeof electronUpdater.autoUpdater | null = null;
  const updater = () => {
    if (configured) return configured;
    const { autoUpdater } = electronUpdater;
    autoUpdater.setFeedURL({ provider: 'generic', url: o.feedUrl });
    autoUpdater.autoDownload = false;
    autoUpdater.autoInstallOnAppQuit = false;
    autoUpdater.allowDowngrade = false;
    autoUpdater.allowPrerelease = false;
    autoUpdater.isUserWithinRollout = (info) => withinRollout(o.deviceId, info);
    autoUpdater.logger = { info: (m) => o.log.info(`updater: ${String(m)}`), warn: (m) => o.log.warn(`updater: ${String(m)}`), error: (m) => o.log.error(`updater: ${String(m)}`) };
    configured = autoUpdater;
    return autoUpdater;
  };
  return {
    async latest() {
      return (await updater().checkForUpdates())?.updateInfo ?? null;
    },
    async download() {
      const files = await updater().downloadUpdate();
      const installer = files.find((f) => !f.endsWith('.blockmap'));
      if (!installer) throw new Error('no installer downloaded');
      return installer;
    },
    install() {
      // Silent, and Samen starts again afterwards: a ward PC must come back by itself.
      updater().quitAndInstall(true, true);
    },
  };
}
