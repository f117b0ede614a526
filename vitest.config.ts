import { defineConfig } from 'vitest/config';

/**
 * Node-side suites share their workers' module cache (`isolate: false`): each of them would
 * otherwise import the server or the core afresh, which cost more than a quarter of their time.
 * They keep no state in modules between files. Suites that replace modules (`vi.mock`) or run in
 * jsdom stay isolated.
 */
const ISOLATED = ['test/integration/server/images/decodeLimit.test.ts'];
const SHARED_MODULES = ['test/integration/server/**/*.test.ts', 'test/integration/core/**/*.test.ts', 'test/integration/web/**/*.test.ts', 'test/unit/server/**/*.test.ts', 'test/unit/core/**/*.test.ts', 'test/unit/common/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'node', include: SHARED_MODULES, exclude: ISOLATED, isolate: false } },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/electron/**/*.test.ts', ...ISOLATED],
          exclude: SHARED_MODULES.filter((p) => p.startsWith('test/unit/')),
        },
      },
    ],
  },
});
