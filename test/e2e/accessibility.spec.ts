import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/app.js';

test('the timeline has no serious or critical accessibility violations', async ({ loggedIn: page }) => {
  await expect(page.getByRole('feed').locator('article').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the login screen has no serious or critical accessibility violations', async ({ page, app }) => {
  await page.goto(app.client.url);
  await expect(page.getByLabel('Personeelsnummer')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
