import type { Page } from '@playwright/test';
import { expect, logIn, test as base } from './fixtures/app.js';
import { startClient, startServer, tempDir, type RunningProcess } from './fixtures/processes.js';

/** Its own server, so stopping it does not disturb the other tests. */
const test = base.extend<{ own: { server: RunningProcess; client: RunningProcess } }>({
  // Seeding the demo organisation (300 pages) and starting a client take a while on a busy machine.
  own: [
    async ({}, use) => {
    const server = await startServer(tempDir('kb-server'));
    const client = await startClient(server.url, tempDir('kb-client'));
    const own = { server, client };
    await use(own);
    await own.client.stop();
    await own.server.stop();
  },
    { timeout: 180_000 },
  ],
});

/** Opens the search box with the keyboard, types like a hurried person with a typo, and opens the salary page. */
async function findSalary(page: Page) {
  await page.keyboard.press('Control+K');
  const box = page.getByRole('combobox', { name: /Zoek in pagina/ });
  await expect(box).toBeFocused();
  await box.pressSequentially('salris');
  const results = page.getByRole('listbox', { name: 'Resultaten' });
  const pages = results.getByRole('region', { name: 'Pagina’s' });
  const salary = pages.getByRole('option', { name: /Salaris en betaaldata/ });
  await expect(salary).toBeVisible();
  // The typo was forgiven: the matched word is marked in the snippet.
  await expect(salary.locator('mark').first()).toHaveText(/salaris/i);
  await salary.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Salaris en betaaldata' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Waar je bent' })).toContainText('Weten en regelen');
}

test.setTimeout(300_000);

test('types “salris” and opens “Salaris en betaaldata”, with the server there and with it stopped', async ({ page, own }) => {
  await logIn(page, own.client.url, '1001', 'welkom-anna');
  await page.getByRole('link', { name: 'Weten en regelen' }).click();
  await expect(page.getByRole('heading', { name: 'Snel regelen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Salaris', exact: true })).toBeVisible({ timeout: 30_000 });

  await findSalary(page);

  await own.server.stop();
  await expect(page.getByText(/Offline/)).toBeVisible({ timeout: 15_000 });
  await page.getByRole('link', { name: 'Tijdlijn' }).click();

  await findSalary(page);
  await expect(page.getByRole('button', { name: 'Ja' })).toBeVisible();
});
