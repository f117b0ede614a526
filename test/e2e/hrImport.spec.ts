import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, logIn, logOut, test } from './fixtures/app.js';

/** Screens to look at, when a folder for them is given (never in the repository). */
const shot = async (page: Page, name: string) => {
  const dir = process.env.SAMEN_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
};

/**
 * Generated colleagues of the demo (never Anna, Bram, Carla or Eva, whose days the kiosk specs
 * celebrate), an unknown number, a day that does not exist and a hostile cell, as Dutch Excel saves it.
 */
const EXPORT = [
  'Personeelsnummer;Naam;Geboortedatum;Datum in dienst;Afdeling',
  '10010;"Jansen; Piet";03-11-1971;01-09-1998;Keuken',
  '10011;Sara;1988-07-19;;3B',
  '999999;Onbekend;01-01-1990;01-01-2000;',
  '10012;Tom;31-02-1990;;',
  '"<img src=x onerror=alert(1)>";Mallory;01-01;;',
].join('\r\n');

const file = (name: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${EXPORT}\r\n`, 'utf8') });

test('an admin checks an HR export, sees the skipped rows with their reason, and reads it in', async ({ page, app }) => {
  page.on('dialog', () => {
    throw new Error('a cell became markup');
  });
  await logIn(page, app.client.url, '1004', 'welkom-daan');
  await page.getByRole('link', { name: 'Kiosks' }).click();
  await expect(page.getByRole('heading', { name: 'Kiosks', level: 1 })).toBeVisible();
  await shot(page, 'hr-import-kiosks');
  await page.getByRole('link', { name: 'HR-gegevens inlezen' }).click();
  await expect(page.getByRole('heading', { name: 'HR-gegevens inlezen', level: 1 })).toBeVisible();
  await expect(page.getByText('Een lege cel laat de datum die Samen al heeft staan. Wissen kan hier niet.')).toBeVisible();

  await page.getByLabel('Kies een bestand').setInputFiles(file('hr-export.csv'));
  await expect(page.getByRole('heading', { name: 'Controle van hr-export.csv' })).toBeVisible();
  await expect(page.getByText('2 verjaardagen en 1 datum in dienst worden bijgewerkt; 3 regels overgeslagen.')).toBeVisible();
  const skipped = page.getByRole('table', { name: 'Overgeslagen regels' });
  await expect(skipped.getByRole('row')).toHaveText([/Regel\s*Personeelsnummer\s*Reden/, /4\s*999999\s*Onbekend personeelsnummer/, /5\s*10012\s*Geboortedatum bestaat niet/, /6\s*<img src=x onerror=alert\(1\)>\s*Onbekend personeelsnummer/]);
  await expect(page.locator('.hr-import img')).toHaveCount(0);
  await shot(page, 'hr-import-check');

  await page.getByRole('button', { name: 'Inlezen' }).click();
  await expect(page.getByRole('heading', { name: 'hr-export.csv is ingelezen' })).toBeVisible();
  await expect(page.getByText('2 verjaardagen en 1 datum in dienst bijgewerkt; 3 regels overgeslagen.')).toBeVisible();
  await shot(page, 'hr-import-done');

  // The same file again: everything is in already.
  await page.getByLabel('Ander bestand kiezen').setInputFiles(file('nogmaals.csv'));
  await expect(page.getByText('0 verjaardagen en 0 datums in dienst worden bijgewerkt; 3 regels overgeslagen.')).toBeVisible();
  await expect(page.getByText('Er is niets bij te werken: Samen heeft deze datums al.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Inlezen' })).toHaveCount(0);

  await logOut(page);
});
