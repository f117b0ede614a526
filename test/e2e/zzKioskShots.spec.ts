import { TestClient } from '../fixtures/apiClient.js';
import { expect, test } from '@playwright/test';
import { startClient, startServer, tempDir } from './fixtures/processes.js';

test.setTimeout(240_000);
test('shots', async ({ page, browser }) => {
  const server = await startServer(tempDir('shot-server'));
  const carla = await new TestClient(server.url).login('1003', 'welkom-carla');
  await carla.post('/v1/polls', { question: 'Welke dag past het best voor de teamuitje?', options: ['Vrijdag', 'Zaterdag', 'Zondag'] });
  const current = (await carla.get('/v1/admin/kiosk-playlists?scope=organisation')).body.playlist.entries as { seconds: number; kind: string }[];
  const posts = (await carla.get('/v1/posts?limit=5')).body.items as { id: string }[];
  await carla.put(`/v1/posts/${posts[2]!.id}/read-requirement`, { audience: { everyone: true } });
  await carla.put('/v1/admin/kiosk-playlists', { scope: 'organisation', targetId: null, entries: current.map((e) => ({ ...e, seconds: 5, ...(e.kind === 'newPosts' ? { count: 1 } : {}) })) });
  const daan = await new TestClient(server.url).login('1004', 'welkom-daan');
  const code = (await daan.post('/v1/admin/enrolment-codes', { name: 'Kiosk pauzeruimte', mode: 'kiosk' })).body.code as string;
  const client = await startClient(server.url, tempDir('shot-client'), 'kiosk', ['--enrolment-code', code]);
  for (const [w, h] of [[1920, 1080], [1280, 800]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(client.url);
    const seen = new Set<string>();
    for (let i = 0; i < 30 && seen.size < 6; i++) {
      const slot = page.locator('.signage-slot');
      await slot.waitFor();
      await page.waitForTimeout(1200);
      const kind = ((await slot.getAttribute('data-kind')) ?? '') + ((await slot.locator('.signage-label').first().textContent({ timeout: 500 }).catch(() => '')) ?? '');
      if (!seen.has(kind)) {
        seen.add(kind);
        await page.screenshot({ path: `/tmp/shots/kiosk/signage-${w}-${seen.size}.png` });
      }
      await page.waitForTimeout(2500);
    }
  }
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'nl-NL' });
  const ws = await startClient(server.url, tempDir('shot-ws'));
  const p2 = await ctx.newPage();
  await p2.goto(ws.url);
  await p2.getByLabel('Personeelsnummer').fill('1003');
  await p2.getByLabel('Wachtwoord').fill('welkom-carla');
  await p2.getByRole('button', { name: 'Inloggen' }).click();
  await expect(p2.getByRole('feed')).toBeVisible();
  await p2.goto(ws.url.replace(/\/\?t=.*/, '/') + '#/kiosks').catch(() => undefined);
  await p2.evaluate(() => (window.location.hash = '#/kiosks'));
  await p2.waitForTimeout(4000);
  await p2.screenshot({ path: '/tmp/shots/kiosk/admin-1920.png', fullPage: true });
  await p2.setViewportSize({ width: 1280, height: 800 });
  await p2.waitForTimeout(1000);
  await p2.screenshot({ path: '/tmp/shots/kiosk/admin-1280.png', fullPage: true });
  await ws.stop();
  await client.stop();
  await server.stop();
});
