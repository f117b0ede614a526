import path from 'node:path';
import type { Page } from '@playwright/test';
import { TestClient } from '../fixtures/apiClient.js';
import { startSmtpSink, type SmtpSink } from '../fixtures/smtpSink.js';
import { expect, logIn, logOut, test as base } from './fixtures/app.js';
import { startClient, startServer, tempDir, type RunningProcess } from './fixtures/processes.js';

/** Its own server, sending to a real SMTP server on loopback. */
const test = base.extend<{ own: { server: RunningProcess; client: RunningProcess; smtp: SmtpSink } }>({
  own: [
    async ({}, use) => {
      const smtp = await startSmtpSink();
      const server = await startServer(tempDir('mail-server'), 0, { SAMEN_SMTP_URL: smtp.url, SAMEN_MAIL_RATE: '200' });
      const client = await startClient(server.url, tempDir('mail-client'));
      await use({ server, client, smtp });
      await client.stop();
      await server.stop();
      await smtp.close();
    },
    { timeout: 180_000 },
  ],
});

/** Screens to look at, when a folder for them is given (never in the repository). */
const shot = async (page: Page, name: string) => {
  const dir = process.env.SAMEN_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
};

test.setTimeout(300_000);

test('an editor composes a mailing from a post, sees the count and the mail, sends it, and the mail server receives it; the report shows the figures', async ({ page, own }) => {
  const carla = await new TestClient(own.server.url).login('1003', 'welkom-carla');
  const hostile = 'Nieuwe roosters voor de zomer staan klaar. <img src=x onerror="window.__pwned=1"> [klik](javascript:window.__pwned=2)';
  await carla.call('createPost', { body: { body: hostile } });
  const poll = (await carla.post('/v1/polls', { question: 'Roosters zomer: welke week wil je vrij?', options: ['Week 28', 'Week 30 <b>liefst</b>'] })).body as { id: string };

  await logIn(page, own.client.url, '1003', 'welkom-carla');
  await page.getByRole('link', { name: 'Mailings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mailings' })).toBeVisible();
  await page.getByRole('link', { name: 'Nieuwe mailing' }).click();

  await page.getByLabel('Onderwerp').fill('Roosters zomer <script>window.__pwned=3</script>');
  await page.getByLabel('Inleiding').fill('Beste collega, lees dit voor je volgende dienst.');
  await page.getByLabel('Zoek een bericht of pagina').fill('zomer roosters');
  await page.getByRole('checkbox', { name: /Nieuwe roosters voor de zomer/ }).check();
  // Offered as a poll, not among the posts.
  await expect(page.getByRole('checkbox', { name: /Roosters zomer: welke week/ })).toHaveCount(0);
  await page.getByRole('radio', { name: /Roosters zomer: welke week wil je vrij\?/ }).check();
  await page.getByRole('radio', { name: 'Afdelingen' }).check();
  const department = page.locator('.audience-targets').getByRole('checkbox').first();
  await department.check();

  const count = page.locator('.audience-count-main');
  await expect(count).toHaveText(/^Gaat naar \d+ collega/);
  const recipients = Number(/(\d+)/.exec((await count.textContent()) ?? '')![1]);
  expect(recipients).toBeGreaterThan(0);
  const mail = page.getByRole('document', { name: 'E-mail' });
  await expect(mail.getByRole('heading', { level: 1 })).toHaveText('Roosters zomer <script>window.__pwned=3</script>');
  // The hostile post is text in the preview: no image, no script link.
  await expect(mail).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(mail.locator('img[src="x"], script, [onerror]')).toHaveCount(0);
  await expect(mail.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expect(mail).toContainText('Roosters zomer: welke week wil je vrij?');
  await expect(mail.getByRole('link', { name: 'Week 30 <b>liefst</b>' })).toHaveAttribute('href', new RegExp(`to=poll:${poll.id}$`));
  await expect(mail).toContainText('Stemmen doe je op het intranet.');
  await shot(page, 'compose');
  await mail.scrollIntoViewIfNeeded();
  await shot(page, 'preview-desktop');
  await page.getByRole('button', { name: 'Telefoon' }).click();
  await expect(page.locator('.mail-frame-phone')).toBeVisible();
  await page.locator('.mail-frame').screenshot({ path: process.env.SAMEN_SHOTS ? path.join(process.env.SAMEN_SHOTS, 'preview-phone.png') : undefined });
  await page.getByRole('button', { name: 'Platte tekst' }).click();
  await expect(page.locator('.mail-text')).toContainText('Lees en reageer:');
  await shot(page, 'preview-text');

  await page.getByRole('button', { name: new RegExp(`Versturen naar ${recipients} collega`) }).click();
  await expect(page.getByText('Gelukt! De mailing wordt verstuurd.')).toBeVisible();
  const sent = page.locator('.mailing-figure-sent dd');
  await expect(sent).toHaveText(String(recipients), { timeout: 60_000 });
  await expect(page.locator('.mailing-figure-recipients dd')).toHaveText(String(recipients));
  await expect(page.locator('.mailing-figure-bounced dd')).toHaveText('0');
  await expect(page.locator('.mailing-status')).toHaveText('Verstuurd', { timeout: 15_000 });
  await shot(page, 'report');

  const arrived = own.smtp.received.filter((m) => m.parsed.subject === 'Roosters zomer <script>window.__pwned=3</script>');
  expect(arrived).toHaveLength(recipients);
  expect(new Set(arrived.flatMap((m) => m.to)).size).toBe(recipients);
  expect(String(arrived[0]!.parsed.html)).toContain('&lt;img src=x');
  expect(arrived[0]!.parsed.text).toContain('Nieuwe roosters voor de zomer');
  expect(arrived[0]!.parsed.text).toContain('- Week 28 (0 stemmen): ');
  expect(arrived[0]!.parsed.text).toContain('Nog niemand heeft gestemd.');
  expect(arrived[0]!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

  await page.getByRole('link', { name: '← Alle mailings' }).click();
  const row = page.getByRole('row', { name: /Roosters zomer/ });
  await expect(row).toContainText('Verstuurd');
  await expect(row.getByRole('cell', { name: String(recipients) }).first()).toBeVisible();
  await shot(page, 'list');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('an admin sets the mail server and sends a test message; a colleague opts out of mailings; nobody else sees the editor screens', async ({ page, own }) => {
  await logIn(page, own.client.url, '1004', 'welkom-daan');
  await page.getByRole('link', { name: 'Mailings' }).click();
  await page.getByRole('link', { name: 'Mailserver' }).click();
  await expect(page.getByText('De mailserver van de Samen-server.')).toBeVisible();
  await page.getByLabel('Adres van de mailserver').fill('http://verkeerd');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Het adres begint met smtp:// of smtps://')).toBeVisible();
  await page.getByLabel('Adres van de mailserver').fill(own.smtp.url.replace('smtp://', 'smtp://beheer:geheim@'));
  await page.getByLabel('Afzender (e-mailadres)').fill('intranet@demo.example');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Opgeslagen.')).toBeVisible();
  await expect(page.locator('.mail-settings-current')).toContainText('Jullie eigen mailserver');
  await expect(page.locator('.mail-settings-current')).not.toContainText('geheim');
  await page.getByLabel('Naar e-mailadres').fill('daan@demo.example');
  await page.getByRole('button', { name: 'Stuur een testbericht' }).click();
  await expect(page.getByText('Testbericht verstuurd naar daan@demo.example.')).toBeVisible();
  await expect.poll(() => own.smtp.received.filter((m) => m.to.includes('daan@demo.example') && m.parsed.subject === 'Testbericht van Samen').length).toBe(1);
  await shot(page, 'smtp-settings');
  await logOut(page);

  await page.getByLabel('Personeelsnummer').fill('1001');
  await page.getByLabel('Wachtwoord').fill('welkom-anna');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('feed')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mailings' })).toHaveCount(0);
  await page.evaluate(() => (window.location.hash = '#/mailings'));
  await expect(page.getByText('Mailings zijn voor redacteuren en beheerders')).toBeVisible();
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await expect(page.getByText(/Mailings komen op .+@/)).toBeVisible();
  await page.getByRole('checkbox', { name: /Geen mailings per e-mail/ }).check();
  await expect(page.getByText('Je krijgt geen mailings meer, alleen verplichte.')).toBeVisible();
  await shot(page, 'opt-out');
  const anna = await new TestClient(own.server.url).login('1001', 'welkom-anna');
  expect((await anna.call('getMailPreference')).body.optedOut).toBe(true);
});
