import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, logIn, logOut, postCard, test } from './fixtures/app.js';
import { startClient, tempDir } from './fixtures/processes.js';

const SHOTS = process.env.SAMEN_SHOTS;
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

test.setTimeout(120_000);

test('Bram reports a post, Eva (coach) hides it on her own PC, and Anna sees why on her post', async ({ page, app, browser }) => {
  const anna = await app.api('1001', 'welkom-anna');
  const text = 'Vandaag met mevrouw De Wit van kamer 4 naar de markt geweest';
  await anna.post('/v1/posts', { body: text });
  await page.setViewportSize({ width: 1280, height: 800 });

  await logIn(page, app.client.url, '1002', 'welkom-bram');
  // The side column shows the month's figures beside the timeline.
  const social = page.getByRole('region', { name: 'Samen deze maand' });
  await expect(social.getByText(/van je collega’s was deze maand actief|tonen we vanaf 10 collega’s/)).toBeVisible();
  await social.scrollIntoViewIfNeeded();
  await shot(page, 'moderation-side-column-1280');
  const card = postCard(page, text);
  await card.getByRole('button', { name: 'Melden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bericht melden' });
  await dialog.getByRole('radio', { name: 'Privacy van een cliënt of collega' }).check();
  await dialog.getByLabel('Toelichting (niet verplicht)').fill('Naam en kamernummer van een bewoner');
  await shot(page, 'moderation-report-dialog-1280');
  await dialog.getByRole('button', { name: 'Melding versturen' }).click();
  await expect(page.getByText('Bedankt. Je melding is verstuurd')).toBeVisible();
  await logOut(page);

  const evasPc = await startClient(app.server.url, tempDir('eva-client'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const eva = await context.newPage();
    await logIn(eva, evasPc.url, '1005', 'welkom-eva');
    await eva.getByRole('navigation').getByRole('link', { name: 'Moderatie' }).click();
    const entry = eva.getByRole('article').filter({ hasText: text });
    await expect(entry.getByText('1 collega meldde dit')).toBeVisible({ timeout: 15_000 });
    await expect(entry.getByText('Privacy van een cliënt of collega: 1')).toBeVisible();
    await shot(eva, 'moderation-queue-1280');
    await entry.getByRole('button', { name: 'Verbergen' }).click();
    await entry.getByLabel('Reden voor de schrijver').fill('Er staat een naam en kamernummer van een bewoner in');
    await entry.getByRole('button', { name: 'Verbergen en schrijver laten weten' }).click();
    await expect(eva.getByText('Gedaan. Het wordt verwerkt.')).toBeVisible();
    await eva.getByRole('tab', { name: 'Verborgen' }).click();
    await expect(eva.getByRole('article').filter({ hasText: text })).toBeVisible({ timeout: 15_000 });
  } finally {
    await context.close();
    await evasPc.stop();
  }

  // Gone for everyone else: the server says so.
  const bram = await app.api('1002', 'welkom-bram');
  await expect.poll(async () => (await bram.get('/v1/posts?limit=20')).body.items.some((p: { body: string }) => p.body === text)).toBe(false);

  await logIn(page, app.client.url, '1001', 'welkom-anna');
  const mine = postCard(page, text);
  await expect(mine.getByText('Verborgen door moderatie: Er staat een naam en kamernummer van een bewoner in')).toBeVisible({ timeout: 15_000 });
  await mine.scrollIntoViewIfNeeded();
  await shot(page, 'moderation-author-notice-1280');
  await logOut(page);
});
