import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildServer } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/db/connect.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { seedOrganisation } from '../../server/src/seed/index.js';
import { buildAll } from '../../scripts/build.js';
import { TestClient } from '../../test/fixtures/apiClient.js';
import { tapBadge } from '../../test/e2e/fixtures/badgeReader.js';
import { startClient, tempDir } from '../../test/e2e/fixtures/processes.js';
import { line, ms, summarise } from '../stats.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const TAPS = 50;
const ANNA = '04A1B2C3D4';
const BRAM = '04B2C3D4E5';
const PEOPLE: Record<string, string> = { [ANNA]: 'Anna de Vries', [BRAM]: 'Bram Jansen' };

/**
 * Tap-to-timeline on a shared ward PC (browser shell, real server on loopback, 3 000 employees): from
 * the last key of a reader burst to the person's first timeline page painted, with and without the
 * PIN step, and the switch from one person to another. Target p95 ≤ 300 ms without PIN; clinical
 * tap-and-go products advertise logins of seconds. Baseline: the same page's lock screen repainting
 * after a reload, measured in the same run.
 */
export async function main(): Promise<void> {
  console.log('\nTap-to-timeline (shared ward PC, 3 000 employees)');
  await buildAll({ quiet: true });
  const db = openDatabase({ dataDir: mkdtempSync(path.join(tmpdir(), 'samen-tap-')) });
  await migrateToLatest(db);
  const seeded = await seedOrganisation(db, { seed: 11, employees: 3000, slug: 'tap', images: false });
  const server = await buildServer({ db });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const daan = await new TestClient(url).login('1004', 'welkom-daan');
  const code = (await daan.post('/v1/admin/enrolment-codes', { name: 'Bench-pc', mode: 'shared' })).body.code as string;
  const client = await startClient(url, tempDir('tap-client'), 'shared', ['--enrolment-code', code]);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const forgetPinToday = () => db.kysely.updateTable('people').set({ last_pin_at: null }).where('tenant_id', '=', seeded.tenantId).execute();
  try {
    await page.goto(client.url);
    await page.getByText('Tik je pas op de lezer').waitFor();
    const withoutPin: number[] = [];
    const withPin: number[] = [];
    const lockScreen: number[] = [];
    const switches: number[] = [];
    // Warm-up: the first tap of the day asks the PIN and the cache fills.
    await tapToTimeline(page, ANNA, '1234');
    await logOutByTap(page, ANNA);
    for (let i = 0; i < TAPS; i++) {
      withoutPin.push(await tapToTimeline(page, ANNA));
      lockScreen.push(await logOutByTap(page, ANNA));
    }
    for (let i = 0; i < TAPS; i++) {
      await forgetPinToday();
      withPin.push(await tapToTimeline(page, ANNA, '1234'));
      await logOutByTap(page, ANNA);
    }
    await tapToTimeline(page, BRAM, '2345');
    await logOutByTap(page, BRAM);
    for (let i = 0; i < 20; i++) {
      await tapToTimeline(page, ANNA);
      switches.push(await tapToTimeline(page, BRAM));
      await logOutByTap(page, BRAM);
    }
    const report = (label: string, samples: number[]) => {
      const s = summarise(samples);
      line(label, `p50 ${ms(s.p50)}, p95 ${ms(s.p95)} (${s.n})`);
      return s;
    };
    const base = report('lock screen repaint after logout (baseline)', lockScreen);
    const tap = report('tap to timeline, no PIN', withoutPin);
    report('tap to timeline, with PIN (typing excluded)', withPin);
    report('switch Anna → Bram to Bram’s timeline', switches);
    line('tap (no PIN) p95 / target 300 ms', `${(tap.p95 / 300).toFixed(2)}`);
    line('tap (no PIN) p50 / baseline p50', `${(tap.p50 / base.p50).toFixed(1)}x`);
  } finally {
    await browser.close();
    await client.stop();
    await server.close();
    await db.close();
  }
}

/** Milliseconds from the burst's last key to the first post card on screen (PIN typing not counted). */
async function tapToTimeline(page: Page, badge: string, pin?: string): Promise<number> {
  const started = performance.now();
  await tapBadge(page, badge);
  let typing = 0;
  if (pin) {
    await page.getByLabel('Pincode').waitFor();
    const t = performance.now();
    await page.getByLabel('Pincode').fill(pin);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    typing = performance.now() - t;
  }
  // Her name in the top bar and a post card: a switch first clears the previous person's screen.
  await page.getByRole('banner').getByText(PEOPLE[badge]!).waitFor();
  await page.locator('[role=feed] article').first().waitFor();
  return performance.now() - started - typing;
}

async function logOutByTap(page: Page, badge: string): Promise<number> {
  const reloaded = page.waitForEvent('load');
  const started = performance.now();
  await tapBadge(page, badge);
  await reloaded;
  await page.getByText('Tik je pas op de lezer').waitFor();
  return performance.now() - started;
}
