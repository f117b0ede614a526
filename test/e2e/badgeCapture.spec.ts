import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { TestClient } from '../fixtures/apiClient.js';
import { expect, test as base } from './fixtures/app.js';
import { tapBadge } from './fixtures/badgeReader.js';
import { startClient, startServer, tempDir, type RunningProcess } from './fixtures/processes.js';

const ANNA_BADGE = '04A1B2C3D4';
const BUSY_MS = 300;

/** A ward PC: its own server and a client in shared mode, enrolled with a code. */
const test = base.extend<Record<never, never>, { ward: { server: RunningProcess; client: RunningProcess; enrolmentCode: () => Promise<string> } }>({
  ward: [
    async ({}, use) => {
      const server = await startServer(tempDir('badge-server'));
      const daan = await new TestClient(server.url).login('1004', 'welkom-daan');
      const enrolmentCode = async () => (await daan.post('/v1/admin/enrolment-codes', { name: 'Afdeling 2A, pc bij de balie', mode: 'shared' })).body.code as string;
      const client = await startClient(server.url, tempDir('badge-client'), 'shared', ['--enrolment-code', await enrolmentCode()]);
      await use({ server, client, enrolmentCode });
      await client.stop();
      await server.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

type Busy = { start: number; end: number };
type SeenKey = { stamp: number; handled: number };
type Probe = { busy?: Busy; keys: SeenKey[] };

/**
 * Makes the page busy for `ms` the moment a burst begins: the first real keydown runs one long task
 * (as painting a long timeline can be), so the reader's next keys queue up behind it. Notes when it
 * ran and when each key went down and was handled, in sessionStorage so they outlive the reload
 * that follows a logout.
 */
async function busyWhenTheFirstKeyComes(page: Page, ms: number) {
  await page.evaluate((ms) => {
    const probe: Probe = { keys: [] };
    const save = () => sessionStorage.setItem('probe', JSON.stringify(probe));
    save();
    window.addEventListener(
      'keydown',
      (e) => {
        if (!e.isTrusted) return;
        probe.keys.push({ stamp: e.timeStamp, handled: performance.now() });
        if (!probe.busy) {
          const start = performance.now();
          while (performance.now() - start < ms);
          probe.busy = { start, end: performance.now() };
        }
        save();
      },
      { capture: true },
    );
  }, ms);
}

const readProbe = async (page: Page): Promise<Probe> => JSON.parse((await page.evaluate(() => sessionStorage.getItem('probe'))) ?? '{"keys":[]}');

/** The reader's second key went down while the page was busy and waited for it: what these tests are about. */
function expectKeysQueuedBehindLongTask(probe: Probe) {
  expect(probe.busy).toBeDefined();
  expect(probe.keys.length).toBeGreaterThan(1);
  expect(probe.keys[1]!.stamp).toBeLessThan(probe.busy!.end);
  expect(probe.keys[1]!.handled).toBeGreaterThanOrEqual(probe.busy!.end);
}

async function openLockScreen(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByText('Tik je pas op de lezer')).toBeVisible();
}

/** After a tap on the lock screen: her PIN if today's first tap asks it, then her timeline. */
async function expectLoggedIn(page: Page, name: string, pin: string) {
  const pinField = page.getByLabel('Pincode');
  const banner = page.getByRole('banner').getByText(name);
  await expect(pinField.or(banner)).toBeVisible();
  if (await pinField.isVisible()) {
    await pinField.fill(pin);
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }
  await expect(banner).toBeVisible();
  await expect(page.getByRole('feed')).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test('a badge tapped while the page is busy with a long task still logs Anna in', async ({ page, ward }) => {
  await openLockScreen(page, ward.client.url);
  await busyWhenTheFirstKeyComes(page, BUSY_MS);
  await tapBadge(page, ANNA_BADGE);
  await expectLoggedIn(page, 'Anna de Vries', '1234');
  expectKeysQueuedBehindLongTask(await readProbe(page));
  const reloaded = page.waitForEvent('load');
  await tapBadge(page, ANNA_BADGE);
  await reloaded;
});

test('her own badge tapped while the page is busy logs her out', async ({ page, ward }) => {
  await openLockScreen(page, ward.client.url);
  await tapBadge(page, ANNA_BADGE);
  await expectLoggedIn(page, 'Anna de Vries', '1234');
  await busyWhenTheFirstKeyComes(page, BUSY_MS);
  const reloaded = page.waitForEvent('load');
  await tapBadge(page, ANNA_BADGE);
  await reloaded;
  await expect(page.getByText('Tik je pas op de lezer')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Anna de Vries');
  expectKeysQueuedBehindLongTask(await readProbe(page));
});

test('a badge whose last keys the browser hands over late is still one tap: Anna in and out', async ({ page, ward }) => {
  await openLockScreen(page, ward.client.url);
  await tapBadge(page, ANNA_BADGE, { stall: { keys: 3, ms: 80 } });
  await expectLoggedIn(page, 'Anna de Vries', '1234');
  const reloaded = page.waitForEvent('load');
  await tapBadge(page, ANNA_BADGE, { stall: { keys: 2, ms: 80 } });
  await reloaded;
  await expect(page.getByText('Tik je pas op de lezer')).toBeVisible();
});

test('a reader burst that ends in Tab is not typed into the composer, and the focus stays there', async ({ page, ward }) => {
  await openLockScreen(page, ward.client.url);
  await tapBadge(page, ANNA_BADGE);
  await expectLoggedIn(page, 'Anna de Vries', '1234');
  const composer = page.getByLabel('Wat wil je delen?');
  await composer.click();
  await page.keyboard.type('Hallo', { delay: 90 });
  await tapBadge(page, '04A1B2C3D4', { end: 'tab' });
  await expect(page.getByText('Pas niet goed gelezen. Tik hem nog een keer.')).toBeVisible();
  await expect(composer).toHaveValue('Hallo');
  await expect(composer).toBeFocused();
  const reloaded = page.waitForEvent('load');
  await tapBadge(page, ANNA_BADGE);
  await reloaded;
});

test('a ward PC whose config file sets its reader to AZERTY and Tab logs Anna in and out with it', async ({ page, ward }) => {
  const dir = tempDir('badge-azerty-client');
  const configFile = path.join(dir, 'samen.json');
  writeFileSync(configFile, JSON.stringify({ badgeReader: { layout: 'azerty', terminator: 'tab' } }));
  const client = await startClient(ward.server.url, dir, 'shared', ['--enrolment-code', await ward.enrolmentCode(), '--config', configFile]);
  try {
    await openLockScreen(page, client.url);
    await tapBadge(page, ANNA_BADGE, { layout: 'azerty', end: 'tab' });
    await expectLoggedIn(page, 'Anna de Vries', '1234');
    const reloaded = page.waitForEvent('load');
    await tapBadge(page, ANNA_BADGE, { layout: 'azerty', end: 'tab' });
    await reloaded;
    await expect(page.getByText('Tik je pas op de lezer')).toBeVisible();
  } finally {
    await client.stop();
  }
});
