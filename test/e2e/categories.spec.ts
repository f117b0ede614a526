import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, logIn, logOut, postCard, test } from './fixtures/app.js';

const shot = async (page: Page, name: string) => {
  const dir = process.env.SAMEN_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`) });
};

test.setTimeout(120_000);

test('a colleague picks a category in the composer, the post shows it as a coloured chip, and one tap filters the timeline on it', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, app.client.url, '1001', 'welkom-anna');
  await page.getByRole('textbox', { name: 'Wat wil je delen?' }).fill('Handschoenen maat S liggen voortaan in kast 3');
  const picker = page.getByRole('group', { name: 'Categorie:' });
  await picker.getByRole('button', { name: '#tip' }).click();
  await expect(page.getByRole('textbox', { name: 'Wat wil je delen?' })).toHaveValue('Handschoenen maat S liggen voortaan in kast 3 #tip ');
  await shot(page, 'composer-categories-1280');
  await page.getByRole('button', { name: 'Plaatsen', exact: true }).click();
  const card = postCard(page, 'Handschoenen maat S');
  await expect(card.getByRole('link', { name: '#tip' })).toHaveClass(/rich-category/);

  await page.getByRole('navigation', { name: 'Categorieën' }).getByRole('link', { name: '#tip' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('tip');
  await expect(card).toBeVisible();
  await shot(page, 'timeline-category-filter-1280');
  await logOut(page);
});

test('an editor changes the categories on her settings screen', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, app.client.url, '1003', 'welkom-carla');
  await page.getByRole('link', { name: 'Categorieën' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Categorieën' })).toBeVisible();
  await expect(page.getByLabel('Categorie 1')).toHaveValue('tip');
  await page.getByRole('button', { name: 'Categorie toevoegen' }).click();
  await page.getByLabel('Categorie 5', { exact: true }).fill('#Compliment');
  await shot(page, 'categories-settings-1280');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Gelukt! De categorieën zijn opgeslagen.')).toBeVisible();
  await expect(page.getByLabel('Categorie 5', { exact: true })).toHaveValue('compliment');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, 'categories-settings-1920');
  await page.goto(`${new URL(app.client.url).origin}/#/`);
  await expect(page.getByRole('navigation', { name: 'Categorieën' }).getByRole('link', { name: '#compliment' })).toBeVisible();
  await logOut(page);
});
