import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, logIn, logOut, test } from './fixtures/app.js';

/** Screens to look at, when a folder for them is given (never in the repository). */
const shot = async (page: Page, name: string, fullPage = true) => {
  const dir = process.env.SAMEN_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
};

test.setTimeout(120_000);

test('the demo organisation’s dashboard shows Tuesday afternoon as the best time to post, with every chart also as a table', async ({ page, app }) => {
  await logIn(page, app.client.url, '1003', 'welkom-carla');
  await page.getByRole('link', { name: 'Statistieken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistieken' })).toBeVisible();

  const best = page.getByTestId('best-time');
  await expect(best).toHaveText(/^Beste moment om te posten: dinsdag (1[2-7]):00–(1[3-8]):00$/);
  // The heatmap marks the same cell: Tuesday's row holds the star.
  const tuesday = page.getByRole('table', { name: 'Activiteit per weekdag en uur (Nederlandse tijd)' }).getByRole('row', { name: /^dinsdag/ });
  await expect(tuesday.locator('.heat-best')).toHaveCount(1);
  const bestHour = Number(/dinsdag (\d+):00/.exec((await best.textContent()) ?? '')![1]);
  const cells = tuesday.locator('td');
  await expect(cells.nth(bestHour)).toHaveClass(/heat-best/);

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Charts are canvases with a summary; their figures are in tables for the screen reader.
  await expect(page.getByRole('img', { name: /actieve collega’s per dag/i })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Actieve collega’s per dag' })).toBeAttached();
  await expect(page.getByRole('table', { name: 'Op welk apparaat?' }).getByRole('row', { name: /Eigen werkplek/ })).toBeAttached();
  // Nothing pushes the page wider than the window (a hidden table least of all).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await shot(page, 'dashboard-1280');

  // A department of fewer than 10 colleagues shows no figure.
  const department = page.getByLabel('Afdeling');
  const options = await department.locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(1);
  // Posts, groups and searches are counted for the organisation only; with a filter they say so.
  const popular = page.getByRole('region', { name: 'Populaire berichten', exact: true });
  const wholeOrganisation = /hele organisatie: berichten, groepen en zoekopdrachten/;
  await expect(popular.getByText(wholeOrganisation)).toHaveCount(0);
  await department.selectOption({ index: 1 });
  await expect(popular.getByText(wholeOrganisation)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Zoeken', exact: true }).getByText(wholeOrganisation)).toBeVisible();
  if (process.env.SAMEN_SHOTS) await popular.screenshot({ path: path.join(process.env.SAMEN_SHOTS, 'posts-filtered.png') });
  await department.selectOption({ index: 0 });
  await expect(popular.getByText(wholeOrganisation)).toHaveCount(0);
  await page.getByRole('button', { name: 'Laatste 7 dagen' }).click();
  await expect(page.getByTestId('best-time')).toBeVisible();

  // The table under a chart can be shown for the eye too.
  const sessions = page.getByRole('region', { name: 'Hoe lang blijven collega’s?', exact: true });
  await sessions.getByRole('button', { name: 'Toon als tabel' }).click();
  await expect(sessions.getByRole('table')).toBeVisible();
  await expect(sessions.getByRole('row', { name: /^5–15 min/ })).toBeVisible();
  if (process.env.SAMEN_SHOTS) await sessions.screenshot({ path: path.join(process.env.SAMEN_SHOTS, 'sessions-table.png') });

  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, 'dashboard-1920');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'dashboard-print');
  await page.emulateMedia({ media: 'screen' });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Wanneer is Samen het drukst? downloaden als CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^statistieken-activity-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  // UTF-8 with its byte-order mark (so a spreadsheet reads it right) and Dutch headers.
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toMatch(/^\uFEFF[^\r\n]*weekdag/i);

  // A narrow window: the menu is a bottom bar with the editor's six destinations, all on screen.
  await page.setViewportSize({ width: 600, height: 900 });
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  const tops = await Promise.all(['Tijdlijn', 'Mailings', 'Statistieken'].map(async (name) => (await nav.getByRole('link', { name }).boundingBox())!.y));
  expect(new Set(tops).size).toBe(1);
  await expect(nav.getByRole('link', { name: 'Statistieken' })).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(600);
  await shot(page, 'dashboard-600', false);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'dashboard-390', false);

  await page.setViewportSize({ width: 1280, height: 860 });
  await logOut(page);
});

test('a colleague who is not an editor has no statistics in the menu, and the address shows her none', async ({ loggedIn: page }) => {
  await expect(page.getByRole('link', { name: 'Tijdlijn' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Statistieken' })).toHaveCount(0);
  await page.evaluate(() => (window.location.hash = '#/statistieken'));
  await expect(page.getByText('Statistieken zijn er voor redacteuren en beheerders, op hun eigen werkplek.')).toBeVisible();
  await expect(page.locator('.heatmap')).toHaveCount(0);
  await expect(page.getByTestId('best-time')).toHaveCount(0);
});
