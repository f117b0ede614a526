import type { Page } from '@playwright/test';
import { TestClient } from '../fixtures/apiClient.js';
import { expect, test as base } from './fixtures/app.js';
import { garbledPresses, sendReaderPresses, tapBadge } from './fixtures/badgeReader.js';
import { startClient, startServer, tempDir, type RunningProcess } from './fixtures/processes.js';

const ANNA_BADGE = '04A1B2C3D4';
const BRAM_BADGE = '04B2C3D4E5';
const IDLE_SECONDS = 20;
/** The idle-lock test's own ward PC locks this soon, so the test waits seconds, not the real two minutes. */
const SHORT_IDLE_SECONDS = 4;
const LOCKOUT_SECONDS = 2;

/** A ward PC: its own server (short PIN lockout) and a client in shared mode, enrolled with a code. */
const test = base.extend<Record<never, never>, { ward: { server: RunningProcess; client: RunningProcess; api: (n: string, p: string) => Promise<TestClient> } }>({
  ward: [
    async ({}, use) => {
      const server = await startServer(tempDir('ward-server'), 0, { SAMEN_PIN_LOCKOUT_SECONDS: String(LOCKOUT_SECONDS) });
      const daan = await new TestClient(server.url).login('1004', 'welkom-daan');
      const code = (await daan.post('/v1/admin/enrolment-codes', { name: 'Afdeling 3B, pc bij de balie', mode: 'shared' })).body.code as string;
      const client = await startClient(server.url, tempDir('ward-client'), 'shared', ['--idle-seconds', String(IDLE_SECONDS), '--enrolment-code', code]);
      await use({ server, client, api: (n, p) => new TestClient(server.url).login(n, p) });
      await client.stop();
      await server.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

/** Does `action`, which ends the session: waits for the reload to the lock screen that follows. */
async function expectLockAfter(page: Page, action: () => Promise<unknown>, timeout = 10_000) {
  const reloaded = page.waitForEvent('load', { timeout });
  await action();
  await reloaded;
  await expect(page.getByText('Tik je pas op de lezer')).toBeVisible();
}

/** A tap that logs someone in, with her PIN when the server asks for it (her first tap of the day). */
async function tapIn(page: Page, badge: string, pin: string, name: string) {
  await tapBadge(page, badge);
  const pinAsked = page.getByLabel('Pincode');
  await expect(pinAsked.or(page.getByRole('banner').filter({ hasText: name }))).toBeVisible();
  if (!(await pinAsked.isVisible())) return;
  await pinAsked.fill(pin);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

async function openLockScreen(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByText('Tik je pas op de lezer')).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test('a badge tap logs Anna in (PIN on her first tap of the day) and shows her timeline', async ({ page, ward }) => {
  await openLockScreen(page, ward.client.url);
  await expect(page.locator('body')).not.toContainText(ANNA_BADGE);
  await tapBadge(page, ANNA_BADGE);
  await page.getByLabel('Pincode').fill('1234');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('feed')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Anna de Vries');
  await expect(page.locator('body')).not.toContainText(ANNA_BADGE);

  // The same badge again logs her out.
  await expectLockAfter(page, () => tapBadge(page, ANNA_BADGE));
  await expect(page.locator('body')).not.toContainText('Anna de Vries');
});

test('a reader burst while the focus is in the composer is never typed into it', async ({ page, ward }) => {
  await openLockScreen(page, ward.client.url);
  await tapBadge(page, ANNA_BADGE);
  await expect(page.getByRole('feed')).toBeVisible();
  const composer = page.getByLabel('Wat wil je delen?');
  await composer.click();
  await page.keyboard.type('Hallo team', { delay: 90 });
  await expect(composer).toHaveValue('Hallo team');
  // A card the reader garbles (letters outside its character set): swallowed, and said so.
  await sendReaderPresses(page, garbledPresses(['KeyZ', 'KeyX', 'Digit9', 'KeyZ', 'KeyX', 'Digit9', 'KeyQ', 'Digit1']));
  await expect(page.getByText('Pas niet goed gelezen. Tik hem nog een keer.')).toBeVisible();
  await expect(composer).toHaveValue('Hallo team');
  await composer.focus();
  await page.keyboard.type(' allemaal', { delay: 90 });
  await expect(composer).toHaveValue('Hallo team allemaal');
  await expectLockAfter(page, () => tapBadge(page, ANNA_BADGE));
});

test("tapping Bram's badge while Anna is in switches at once, with none of Anna's private group posts left", async ({ page, ward }) => {
  const anna = await ward.api('1001', 'welkom-anna');
  const team3b = (await anna.get('/v1/groups')).body.items.find((g: { name: string }) => g.name === 'Team 3B').id;
  await anna.post('/v1/posts', { body: 'Alleen voor Team 3B: overdracht kamer 7', groupId: team3b });

  await openLockScreen(page, ward.client.url);
  await tapBadge(page, ANNA_BADGE);
  await expect(page.getByText('Alleen voor Team 3B: overdracht kamer 7')).toBeVisible();
  await tapBadge(page, BRAM_BADGE);
  // Bram's first tap of the day also asks his PIN; Anna is gone from the screen already.
  await expect(page.getByLabel('Pincode')).toBeVisible();
  expect(await page.content()).not.toContain('Alleen voor Team 3B');
  await page.getByLabel('Pincode').fill('2345');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('banner')).toContainText('Bram Jansen');
  await expect(page.getByRole('feed').locator('article').first()).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain('Alleen voor Team 3B');
  expect(html).not.toContain('Anna de Vries</');
  await expectLockAfter(page, () => tapBadge(page, BRAM_BADGE));
});

test("after a switch Bram's screen starts afresh from the browser's cache, with no trace of Anna in its storage, window or history", async ({ page, ward }) => {
  await openLockScreen(page, ward.client.url);
  await tapIn(page, ANNA_BADGE, '1234', 'Anna de Vries');
  await expect(page.getByRole('banner')).toContainText('Anna de Vries');
  await page.getByRole('feed').locator('article a[href^="#/post/"]').first().click();
  await expect(page.getByRole('heading', { name: 'Bericht' })).toBeVisible();

  const restarted = page.waitForEvent('load');
  await tapIn(page, BRAM_BADGE, '2345', 'Bram Jansen');
  await restarted;
  await expect(page.getByRole('banner')).toContainText('Bram Jansen');
  await expect(page.getByRole('feed').locator('article').first()).toBeVisible();

  const fresh = await page.evaluate(() => ({
    app: performance
      .getEntriesByType('resource')
      .filter((r) => /\/assets\/[^/]+\.(?:js|css)$|\/samen-bridge\.js/.test(r.name))
      .map((r) => ({ file: new URL(r.name).pathname, fetched: (r as PerformanceResourceTiming).transferSize > 0 })),
    stored: JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, name: window.name }),
    route: window.location.hash,
  }));
  expect(fresh.app.length).toBeGreaterThanOrEqual(3);
  expect(fresh.app.filter((f) => f.fetched)).toEqual([]);
  expect(fresh.stored).toBe(JSON.stringify({ local: {}, session: {}, name: '' }));
  expect(fresh.route).toBe('');
  await expectLockAfter(page, () => tapBadge(page, BRAM_BADGE));
});

test('idle lock clears the screen, and going back shows nothing of hers', async ({ page, ward }) => {
  const daan = await ward.api('1004', 'welkom-daan');
  const code = (await daan.post('/v1/admin/enrolment-codes', { name: 'Afdeling 3B, pc in de gang', mode: 'shared' })).body.code as string;
  const hallPc = await startClient(ward.server.url, tempDir('hall-client'), 'shared', ['--idle-seconds', String(SHORT_IDLE_SECONDS), '--enrolment-code', code]);
  try {
    await openLockScreen(page, hallPc.url);
    await tapBadge(page, ANNA_BADGE);
    await expect(page.getByRole('feed')).toBeVisible();
    await page.getByRole('feed').locator('article a[href^="#/post/"]').first().click();
    await expect(page.getByRole('heading', { name: 'Bericht' })).toBeVisible();
    await expectLockAfter(page, () => expect(page.getByText('Je wordt zo uitgelogd')).toBeVisible(), (SHORT_IDLE_SECONDS + 10) * 1000);
    await page.goBack();
    await expect(page.getByText('Tik je pas op de lezer')).toBeVisible();
    await expect(page.locator('body')).not.toContainText('Anna de Vries');
    await expect(page.getByRole('feed')).toHaveCount(0);
  } finally {
    await hallPc.stop();
  }
});

test('5 wrong PINs lock the PIN, which works again once the lock has expired', async ({ page, ward }) => {
  await openLockScreen(page, ward.client.url);
  await page.getByRole('button', { name: 'Of log in met je personeelsnummer' }).click();
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Personeelsnummer').fill('1005');
    await page.getByLabel('Pincode').fill('0000');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
  }
  await page.getByLabel('Personeelsnummer').fill('1005');
  await page.getByLabel('Pincode').fill('5678');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByText(/Te vaak een verkeerde pincode/)).toBeVisible();

  // The right PIN, tried again until the lock is over: refused while it lasts, then let in.
  const eva = page.getByRole('banner').filter({ hasText: 'Eva Visser' });
  await expect
    .poll(
      async () => {
        if ((await eva.count()) > 0) return true;
        await page.getByLabel('Personeelsnummer').fill('1005');
        await page.getByLabel('Pincode').fill('5678');
        const answered = page.waitForResponse((r) => r.url().endsWith('/rpc') && (r.request().postData() ?? '').includes('session.pin'));
        await page.getByRole('button', { name: 'Inloggen' }).click();
        await answered;
        return (await eva.count()) > 0;
      },
      { timeout: (LOCKOUT_SECONDS + 10) * 1000, intervals: [250, 500] },
    )
    .toBe(true);
  await expectLockAfter(page, () => page.getByRole('button', { name: 'Vergrendelen' }).click());
});
