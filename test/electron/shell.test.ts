import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/build.js';
import { findElectron } from '../../scripts/findElectron.js';
import { startTestServer, type TestServer } from '../fixtures/testServer.js';

const binary = findElectron();
if (!binary) {
  console.warn('\n[skip] test/electron: no Electron binary can start on this machine (it cannot be downloaded here); the window security tests are skipped.\n');
}

/** The window that is the screen (screenSwap.ts may have replaced the first one). */
async function shownPage(app: ElectronApplication) {
  for (const w of app.windows()) {
    if (!w.isClosed() && (await w.evaluate(() => document.visibilityState === 'visible').catch(() => false))) return w;
  }
  return null;
}

/** Needs the real Electron binary: the window's security flags and the preload's surface. */
describe.skipIf(!binary)('the Electron shell', () => {
  let app: ElectronApplication;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    await buildAll({ electron: true, quiet: true });
    const dir = mkdtempSync(path.join(tmpdir(), 'samen-electron-'));
    const config = path.join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ serverUrl: server.url, mode: 'workstation', dataDir: path.join(dir, 'data') }));
    app = await electron.launch({ executablePath: binary!, args: [path.resolve('dist/electron/main.js')], env: { ...process.env, SAMEN_CONFIG: config } });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it('gives the page window.samen with invoke and on, and nothing of Node or Electron', async () => {
    const page = await app.firstWindow();
    const surface = await page.evaluate(() => ({
      samen: Object.keys((window as unknown as { samen: object }).samen).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(surface).toEqual({ samen: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
  });

  it('refuses to navigate away or open windows inside the app', async () => {
    const page = await app.firstWindow();
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
      window.open('https://example.org/');
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    // Besides the spare screen waiting hidden (screenSwap.ts), no window: none of example.org.
    expect(app.windows().filter((w) => !w.url().startsWith('app://samen/'))).toEqual([]);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const page = await app.firstWindow();
    const blocked = await page.evaluate(async () => {
      try {
        await fetch('https://example.org/');
        return false;
      } catch {
        return true;
      }
    });
    expect(blocked).toBe(true);
  });

  it('opens no DevTools on Ctrl+Shift+I or F12: there is no menu to carry the shortcut', async () => {
    const page = await app.firstWindow();
    await page.locator('body').click();
    await page.keyboard.press('Control+Shift+I');
    await page.keyboard.press('F12');
    // An ordering barrier: a round trip through the page and main after the keys were handled.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const opened = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((w) => w.webContents.isDevToolsOpened()));
    expect(opened).toBe(false);
    expect(await app.evaluate(({ Menu }) => Menu.getApplicationMenu())).toBeNull();
  });

  it('on a workstation closes to the tray instead of quitting', async () => {
    const page = await app.firstWindow();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().find((w) => w.isVisible())?.close());
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((w) => w.isVisible()))).toBe(false);
    expect(page.isClosed()).toBe(false);
    // The tray's "Samen openen" does what a second start does: the window comes back.
    await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().startsWith('app://samen/'));
      win?.show();
    });
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((w) => w.isVisible()))).toBe(true);
  });

  it('after a logout shows a window that has never seen the person, and closes hers', async () => {
    const page = await app.firstWindow();
    await page.getByLabel('Personeelsnummer').fill('1001');
    await page.getByLabel('Wachtwoord').fill('welkom-anna');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('feed').locator('article').first().waitFor();
    const hers = page.waitForEvent('close');

    await page.getByRole('button', { name: 'Uitloggen' }).click();

    await hers;
    const open = app.windows().filter((w) => !w.isClosed());
    const shown = await Promise.all(open.map((w) => w.evaluate(() => document.visibilityState === 'visible')));
    const screen = open[shown.indexOf(true)]!;
    await screen.getByLabel('Personeelsnummer').waitFor();
    expect(await screen.locator('body').innerText()).not.toContain('Anna de Vries');
    expect(await screen.evaluate(() => history.length)).toBe(1);
  });

  it('reloads a crashed page at the start page', async () => {
    const before = (await shownPage(app))!;
    const crashed = before.waitForEvent('crash');
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().find((w) => w.isVisible())?.webContents.forcefullyCrashRenderer());
    await crashed;
    await expect.poll(async () => (await shownPage(app))?.getByLabel('Personeelsnummer').isVisible() ?? false, { timeout: 20_000 }).toBe(true);
  });
});
