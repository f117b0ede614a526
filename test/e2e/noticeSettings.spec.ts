import AxeBuilder from '@axe-core/playwright';
import { expect, logIn, logOut, test } from './fixtures/app.js';

/** Screenshots go outside the repo, for a person to look at (SAMEN_SHOTS, default /work/wt/shots/desktop). */
const shots = process.env.SAMEN_SHOTS ?? '/work/wt/shots/desktop';

test('a workstation keeps each person’s notification choices, and the screen is accessible', async ({ page, app }) => {
  await logIn(page, app.client.url, '1001', 'welkom-anna');
  await page.getByRole('link', { name: 'Meldingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
  await page.screenshot({ path: `${shots}/notice-settings-default.png`, fullPage: true });

  await page.getByRole('switch', { name: 'Niet storen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  await page.getByRole('switch', { name: 'Herinneringen' }).click();
  await page.getByRole('switch', { name: 'Stille uren' }).click();
  await page.getByLabel('Van', { exact: true }).fill('21:30');
  await expect(page.getByRole('switch', { name: 'Herinneringen' })).toHaveAttribute('aria-checked', 'false');
  await page.screenshot({ path: `${shots}/notice-settings-chosen.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.getByLabel('Tot').fill('21:30');
  await expect(page.getByText('Kies twee verschillende tijden.')).toBeVisible();
  await page.screenshot({ path: `${shots}/notice-settings-same-times.png`, fullPage: true });

  // Bram on the same computer starts from the defaults; Anna finds her own choices back.
  await logOut(page);
  await logIn(page, app.client.url, '1002', 'welkom-bram');
  await page.getByRole('link', { name: 'Meldingen' }).click();
  await expect(page.getByRole('switch', { name: 'Niet storen' })).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByRole('switch', { name: 'Herinneringen' })).toHaveAttribute('aria-checked', 'true');
  await logOut(page);

  await logIn(page, app.client.url, '1001', 'welkom-anna');
  await page.getByRole('link', { name: 'Meldingen' }).click();
  await expect(page.getByRole('switch', { name: 'Niet storen' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('switch', { name: 'Herinneringen' })).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByLabel('Van', { exact: true })).toHaveValue('21:30');
  await expect(page.getByLabel('Tot')).toHaveValue('07:00');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await page.screenshot({ path: `${shots}/notice-settings-en.png`, fullPage: true });
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/notice-settings-narrow.png`, fullPage: true });
  await logOut(page);
});
