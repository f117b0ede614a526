import { chromium } from 'playwright-core';
import { buildAll } from '../../scripts/build.js';
import { startClient, startServer, tempDir } from '../../test/e2e/fixtures/processes.js';
import { line, ms, summarise } from '../stats.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * Browser shell start-up with the real server: from starting the client process to its address, to
 * the login screen, and from "Inloggen" to the first timeline page painted. The login screen load is
 * the baseline for the timeline paint (same page, same shell, no data).
 */
export async function main(): Promise<void> {
  console.log('\nBrowser shell (real server, demo organisation)');
  await buildAll({ quiet: true });
  const server = await startServer(tempDir('bench-server'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const starts: number[] = [];
  const loginScreens: number[] = [];
  const timelines: number[] = [];
  try {
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const client = await startClient(server.url, tempDir('bench-client'));
      starts.push(performance.now() - t0);
      const page = await browser.newPage();
      const t1 = performance.now();
      await page.goto(client.url);
      await page.getByLabel('Personeelsnummer').waitFor();
      loginScreens.push(performance.now() - t1);
      await page.getByLabel('Personeelsnummer').fill('1001');
      await page.getByLabel('Wachtwoord').fill('welkom-anna');
      const t2 = performance.now();
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.locator('[role=feed] article').first().waitFor();
      timelines.push(performance.now() - t2);
      await page.close();
      await client.stop();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const s = summarise(starts);
  const l = summarise(loginScreens);
  const t = summarise(timelines);
  line('client start to address printed', `p50 ${ms(s.p50)}, max ${ms(s.max)} (${s.n} starts)`);
  line('login screen shown (baseline)', `p50 ${ms(l.p50)}, max ${ms(l.max)}`);
  line('"Inloggen" to first timeline page painted', `p50 ${ms(t.p50)}, max ${ms(t.max)}`);
  line('first timeline page / login screen', `${(t.p50 / l.p50).toFixed(1)}x`);
}
