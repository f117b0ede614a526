import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, logIn, logOut, postCard, test } from './fixtures/app.js';

/** Screens to look at, when a folder for them is given (never in the repository). */
const shot = async (page: Page, name: string) => {
  const dir = process.env.SAMEN_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
};

test.setTimeout(120_000);

test('an editor plans a post with the busiest-hours tip and an end date; it waits in "Gepland", not in anyone’s timeline, until she takes it back', async ({ page, app }) => {
  await logIn(page, app.client.url, '1003', 'welkom-carla');
  const text = 'Informatiemiddag over het nieuwe zorgdossier <b>dinsdagmiddag</b> in de kantine.';
  await page.getByRole('textbox', { name: 'Wat wil je delen?' }).fill(text);
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, 'composer-1280');
  await page.getByRole('button', { name: 'Later plaatsen' }).click();
  // The demo organisation's activity peaks on Tuesday afternoon.
  await expect(page.getByText(/^Tip: dinsdag tussen 1\d en 1\d uur lezen de meeste collega’s mee\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Dat moment kiezen' }).click();
  await expect(page.getByLabel('Plaatsen op')).not.toHaveValue('');
  const end = new Date(Date.now() + 14 * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  await page.getByLabel('Van de tijdlijn halen op (mag leeg)').fill(`${end.getFullYear()}-${two(end.getMonth() + 1)}-${two(end.getDate())}T09:00`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, 'composer-later-1280');
  await page.getByRole('button', { name: 'Inplannen' }).click();
  await expect(page.getByText(/^Gepland voor dinsdag .*Je vindt het onder Gepland\.$/)).toBeVisible();
  await expect(postCard(page, 'Informatiemiddag over het nieuwe zorgdossier')).toHaveCount(0);

  const anna = await app.api('1001', 'welkom-anna');
  const annasTimeline = (await anna.get('/v1/posts?limit=50')).body.items as { body: string }[];
  expect(annasTimeline.some((p) => p.body === text)).toBe(false);

  await page.getByRole('link', { name: 'Gepland' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gepland' })).toBeVisible();
  const card = page.getByRole('list', { name: 'Geplande berichten' }).getByRole('article').filter({ hasText: 'Informatiemiddag' });
  await expect(card).toBeVisible();
  // Hostile-looking text stays text.
  await expect(card.getByText('<b>dinsdagmiddag</b>', { exact: false })).toBeVisible();
  await expect(card.getByText(/^Gaat van de tijdlijn af op /)).toBeVisible();
  await shot(page, 'gepland-1280');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, 'gepland-1920');
  await page.setViewportSize({ width: 1280, height: 800 });

  await card.getByRole('button', { name: 'Niet plaatsen' }).click();
  await expect(page.getByText('Gelukt! Dit bericht wordt niet geplaatst.')).toBeVisible();
  await expect(card).toHaveCount(0);
  // The demo's own plan stays.
  await expect(page.getByRole('list', { name: 'Geplande berichten' }).getByRole('article').filter({ hasText: 'Inloopspreekuur over de nieuwe roosters: dinsdagmiddag' })).toBeVisible();
  await expect
    .poll(async () => ((await (await app.api('1003', 'welkom-carla')).get('/v1/scheduled-posts')).body.items as { body: string }[]).some((p) => p.body === text))
    .toBe(false);
  await logOut(page);
});
