import { TestClient } from '../fixtures/apiClient.js';
import { expect, test } from './fixtures/app.js';
import { soakSignage } from './fixtures/signageSoak.js';
import { startClient, startServer, tempDir } from './fixtures/processes.js';

const ITEM_SECONDS = 10;
const HOURS = Number(process.env.SOAK_HOURS ?? 24);

/**
 * A kiosk runs for months: a day of its signage loop, on the page's fake clock, must not leave the
 * renderer holding more than it did after the first hour (images, listeners, timers and DOM nodes of
 * items long gone are released). Clear growth fails; a little noise does not.
 */
test('a day of signage does not make the renderer grow', async ({ page }) => {
  test.setTimeout(300_000);
  const server = await startServer(tempDir('soak-server'));
  try {
    const carla = await new TestClient(server.url).login('1003', 'welkom-carla');
    const current = (await carla.get('/v1/admin/kiosk-playlists?scope=organisation')).body.playlist.entries as { kind: string }[];
    // The demo playlist (a photo slide, pinned and new posts, polls, ...) with each item on screen for the shortest time.
    await carla.put('/v1/admin/kiosk-playlists', { scope: 'organisation', targetId: null, entries: current.map((e) => ({ ...e, seconds: ITEM_SECONDS })) });
    const daan = await new TestClient(server.url).login('1004', 'welkom-daan');
    const code = (await daan.post('/v1/admin/enrolment-codes', { name: 'Kiosk soak', mode: 'kiosk' })).body.code as string;
    const client = await startClient(server.url, tempDir('soak-client'), 'kiosk', ['--enrolment-code', code]);
    try {
      await page.clock.install();
      await page.goto(client.url);
      await expect(page.locator('.signage-slot')).toBeVisible({ timeout: 30_000 });
      const { shown, samples } = await soakSignage(page, { hours: HOURS, sampleAt: [1, HOURS] });
      const first = samples.get(1)!;
      const last = samples.get(HOURS)!;
      console.log(`kiosk soak: ${shown} items in ${HOURS} simulated hours; heap ${(first.heapBytes / 1e6).toFixed(1)} → ${(last.heapBytes / 1e6).toFixed(1)} MB, DOM nodes ${first.domNodes} → ${last.domNodes}, listeners ${first.listeners} → ${last.listeners}`);
      // The loop really ran for the whole day. On the fake clock a turn may start a little late (when
      // the page renders after the clock's next timer), so not every 10 s counts a new item.
      expect(shown).toBeGreaterThan(0.75 * ((HOURS * 3600) / ITEM_SECONDS));
      expect(last.heapBytes).toBeLessThan(first.heapBytes * 1.5 + 2e6);
      expect(last.domNodes).toBeLessThan(first.domNodes * 1.5 + 300);
      expect(last.listeners).toBeLessThan(first.listeners * 1.5 + 50);
      await client.stop();
    } catch (err) {
      await client.stop();
      throw err;
    }
  } finally {
    await server.stop();
  }
});
