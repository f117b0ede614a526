import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page, type Request } from 'playwright-core';
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
      timed(withoutPin, await tapToTimeline(page, ANNA));
      timed(lockScreen, await logOutByTap(page, ANNA));
    }
    for (let i = 0; i < TAPS; i++) {
      await forgetPinToday();
      timed(withPin, await tapToTimeline(page, ANNA, '1234'));
      await logOutByTap(page, ANNA);
    }
    await tapToTimeline(page, BRAM, '2345');
    await logOutByTap(page, BRAM);
    for (let i = 0; i < 20; i++) {
      await tapToTimeline(page, ANNA);
      timed(switches, await tapToTimeline(page, BRAM, undefined, phases));
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
    const p50 = (samples: number[]) => ms(summarise(samples).p50);
    line('switch: asked / answered / restarted / painted', `p50 ${[phases.asked, phases.answered, phases.restarted, phases.painted].map(p50).join(' / ')}`);
    line('taps not heard / misread (tapped again, not timed)', `${missed.unheard} / ${missed.misread}`);
  } finally {
    await browser.close();
    await client.stop();
    await server.close();
    await db.close();
  }
}

/** Where the time of a switch goes: the page asks main, main answers, the page starts afresh, her timeline is on screen. */
type Phases = { asked: number[]; answered: number[]; restarted: number[]; painted: number[] };
const phases: Phases = { asked: [], answered: [], restarted: [], painted: [] };

const timed = (samples: number[], ms: number | null) => ms !== null && samples.push(ms);

const isBadgeCall = (r: Request) => r.url().endsWith('/rpc') && (r.postData() ?? '').includes('"session.badge"');

/**
 * A tap the page does not hear (main not asked within UNHEARD_AFTER_MS) or misreads (a key lost: main
 * is asked about an unknown badge; the bench answers "Terug") is a badge-capture bug: it is tapped
 * again so the run can finish, not timed, and counted in the report, where anything but 0 / 0 is a
 * failure to look into. Answers when the tap that was read began, or null after a misread.
 */
const UNHEARD_AFTER_MS = 10_000;
const missed = { unheard: 0, misread: 0 };

const keyCodes = (badge: string) => [...badge].map((ch) => (/\d/.test(ch) ? `Digit${ch}` : `Key${ch}`));

async function readTap(page: Page, badge: string): Promise<number | null> {
  for (;;) {
    const asked = page.waitForRequest(isBadgeCall, { timeout: UNHEARD_AFTER_MS }).then(
      (r) => r.postData() ?? '',
      () => null,
    );
    const started = performance.now();
    // Stamped as a reader stamps them, so the bench process's own pauses do not split the burst.
    await tapBadge(page, badge);
    const sent = await asked;
    if (sent === null) {
      missed.unheard += 1;
      continue;
    }
    if (sent.includes(JSON.stringify(keyCodes(badge)))) return started;
    missed.misread += 1;
    await page.getByRole('button', { name: 'Terug', exact: true }).click();
    await page.getByText('Tik je pas op de lezer').waitFor();
    return null;
  }
}


/**
 * Milliseconds from the burst's last key to the first post card on screen (PIN typing not counted);
 * null when a misread tap came first (she is logged in all the same). With `phases`, where the time went.
 */
async function tapToTimeline(page: Page, badge: string, pin?: string, phases?: Phases): Promise<number | null> {
  const seen = { asked: NaN, answered: NaN, restarted: NaN };
  if (phases) {
    void page.waitForRequest(isBadgeCall).then(() => (seen.asked = performance.now()), () => undefined);
    void page.waitForResponse((r) => isBadgeCall(r.request())).then(() => (seen.answered = performance.now()), () => undefined);
    void page.waitForEvent('domcontentloaded').then(() => (seen.restarted = performance.now()), () => undefined);
  }
  let started = await readTap(page, badge);
  const misread = started === null;
  while (started === null) started = await readTap(page, badge);
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
  const took = performance.now() - started - typing;
  if (misread) return null;
  if (phases) {
    phases.asked.push(seen.asked - started);
    phases.answered.push(seen.answered - started);
    if (!Number.isNaN(seen.restarted)) phases.restarted.push(seen.restarted - started);
    phases.painted.push(took);
  }
  return took;
}

/** Milliseconds from the burst's last key to the lock screen after the reload; null after a misread (she is logged out all the same). */
async function logOutByTap(page: Page, badge: string): Promise<number | null> {
  const reloaded = page.waitForEvent('load');
  // Should the tap fail, the wait ends with the page: that must not hide why the tap failed.
  reloaded.catch(() => undefined);
  const started = await readTap(page, badge);
  await reloaded;
  await page.getByText('Tik je pas op de lezer').waitFor();
  return started === null ? null : performance.now() - started;
}
