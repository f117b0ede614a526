import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME } from '../../../../main/core/cache/openCache.js';
import { startCore } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('an app whose cache file is damaged', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  it('starts anyway, logs it, and fills a new cache from the server', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, CACHE_FILE_NAME), Buffer.alloc(64 * 1024, 0x5a));

    const u = startCore({ url: server.url, dataDir });
    try {
      expect(u.log.lines).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ reason: expect.any(String) }) }));
      expect(readdirSync(dataDir).some((name) => name.startsWith(`${CACHE_FILE_NAME}.corrupt-`))).toBe(true);
      await u.login('1002');
      await waitFor(async () => {
        const list = await u.core.invoke('timeline.list', { limit: 5 });
        return list.ok && list.value.items.length === 5;
      }, 'the timeline to be rebuilt');
    } finally {
      await u.core.stop();
    }
  });
});
