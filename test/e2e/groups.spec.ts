import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, logIn, postCard, test } from './fixtures/app.js';
import { startClient, tempDir } from './fixtures/processes.js';

/** Opens a group from the overview, as she would: Groepen, type its name, tap it. */
async function openGroup(page: Page, name: string) {
  await page.getByRole('link', { name: 'Groepen' }).first().click();
  await page.getByLabel('Zoek een groep op naam').fill(name);
  await page.getByRole('link', { name: new RegExp(name) }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

const backToTimeline = (page: Page) => page.getByRole('link', { name: 'Tijdlijn' }).first().click();

test.describe('groups in the browser shell', () => {
  test('Anna asks to join a closed group; Eva, its admin, lets her in from her own PC', async ({ loggedIn: anna, app, browser }) => {
    const evaApi = await app.api('1005', 'welkom-eva');
    await evaApi.post('/v1/groups', { name: 'Werkgroep Dementiezorg', description: 'Kennis delen over dementie.', kind: 'work', visibility: 'closed' });

    await openGroup(anna, 'Werkgroep Dementiezorg');
    await anna.getByRole('button', { name: 'Vraag om lid te worden' }).click();
    await expect(anna.getByText('Je aanvraag is verstuurd. Een beheerder van de groep beslist.')).toBeVisible();

    const evasPc = await startClient(app.server.url, tempDir('eva-client'));
    const context = await browser.newContext();
    try {
      const eva = await context.newPage();
      await logIn(eva, evasPc.url, '1005', 'welkom-eva');
      await openGroup(eva, 'Werkgroep Dementiezorg');
      const tools = eva.getByRole('region', { name: 'Beheer' });
      await expect(tools.getByText('Anna de Vries')).toBeVisible();
      await tools.getByRole('button', { name: 'Toelaten' }).click();
      await expect(eva.getByText('Anna de Vries is nu lid.')).toBeVisible();
      await expect(tools.getByText('Geen aanvragen.')).toBeVisible();
    } finally {
      await context.close();
      await evasPc.stop();
    }

    // Anna's page follows the sync: she is a member now, and can write in the group.
    await expect(anna.getByRole('button', { name: 'Groep verlaten' })).toBeVisible();
    await expect(anna.getByRole('region', { name: 'Schrijf in Werkgroep Dementiezorg' })).toBeVisible();
  });

  test('Anna joins an open group, posts in it, and finds the post in her home timeline', async ({ loggedIn: anna, app }) => {
    const evaApi = await app.api('1005', 'welkom-eva');
    await evaApi.post('/v1/groups', { name: 'Werkgroep Tiltechnieken', description: 'Veilig tillen en verplaatsen.', kind: 'work', visibility: 'open' });

    await openGroup(anna, 'Werkgroep Tiltechnieken');
    await anna.getByRole('button', { name: 'Lid worden' }).click();
    const composer = anna.getByRole('region', { name: 'Schrijf in Werkgroep Tiltechnieken' });
    await composer.getByRole('textbox').fill('Wie wil de nieuwe tilband eens proberen op 3B?');
    await composer.getByRole('button', { name: 'Plaatsen', exact: true }).click();
    await expect(postCard(anna, 'nieuwe tilband')).toBeVisible();
    await expect(postCard(anna, 'nieuwe tilband')).toContainText('Werkgroep Tiltechnieken');

    await backToTimeline(anna);
    await expect(postCard(anna, 'nieuwe tilband')).toBeVisible();
    await expect.poll(async () => (await evaApi.get('/v1/posts?limit=5')).body.items.map((p: { body: string }) => p.body)).toContain('Wie wil de nieuwe tilband eens proberen op 3B?');
  });

  test('Anna leaves a private group and its posts leave her screen', async ({ loggedIn: anna, app }) => {
    const evaApi = await app.api('1005', 'welkom-eva');
    const annaApi = await app.api('1001', 'welkom-anna');
    const annaId = (await annaApi.get('/v1/me')).body.person.id as string;
    const group = await evaApi.post('/v1/groups', { name: 'Intervisie wijkteam', description: 'Alleen voor de deelnemers.', kind: 'work', visibility: 'private' });
    expect((await evaApi.put(`/v1/groups/${group.body.id}/members/${annaId}`, { role: 'member' })).status).toBe(200);
    await evaApi.post('/v1/posts', { body: 'Volgende intervisie is dinsdag om drie uur.', groupId: group.body.id });
    await expect(postCard(anna, 'Volgende intervisie')).toBeVisible();

    await openGroup(anna, 'Intervisie wijkteam');
    await anna.getByRole('button', { name: 'Groep verlaten' }).click();
    await expect(anna.getByText('Je hebt de groep verlaten.')).toBeVisible();
    await expect(anna.getByRole('link', { name: /Intervisie wijkteam/ })).toHaveCount(0);

    await backToTimeline(anna);
    await expect(anna.getByRole('feed').locator('article').first()).toBeVisible();
    await expect(postCard(anna, 'Volgende intervisie')).toHaveCount(0);
    await expect.poll(async () => (await annaApi.get(`/v1/groups/${group.body.id}`)).status).toBe(404);
  });

  test('the overview and a group page have no serious or critical accessibility violations', async ({ loggedIn: anna }) => {
    const serious = async () =>
      (await new AxeBuilder({ page: anna }).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    await anna.getByRole('link', { name: 'Groepen' }).first().click();
    await expect(anna.getByRole('heading', { name: 'Mijn groepen' })).toBeVisible();
    expect(await serious()).toEqual([]);
    await openGroup(anna, 'Werkgroep Valpreventie');
    await expect(anna.getByRole('region', { name: 'Schrijf in Werkgroep Valpreventie' })).toBeVisible();
    expect(await serious()).toEqual([]);
  });
});
