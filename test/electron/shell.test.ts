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
});
