import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: Debian's Chromium (never a downloaded browser) against the browser shell, which
 * serves the same renderer and main-process handlers as Electron, backed by a real seeded server.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/fixtures/globalSetup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 860 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    launchOptions: {
      executablePath: process.env.SAMEN_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
    // Without it a click or scroll that can never happen waits out the whole test and the report only
    // says "test timeout"; with it the report names the step and what stood in its way.
    actionTimeout: 20_000,
    // Likewise for a navigation a step waits for: the read-confirmation spec has three times run out
    // its whole two minutes at the end of the full suite with no step named.
    navigationTimeout: 30_000,
  },
});
