import { app, dialog, Menu, powerMonitor, session } from 'electron';
import path from 'node:path';
import { createSamenCore } from '../core/api.js';
import { systemClock } from '../core/clock.js';
import { coreConfig } from '../core/config/coreConfig.js';
import { loadClientConfig } from '../core/config/loadClientConfig.js';
import { machineConfigPath } from '../core/config/machineConfigPath.js';
import { createRendererWatch } from '../core/crash/rendererWatch.js';
import { createWakeKeeper } from '../core/kiosk/wakeHours.js';
import { consoleLogger } from '../core/log.js';
import { errorFields } from '../core/logScrub.js';
import { rotatingFileLogger } from '../core/rotatingLog.js';
import { systemTimers } from '../core/session/idleTimer.js';
import { systemIdleSource } from '../core/session/systemIdle.js';
import { imagePath } from '../core/serving/imageRequest.js';
import { updateDeviceId } from '../core/update/rollout.js';
import { createUpdater } from '../core/update/updater.js';
import { registerAppScheme, serveApp } from './appProtocol.js';
import { electronWakeLock } from './kiosk.js';
import { safeStorageSecretStore } from './secretStore.js';
import { wireIpc } from './ipc.js';
import { electronScreens } from './screens.js';
import { workstationTray } from './tray.js';
import { APP_ORIGIN } from './securityPolicy.js';
import { electronUpdateSource } from './updates.js';

/**
 * The desktop shell: a window over main/core (and a spare one waiting hidden). Everything with logic
 * lives in main/core and is tested in plain Node; this file only connects it to Electron.
 */
// Built by scripts/build.ts into dist/electron/ (main.js + preload.cjs) beside renderer/dist.
const here = import.meta.dirname;
const configFile = machineConfigPath(process.env, process.platform, { packaged: app.isPackaged });

registerAppScheme();
app.enableSandbox();
// One Samen per computer: a second start brings the first to the front instead.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
// Main's own log in the app's data folder, for an admin to collect (scrubbed of personal data).
const log = rotatingFileLogger({ dir: path.join(app.getPath('userData'), 'logs'), clock: systemClock, echo: consoleLogger({ info: !app.isPackaged }) });
process.on('uncaughtException', (err) => log.error('main process error', errorFields(err)));
process.on('unhandledRejection', (err) => log.error('main process unhandled rejection', errorFields(err)));

async function start() {
  await app.whenReady();
  // No menu bar (and with it no "Toggle Developer Tools"), on every mode.
  Menu.setApplicationMenu(null);
  // The app needs no camera, microphone, location or notifications permission from its page.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, answer) => answer(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  const loaded = loadClientConfig(configFile, { defaultDataDir: app.getPath('userData') });
  if (!loaded.ok) {
    log.error('machine config not valid', { fields: loaded.problems.map((p) => p.field).join(',') });
    // IT sees what to fix, in Dutch and English, naming each field.
    dialog.showErrorBox('Samen kan niet starten / Samen cannot start', loaded.message);
    app.exit(2);
    return;
  }
  const config = loaded.config;
  const core = createSamenCore({
    ...coreConfig(config),
    secrets: safeStorageSecretStore(path.join(config.dataDir, 'secrets')),
    log,
    imageUrl: (id, size) => APP_ORIGIN + imagePath(id, size),
    appVersion: app.getVersion(),
    // The lock clock lives in main and reads the operating system; the page's activity is a hint.
    idleSource: systemIdleSource({ idleState: () => powerMonitor.getSystemIdleState(1), idleSeconds: () => powerMonitor.getSystemIdleTime() }),
  });
  serveApp(path.join(here, '../../renderer/dist'), core);

  const workstation = config.mode === 'workstation';
  let quitting = false;
  const watch = createRendererWatch({ clock: systemClock, timers: systemTimers, log, reload: () => screens.reloadScreen() });
  // Each person leaves the screen to a window that has never seen her (screenSwap.ts).
  const screens = electronScreens({
    preload: path.join(here, 'preload.cjs'),
    mode: config.mode,
    packaged: app.isPackaged,
    url: `${APP_ORIGIN}/index.html`,
    // A workstation's window closes to the tray, where notifications still arrive; "Afsluiten" quits.
    hideOnClose: () => workstation && !quitting,
    refuseClose: () => config.mode === 'kiosk' && !quitting,
    onFocus: () => core.notices.seen(),
    watch: () => watch,
  });
  const unwire = wireIpc(core, screens);
  screens.start();
  core.start();
  // A kiosk's screen stays on in its wake hours and may sleep outside them.
  const wake = config.mode === 'kiosk' ? createWakeKeeper({ clock: systemClock, timers: systemTimers, log, hours: config.kioskWakeHours, lock: electronWakeLock() }) : null;
  wake?.start();

  if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: config.startAtLogin });
  // Only an installed build updates itself (and only if IT left self-update on): see main/core/update.
  const deviceId = app.isPackaged ? updateDeviceId(config.dataDir) : '';
  const updater = app.isPackaged
    ? createUpdater({
        source: electronUpdateSource({ feedUrl: config.updates.feedUrl, deviceId, log }),
        settings: config.updates,
        mode: config.mode,
        currentVersion: app.getVersion(),
        deviceId,
        someoneLoggedIn: core.presence.someoneLoggedIn,
        clock: systemClock,
        timers: systemTimers,
        log,
      })
    : null;
  const unpresence = updater ? core.presence.onChange(updater.sessionChanged) : () => undefined;
  updater?.start();
  const untray = workstation ? workstationTray({ core, icons: path.join(here, '../../build'), screen: screens.shown, quit: () => app.quit() }) : () => undefined;

  app.on('second-instance', () => {
    const win = screens.shown();
    win?.show();
    win?.focus();
  });

  app.on('before-quit', () => {
    quitting = true;
    watch.stop();
    wake?.stop();
    updater?.stop();
    unpresence();
    untray();
    unwire();
    void core.stop();
  });
}

app.on('window-all-closed', () => app.quit());
if (firstInstance) void start();
