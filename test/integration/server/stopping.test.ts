import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseSchema } from '../../../main/core/update/release.js';
import { tempDirs } from '../../fixtures/core/harness.js';
import { httpUpdateSource, publishRelease } from '../../fixtures/core/updateFeed.js';
import { startTestServer } from '../../fixtures/testServer.js';

const tempDir = tempDirs();

/** Far below the 72 s a kept-alive connection may otherwise stay open. */
const PROMPT_STOP_MS = 20_000;
/** The moment a stop meets a connection's last response is a matter of timing; a few tries meet it. */
const TRIES = 6;

describe('a node that stops', () => {
  it('stops at once after a PC downloaded an update, without waiting for the connection that carried it', async () => {
    const feed = path.join(tempDir(), 'updates');
    publishRelease(feed, { version: '2.0.0' });
    for (let i = 0; i < TRIES; i++) {
      const s = await startTestServer('sqlite', { updatesDir: feed });
      // The updater reads the feed and the installer it names over one kept-alive connection.
      const pc = httpUpdateSource(`${s.url}/v1/updates`, tempDir());
      await pc.source.download(ReleaseSchema.parse(await pc.source.latest()));
      const stopped = await Promise.race([
        s.close().then(() => 'stopped' as const),
        new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), PROMPT_STOP_MS).unref()),
      ]);
      expect(stopped).toBe('stopped');
    }
  }, 120_000);
});
