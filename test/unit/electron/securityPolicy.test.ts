import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { machineConfigPath } from '../../../main/core/config/machineConfigPath.js';
import { mayOpenExternally } from '../../../main/core/lockdown/externalLinks.js';
import { secureWebPreferences, WINDOW_CHROME } from '../../../main/electron/securityPolicy.js';

/**
 * The lockdown IT judges the client by. Each check fails when a setting is weakened; what only an
 * Electron binary can show (DevTools on Ctrl+Shift+I) is in test/electron.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const builder = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const source = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('the Electron window’s security settings', () => {
  it('isolate the page from Node and Electron', () => {
    expect(secureWebPreferences('/app/preload.cjs', { packaged: true })).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('allow no DevTools in a packaged build, on every mode', () => {
    expect(secureWebPreferences('/p', { packaged: true })?.devTools).toBe(false);
    expect(secureWebPreferences('/p', { packaged: false })?.devTools).toBe(true);
    expect(WINDOW_CHROME.autoHideMenuBar).toBe(true);
  });

  it('leave the window without a menu, refuse every permission, and allow one instance', () => {
    const main = source('main/electron/main.ts');
    expect(main).toContain('Menu.setApplicationMenu(null)');
    expect(main).toMatch(/setPermissionRequestHandler\(\([^)]*\) => answer\(false\)\)/);
    expect(main).toContain('setPermissionCheckHandler(() => false)');
    expect(main).toContain('app.requestSingleInstanceLock()');
    expect(main).toContain('app.enableSandbox()');
    expect(main).toContain('{ packaged: app.isPackaged }');
  });

  it('check every IPC message’s sender frame before core validates it', () => {
    const ipc = source('main/electron/ipc.ts');
    const handler = ipc.slice(ipc.indexOf("ipcMain.handle('samen:invoke'"));
    expect(handler.indexOf('fromOurPage(event)')).toBeGreaterThan(-1);
    expect(handler.indexOf('fromOurPage(event)')).toBeLessThan(handler.indexOf('core.invoke('));
    expect(source('main/electron/windowSecurity.ts')).toContain('mayOpenExternally(url, mode)');
  });
});

describe('updates and crashes in the Electron wiring', () => {
  it('leave every update decision to core: nothing automatic, no downgrade, core’s rollout draw', () => {
    const updates = source('main/electron/updates.ts');
    for (const setting of ['autoDownload = false', 'autoInstallOnAppQuit = false', 'allowDowngrade = false', 'allowPrerelease = false', "provider: 'generic'"]) expect(updates).toContain(setting);
    expect(updates).toMatch(/isUserWithinRollout = \(info\) => withinRollout\(/);
    const main = source('main/electron/main.ts');
    expect(main).toMatch(/const updater = app\.isPackaged\s*\?\s*createUpdater\(/);
    expect(main).toContain('core.presence.onChange(updater.sessionChanged)');
  });

  it('tell core’s renderer watch of a crash or hang of the screen, and log main’s own errors to the file', () => {
    const screens = source('main/electron/screens.ts');
    expect(screens).toMatch(/render-process-gone[\s\S]*o\.watch\(\)\.gone\(details\.reason\)/);
    expect(screens).toContain("win.on('unresponsive'");
    expect(screens).toContain("win.on('responsive'");
    const main = source('main/electron/main.ts');
    expect(main).toContain("process.on('uncaughtException', (err) => log.error(");
    expect(main).toContain("process.on('unhandledRejection', (err) => log.error(");
    expect(main).toMatch(/rotatingFileLogger\(\{ dir: path\.join\(app\.getPath\('userData'\), 'logs'\)/);
  });
});

describe('the fuses flipped at packaging', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect, and turn on cookie encryption and the checked archive', () => {
    expect(builder.asar).toBe(true);
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('links the page asks to open', () => {
  it('go to the browser only for web addresses', () => {
    expect(mayOpenExternally('https://www.zorggroep.nl/rooster', 'workstation')).toBe(true);
    expect(mayOpenExternally('http://intranet.local/', 'shared')).toBe(true);
    for (const url of ['file:///C:/Windows/system32/cmd.exe', 'ms-msdt:/id PCWDiagnostic', 'javascript:alert(1)', 'smb://server/share', 'https://user:pw@evil.example/', 'not a url', 'mailto:a@b.nl']) {
      expect(mayOpenExternally(url, 'workstation'), url).toBe(false);
    }
  });

  it('never go anywhere on a kiosk', () => {
    expect(mayOpenExternally('https://www.zorggroep.nl/', 'kiosk')).toBe(false);
  });
});

describe('where the machine-wide config is read', () => {
  it('is the documented place per operating system', () => {
    expect(machineConfigPath({}, 'linux')).toBe('/etc/samen/config.json');
    expect(machineConfigPath({ ProgramData: 'D:\\ProgramData' }, 'win32')).toBe('D:\\ProgramData\\samen\\config.json');
  });

  it('follows SAMEN_CONFIG only in a development build: a packaged one ignores it', () => {
    expect(machineConfigPath({ SAMEN_CONFIG: '/tmp/evil.json' }, 'linux')).toBe('/tmp/evil.json');
    expect(machineConfigPath({ SAMEN_CONFIG: '/tmp/evil.json' }, 'linux', { packaged: true })).toBe('/etc/samen/config.json');
    expect(machineConfigPath({ SAMEN_CONFIG: 'C:\\evil.json', ProgramData: 'C:\\ProgramData' }, 'win32', { packaged: true })).toBe('C:\\ProgramData\\samen\\config.json');
  });
});
