import { app, BrowserWindow, Menu, Notification, Tray, nativeImage } from 'electron';
import path from 'node:path';
import { createSamenCore } from '../core/api.js';
import { loadClientConfig } from '../core/config/loadClientConfig.js';
import { registerAppScheme, serveApp } from './appProtocol.js';
import { safeStorageSecretStore } from './secretStore.js';
import { wireIpc } from './ipc.js';
import { APP_ORIGIN, secureWebPreferences } from './securityPolicy.js';
import { lockNavigation } from './windowSecurity.js';

/**
 * The desktop shell: one window over main/core. Everything with logic lives in main/core and is
 * tested in plain Node; this file only connects it to Electron.
 */
// Built by scripts/build.ts into dist/electron/ (main.js + preload.cjs) beside renderer/dist.
const here = import.meta.dirname;
const configFile = process.env.SAMEN_CONFIG ?? path.join(process.platform === 'win32' ? (process.env.ProgramData ?? 'C:\\ProgramData') : '/etc', 'samen', 'config.json');

registerAppScheme();
app.enableSandbox();

let window: BrowserWindow | null = null;

async function start() {
  await app.whenReady();
  const loaded = loadClientConfig(configFile, { defaultDataDir: app.getPath('userData') });
  if (!loaded.ok) {
    console.error(loaded.message);
    app.exit(2);
    return;
  }
  const config = loaded.config;
  const core = createSamenCore({
    dataDir: config.dataDir,
    serverUrl: config.serverUrl,
    ...(config.organisation ? { organisation: config.organisation } : {}),
    mode: config.mode,
    secrets: safeStorageSecretStore(path.join(config.dataDir, 'secrets')),
    ...(config.enrolmentCode ? { enrolmentCode: config.enrolmentCode } : {}),
    ...(config.idleSeconds ? { idleSeconds: config.idleSeconds } : {}),
    badgeReader: config.badgeReader,
    log: {
      info: (m, f) => console.log(JSON.stringify({ level: 'info', msg: m, ...f })),
      warn: (m, f) => console.warn(JSON.stringify({ level: 'warn', msg: m, ...f })),
      error: (m, f) => console.error(JSON.stringify({ level: 'error', msg: m, ...f })),
    },
    imageUrl: (id, size) => `${APP_ORIGIN}/images/${id}?size=${size}`,
  });
  serveApp(path.join(here, '../../renderer/dist'), core);

  const kiosk = config.mode === 'kiosk';
  window = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(path.join(here, 'preload.cjs')),
  });
  lockNavigation(window.webContents);
  const unwire = wireIpc(core, () => window);
  window.once('ready-to-show', () => window?.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  core.start();

  if (config.mode === 'workstation') {
    const tray = new Tray(nativeImage.createEmpty());
    tray.setToolTip('Samen');
    tray.setContextMenu(Menu.buildFromTemplate([{ label: 'Openen', click: () => window?.show() }, { role: 'quit', label: 'Afsluiten' }]));
    core.on('notification', (n) => {
      if (Notification.isSupported()) new Notification({ title: 'Samen', body: `${n.actorName} ${n.kind === 'mention' ? 'noemde je' : 'reageerde op je bericht'}` }).show();
    });
  }

  app.on('before-quit', () => {
    unwire();
    void core.stop();
  });
}

app.on('window-all-closed', () => app.quit());
void start();
