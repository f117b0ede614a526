import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { TestClient } from '../fixtures/apiClient.js';
import { expect, test as base } from './fixtures/app.js';
import { tapBadge } from './fixtures/badgeReader.js';
import { startClient, startServer, tempDir, type RunningProcess } from './fixtures/processes.js';

const ANNA_BADGE = '04A1B2C3D4';
/** Screenshots go outside the repo, for a person to look at (SAMEN_SHOTS, default /work/wt/shots/desktop). */
const shots = process.env.SAMEN_SHOTS ?? '/work/wt/shots/desktop';
/** The kiosk returns to its signage this soon, so the test waits seconds, not the real 45. */
const IDLE_SECONDS = 5;
const slide = (id: string, title: string) => ({ kind: 'slide', id, seconds: 5, weight: 1, title, text: 'Een dia van de redactie' });

/**
 * A break-room kiosk: its own server (stopped in the last test), a playlist of two slides and the
 * running polls set by an editor before the kiosk starts, and a kiosk client enrolled with a code.
 */
const test = base.extend<Record<never, never>, { kiosk: { server: RunningProcess; client: RunningProcess; poll: { id: string; options: { id: string }[] }; freshPostId: string } }>({
  kiosk: [
    async ({}, use) => {
      const server = await startServer(tempDir('kiosk-server'));
      // A post nobody has liked yet: the demo's own likes are drawn afresh each day.
      const bram = await new TestClient(server.url).login('1002', 'welkom-bram');
      const freshPostId = (await bram.post('/v1/posts', { body: 'Wie fietst zaterdag mee naar de kust? We vertrekken om negen uur bij de hoofdingang.' })).body.id as string;
      const carla = await new TestClient(server.url).login('1003', 'welkom-carla');
      const poll = (await carla.post('/v1/polls', { question: 'Soep of salade bij de lunch?', options: ['Soep', 'Salade'] })).body;
      await carla.put('/v1/admin/kiosk-playlists', {
        scope: 'organisation',
        targetId: null,
        entries: [slide('01930000-0000-7000-8000-0000000000a1', 'Dia een: de kerstborrel'), slide('01930000-0000-7000-8000-0000000000a2', 'Dia twee: griepprik'), { kind: 'polls', seconds: 5, weight: 1 }, { kind: 'celebrations', seconds: 5, weight: 1 }],
      });
      const daan = await new TestClient(server.url).login('1004', 'welkom-daan');
      const code = (await daan.post('/v1/admin/enrolment-codes', { name: 'Kiosk pauzeruimte', mode: 'kiosk' })).body.code as string;
      const client = await startClient(server.url, tempDir('kiosk-client'), 'kiosk', ['--idle-seconds', String(IDLE_SECONDS), '--enrolment-code', code]);
      await use({ server, client, poll, freshPostId });
      await client.stop();
      await server.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

test.describe.configure({ mode: 'serial' });
test.beforeEach(({ page }) => page.clock.install());

const stage = (page: Page) => page.getByRole('main', { name: 'Nieuws van je organisatie' });

/**
 * Waits until each text has been on the stage, in any order: the rotation is running. The page runs
 * on Playwright's clock (installed before it loads), so the test steps it a second at a time instead
 * of waiting out each item's 5 s: a round (two slides, the celebrations and every running poll) takes
 * moments, not half a minute. Everything else on the page keeps real time.
 */
async function seesRotation(page: Page, texts: string[]) {
  for (const text of texts) await untilOnStage(page, stage(page).filter({ hasText: text }));
}

/** Steps the page's clock until `target` is on the stage: one round is some 35 simulated seconds. */
async function untilOnStage(page: Page, target: Locator) {
  for (let second = 0; second < 120; second++) {
    if (await target.isVisible()) return;
    await page.clock.runFor(1_000);
  }
  await expect(target).toBeVisible({ timeout: 1 });
}

test('the signage rotates through the playlist: slides and the running poll with its bars', async ({ page, kiosk }) => {
  await page.goto(kiosk.client.url);
  await seesRotation(page, ['Dia een: de kerstborrel', 'Dia twee: griepprik', 'Soep of salade bij de lunch?']);
  await expect(page.getByText('Tik je pas om te reageren')).toBeVisible();
  // The demo seed: Anna's birthday and Bram's 12½ years today; Carla keeps her birthday off the kiosks.
  const celebrations = stage(page).locator('[data-kind="celebrations"]');
  await untilOnStage(page, celebrations);
  await expect(celebrations).toContainText('Anna');
  await expect(celebrations).toContainText('12½ jaar in dienst');
  await expect(celebrations).not.toContainText('Carla');
  await expect(celebrations).toHaveCSS('opacity', '1');
  await page.screenshot({ path: `${shots}/kiosk-celebrations.png` });
  // A vote elsewhere moves the bars on the kiosk, without a reload. The poll is held on screen (the
  // page's clock paused) while the vote travels: the counts come with the kiosk's next heartbeat,
  // asked for at most every ten real seconds.
  const poll = stage(page).locator('[data-kind="poll"]').filter({ hasText: 'Soep of salade bij de lunch?' });
  await untilOnStage(page, poll);
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 10));
  const bram = await new TestClient(kiosk.server.url).login('1002', 'welkom-bram');
  await bram.post(`/v1/polls/${kiosk.poll.id}/votes`, { optionIds: [kiosk.poll.options[1]!.id] });
  await expect(poll.getByRole('listitem').filter({ hasText: 'Salade' })).toContainText('100%', { timeout: 20_000 });
  await page.clock.resume();
  // The organisation's own name, not "Samen", top left.
  await expect(page.locator('.signage-top .brand-name')).not.toHaveText('Samen');
  // A tap target on a kiosk is at least 60 px.
  const box = await page.getByRole('button', { name: 'Met personeelsnummer' }).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(60);
  // Once an item has faded in, nothing on the signage is a serious accessibility problem.
  await expect(stage(page).locator('.signage-slot')).toHaveCSS('opacity', '1');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a badge tap opens her session to react; walking away brings the signage back with nothing of her left', async ({ page, kiosk }) => {
  await page.goto(kiosk.client.url);
  await expect(stage(page)).toBeVisible();
  await tapBadge(page, ANNA_BADGE);
  const pin = page.getByLabel('Pincode');
  await expect(pin.or(page.getByRole('feed'))).toBeVisible();
  if (await pin.isVisible()) {
    await pin.fill('1234');
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }
  await expect(page.getByRole('feed')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Anna de Vries');
  // Bram's post of this morning, which nobody has liked yet (a post of the demo she may have liked
  // already, and her likes arrive a moment after the timeline does).
  const like = page.locator('article').filter({ has: page.locator(`a.post-time[href="#/post/${kiosk.freshPostId}"]`) }).getByRole('button', { name: /Leuk/ });
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  // The running poll is the timeline's own card now, above that like: she votes with a tap, beside
  // Bram's vote. On this kiosk "Je wordt zo uitgelogd" shows from her first idle second; her tap counts
  // as being there and still votes: the sheet goes at its pointerdown, and the page must not jump back
  // to the like she tapped before (that took the click away from her choice).
  const soup = page.getByRole('feed').getByRole('radio', { name: /Soep/ });
  await soup.scrollIntoViewIfNeeded();
  await expect(page.getByRole('alertdialog', { name: 'Je wordt zo uitgelogd' })).toBeVisible();
  await soup.click();
  await expect(soup).toHaveAttribute('aria-checked', 'true');
  await expect(soup).toContainText('1 stem · 50%');

  // She walks away: after the idle time the kiosk starts afresh at its signage.
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await reloaded;
  await expect(stage(page)).toBeVisible();
  await seesRotation(page, ['Dia een: de kerstborrel']);
  const html = await page.content();
  expect(html).not.toContain('Anna de Vries');
  expect(html).not.toContain('aria-pressed="true"');
  expect(html).not.toContain('aria-checked="true"');
});

test('a post tapped on the signage opens after her badge tap, to react to; left alone, the signage returns', async ({ page, kiosk }) => {
  await page.goto(kiosk.client.url);
  const poll = stage(page).locator('[data-kind="poll"]').filter({ hasText: 'Soep of salade bij de lunch?' });
  await untilOnStage(page, poll);
  await poll.click();
  await expect(page.getByText('Tik nu je pas om dit bericht te openen')).toBeVisible();
  await tapBadge(page, ANNA_BADGE);
  // Her first tap of the day asks for her PIN (unless an earlier test already had it).
  const pin = page.getByLabel('Pincode');
  await expect(pin.or(page.getByRole('banner').filter({ hasText: 'Anna de Vries' }))).toBeVisible();
  if (await pin.isVisible()) {
    await pin.fill('1234');
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }
  await expect(page.getByRole('banner')).toContainText('Anna de Vries');
  await expect(page).toHaveURL(new RegExp(`#/post/${kiosk.poll.id}$`));
  await expect(page.locator('article').filter({ hasText: 'Soep of salade bij de lunch?' }).getByRole('button', { name: /Leuk/ })).toBeVisible();
  await expect(page.getByRole('feed')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/kiosk-tapped-post.png` });
  await page.waitForEvent('load', { timeout: 30_000 });
  await expect(stage(page)).toBeVisible();
  expect(page.url()).not.toContain('#/post/');
});

test('with the server stopped the signage keeps playing from the cache, with a small offline mark', async ({ page, kiosk }) => {
  await page.goto(kiosk.client.url);
  await seesRotation(page, ['Dia een: de kerstborrel']);
  await kiosk.server.stop();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible({ timeout: 20_000 });
  await seesRotation(page, ['Dia twee: griepprik', 'Soep of salade bij de lunch?', 'Dia een: de kerstborrel']);
  // A fresh start of the page while offline plays from the cache too.
  await page.reload();
  await seesRotation(page, ['Dia een: de kerstborrel', 'Dia twee: griepprik']);
});
