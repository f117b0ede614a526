import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, logIn, logOut, test } from './fixtures/app.js';

const shot = async (page: Page, name: string) => {
  const dir = process.env.SAMEN_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`) });
};

test.setTimeout(120_000);

test('an editor keeps the conversation starters, and the empty composer offers the question with one tap to answer it', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, app.client.url, '1003', 'welkom-carla');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gespreksstarters' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gespreksstarters' })).toBeVisible();
  await expect(page.getByLabel('Vraag 1', { exact: true })).toHaveValue('Hoe zorg jij voor een fijne werkdag?');
  await page.getByLabel('Gespreksstarters staan aan').check();
  await page.getByRole('button', { name: 'Vraag 2 omhoog' }).click();
  await expect(page.getByLabel('Vraag 1', { exact: true })).toHaveValue('Welke kleine overwinning heb jij vandaag behaald?');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Gelukt! De gespreksstarters zijn opgeslagen.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Wat komt er' })).toContainText('Welke kleine overwinning heb jij vandaag behaald?');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'starters-editor-1280');

  await page.getByRole('button', { name: 'Volgende vraag nu stellen' }).click();
  await expect(page.getByText('Gelukt! De vraag staat in de tijdlijn.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Tijdlijn' }).click();

  const composer = page.getByRole('region', { name: 'Nieuw bericht' });
  await expect(composer).toContainText('Vraag van de week: Welke kleine overwinning heb jij vandaag behaald?');
  if (process.env.SAMEN_SHOTS) await composer.screenshot({ path: path.join(process.env.SAMEN_SHOTS, 'starters-composer-prompt.png') });
  // Typing puts the prompt away; an empty composer offers it again.
  await composer.getByLabel('Wat wil je delen?').fill('Iets anders');
  await expect(composer.getByRole('link', { name: /^Reageer/ })).toHaveCount(0);
  await composer.getByLabel('Wat wil je delen?').fill('');
  await composer.getByRole('link', { name: /^Reageer/ }).click();
  // The timeline's posts stay on screen until the post's own page has taken their place.
  await expect(page.getByRole('heading', { level: 1, name: 'Bericht' })).toBeVisible();
  await expect(page.getByRole('article')).toContainText('Welke kleine overwinning heb jij vandaag behaald?');
  await page.getByRole('article').getByLabel('Je reactie').fill('Een bewoner liep vandaag zelf naar de huiskamer!');
  await page.getByRole('article').getByRole('button', { name: 'Plaatsen' }).click();
  await expect(page.getByRole('article')).toContainText('Een bewoner liep vandaag zelf naar de huiskamer!');
  await logOut(page);
});
