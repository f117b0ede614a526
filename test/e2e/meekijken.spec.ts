import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures/app.js';
import { startClient, tempDir } from './fixtures/processes.js';

/** Screens to look at, when a folder for them is given (never in the repository). */
const shot = async (page: Page, name: string) => {
  const dir = process.env.SAMEN_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
};

test.setTimeout(120_000);

test('Anna asks a coach to look; Eva suggests an edit from her own PC; Anna takes it over and posts it', async ({ loggedIn: anna, app, browser }) => {
  await anna.setViewportSize({ width: 1280, height: 800 });
  const draft = 'Vandaag een mooie wandeling met bewoners';
  const suggested = 'Vandaag een mooie wandeling gemaakt met de bewoners van De Linde. #succes';
  await anna.getByRole('textbox', { name: 'Wat wil je delen?' }).fill(draft);
  await shot(anna, 'meekijken-composer');
  await anna.getByRole('button', { name: 'Vraag een coach om mee te kijken' }).click();
  await expect(anna.getByText('Verstuurd naar een coach. Je krijgt een melding als er iemand heeft meegekeken.')).toBeVisible();
  // Not in her timeline, nor in anyone else's.
  await expect(anna.getByRole('feed').getByText(draft)).toHaveCount(0);
  const bram = await app.api('1002', 'welkom-bram');

  const evasPc = await startClient(app.server.url, tempDir('eva-client'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const eva = await context.newPage();
    await logIn(eva, evasPc.url, '1005', 'welkom-eva');
    const nav = eva.getByRole('link', { name: /Meekijken/ });
    await expect(nav).toContainText('1');
    await nav.click();
    const queue = eva.getByRole('region', { name: 'Wacht op een coach' });
    const item = queue.getByRole('article').filter({ hasText: draft });
    await expect(item).toContainText('Van Anna de Vries');
    await shot(eva, 'meekijken-queue');
    await item.getByRole('link', { name: 'Bekijken' }).click();
    await eva.getByLabel('Voorstel: de hele tekst zoals jij hem zou plaatsen').fill(suggested);
    await eva.getByRole('button', { name: 'Voorstel sturen' }).click();
    await expect(eva.getByText('Verstuurd. De schrijver krijgt een melding.')).toBeVisible();
  } finally {
    await context.close();
    await evasPc.stop();
  }

  // Her notice opens the draft: her own text beside Eva's, with the changes marked.
  await anna.locator('.toast').filter({ hasText: 'Eva Visser keek mee met je bericht' }).getByRole('link', { name: 'Bekijken' }).click();
  await expect(anna.getByRole('region', { name: 'Voorstel van Eva Visser' })).toContainText(suggested);
  await expect(anna.getByRole('region', { name: 'Wijzigingen' }).locator('ins').first()).toHaveText(/gemaakt/);
  await shot(anna, 'meekijken-suggestion');
  await anna.getByRole('button', { name: 'Voorstel overnemen' }).click();
  await expect(anna.getByLabel('Tekst die geplaatst wordt')).toHaveValue(suggested);
  await anna.getByRole('button', { name: 'Plaatsen', exact: true }).click();
  await expect(anna.getByText('Gelukt! Je bericht staat erop.')).toBeVisible();
  await expect.poll(async () => ((await bram.get('/v1/posts?limit=10')).body.items as { body: string }[]).map((p) => p.body)).toContain(suggested);

  // Where the organisation asks for approval, her composer offers the post for it.
  const carla = await app.api('1003', 'welkom-carla');
  await carla.put('/v1/post-approval', { groupId: null, required: true });
  try {
    await anna.goto(`${app.client.url}#/`);
    // The setting reaches her PC with the next sync.
    await expect(async () => {
      await anna.reload();
      await expect(anna.getByRole('button', { name: 'Ter goedkeuring aanbieden' })).toBeVisible({ timeout: 1000 });
    }).toPass();
    await anna.getByRole('textbox', { name: 'Wat wil je delen?' }).fill('Morgen is de kantine dicht.');
    await shot(anna, 'meekijken-approval-composer');
    await anna.getByRole('textbox', { name: 'Wat wil je delen?' }).fill('');
  } finally {
    await carla.put('/v1/post-approval', { groupId: null, required: false });
  }
});
