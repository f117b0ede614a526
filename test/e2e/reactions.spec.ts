import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, logIn, logOut, postCard, test } from './fixtures/app.js';

const shot = async (page: Page, name: string) => {
  const dir = process.env.SAMEN_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`) });
};

test.setTimeout(120_000);

test('a colleague gives a post applause instead of a like, and everyone sees the count per kind', async ({ page, app }) => {
  const bram = await app.api('1002', 'welkom-bram');
  await bram.post('/v1/posts', { body: 'De audit medicatieveiligheid is gehaald, dank aan iedereen!' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, app.client.url, '1001', 'welkom-anna');
  const card = postCard(page, 'De audit medicatieveiligheid is gehaald');
  await card.getByRole('button', { name: 'Kies reactie' }).click();
  await shot(page, 'reactions-choices-1280');
  await card.getByRole('group', { name: 'Kies je reactie' }).getByRole('button', { name: 'Applaus' }).click();
  await expect(card.getByRole('button', { name: 'Applaus' })).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByLabel('1 × Applaus')).toBeVisible();
  await expect.poll(async () => (await bram.get('/v1/posts?limit=5')).body.items.find((p: { body: string }) => p.body.startsWith('De audit'))?.reactions?.applaus).toBe(1);
  await shot(page, 'reactions-given-1280');
  await logOut(page);
});
