import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { TestClient } from '../fixtures/apiClient.js';
import { expect, logIn, postCard, test } from './fixtures/app.js';
import { startClient, startServer, tempDir } from './fixtures/processes.js';

const SHOTS = process.env.SAMEN_SHOTS;
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
};

test.describe('polls in the browser shell', () => {
  test('Carla asks a poll from the composer; Anna’s vote moves the bars on Carla’s screen within 2 s', async ({ loggedIn: anna, app, browser }) => {
    const carlasPc = await startClient(app.server.url, tempDir('carla-client'));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const carla = await context.newPage();
      await logIn(carla, carlasPc.url, '1003', 'welkom-carla');
      await carla.getByRole('button', { name: 'Peiling maken' }).click();
      const form = carla.getByRole('form', { name: 'Nieuwe peiling' });
      // Dutch messages for what is missing, field by field, before anything is sent.
      await form.getByRole('button', { name: 'Peiling plaatsen' }).click();
      await expect(form.getByText('Stel eerst een vraag.')).toBeVisible();
      await expect(form.getByText('Geef minstens 2 keuzes.')).toBeVisible();
      await form.getByRole('textbox', { name: 'Vraag' }).fill('Waar gaat het personeelsuitje heen?');
      await form.getByRole('textbox', { name: 'Keuze 1' }).fill('Bowlen');
      await form.getByRole('textbox', { name: 'Keuze 2' }).fill('bowlen');
      await form.getByRole('button', { name: 'Peiling plaatsen' }).click();
      await expect(form.getByText('Elke keuze mag maar één keer voorkomen.')).toBeVisible();
      await form.getByRole('textbox', { name: 'Keuze 2' }).fill('Escaperoom');
      await form.getByRole('button', { name: 'Keuze toevoegen' }).click();
      await form.getByRole('textbox', { name: 'Keuze 3' }).fill('Sloepvaren');
      await shot(carla, 'composer-1280');
      await form.getByRole('button', { name: 'Peiling plaatsen' }).click();
      await expect(carla.getByText('Gelukt! Je peiling staat erop.')).toBeVisible();

      const carlasCard = postCard(carla, 'Waar gaat het personeelsuitje heen?');
      await expect(carlasCard.getByText('Nog geen stemmen')).toBeVisible();

      const annasCard = postCard(anna, 'Waar gaat het personeelsuitje heen?');
      await expect(annasCard).toBeVisible({ timeout: 15_000 });
      await expect(annasCard.getByRole('radio', { name: /Escaperoom/ })).toHaveAttribute('aria-checked', 'false');
      await annasCard.getByRole('radio', { name: /Escaperoom/ }).click();
      const voted = Date.now();
      // Hers at once, with the bar and its words.
      await expect(annasCard.getByRole('radio', { name: /Escaperoom/ })).toHaveAttribute('aria-checked', 'true');
      await expect(annasCard.getByRole('radio', { name: /Escaperoom/ })).toContainText('1 stem · 100%');

      await expect(carlasCard.getByText('1 stem', { exact: true })).toBeVisible({ timeout: 2_000 });
      expect(Date.now() - voted).toBeLessThan(2_000);
      await expect(carlasCard.getByRole('radio', { name: /Escaperoom/ })).toContainText('1 stem · 100%');
      await expect(carlasCard.getByRole('radio', { name: /Bowlen/ })).toContainText('0 stemmen · 0%');
      await shot(carla, 'card-after-vote-1280');

      // The side column shows it running, with the same bars.
      const running = carla.getByRole('region', { name: 'Lopende peilingen' });
      await expect(running.getByText('Waar gaat het personeelsuitje heen?')).toBeVisible();
      await carla.setViewportSize({ width: 1920, height: 1080 });
      await shot(carla, 'home-1920');
    } finally {
      await context.close();
      await carlasPc.stop();
    }
  });

  test('a vote made offline waits, shows at once, and is counted exactly once when the server is back', async ({ page }) => {
    const serverDir = tempDir('polls-server');
    let server = await startServer(serverDir);
    const port = Number(new URL(server.url).port);
    const client = await startClient(server.url, tempDir('polls-client'));
    try {
      const carlaApi = await new TestClient(server.url).login('1003', 'welkom-carla');
      const asked = await carlaApi.post('/v1/polls', { question: 'Welke soep op de afdeling vrijdag?', options: ['Tomatensoep', 'Erwtensoep'] });
      await page.setViewportSize({ width: 1280, height: 800 });
      await logIn(page, client.url, '1001', 'welkom-anna');
      const card = postCard(page, 'Welke soep op de afdeling vrijdag?');
      await expect(card).toBeVisible({ timeout: 15_000 });

      await server.stop();
      await expect(page.getByText(/Offline/)).toBeVisible({ timeout: 15_000 });
      await card.getByRole('radio', { name: /Erwtensoep/ }).click();
      await expect(card.getByRole('radio', { name: /Erwtensoep/ })).toHaveAttribute('aria-checked', 'true');
      await expect(card.getByText('Je stem wordt verstuurd zodra het kan.')).toBeVisible();
      await expect(card.getByRole('radio', { name: /Erwtensoep/ })).toContainText('1 stem · 100%');
      await shot(page, 'card-offline-1280');

      server = await startServer(serverDir, port);
      await expect(card.getByText('Je stem wordt verstuurd zodra het kan.')).toHaveCount(0, { timeout: 30_000 });
      await expect(card.getByText('Je hebt gestemd.')).toBeVisible();
      const api = await new TestClient(server.url).login('1003', 'welkom-carla');
      await expect.poll(async () => (await api.get(`/v1/polls/${asked.body.id}`)).body.options.map((o: { votes: number }) => o.votes), { timeout: 10_000 }).toEqual([0, 1]);
      await expect(card.getByRole('radio', { name: /Erwtensoep/ })).toContainText('1 stem · 100%');
    } finally {
      await client.stop();
      await server.stop();
    }
  });
});
