import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../../fixtures/core/harness.js';
import { publishRelease } from '../../../fixtures/core/updateFeed.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('the update feed the server serves', () => {
  let s: TestServer;
  let bare: TestServer;
  let root: string;
  let release: { file: string; bytes: Buffer };

  beforeAll(async () => {
    root = path.join(tempDir(), 'srv');
    const feed = path.join(root, 'updates');
    release = publishRelease(feed, { version: '1.5.0' });
    writeFileSync(path.join(root, 'secret.txt'), 'not for you');
    writeFileSync(path.join(feed, '.hidden'), 'not for you either');
    mkdirSync(path.join(feed, 'old'));
    writeFileSync(path.join(feed, 'old', 'latest.yml'), 'version: 0.1.0');
    symlinkSync(path.join(root, 'secret.txt'), path.join(feed, 'link.yml'));
    s = await startTestServer('sqlite', { updatesDir: feed });
    bare = await startTestServer('sqlite');
  });
  // Closing waits for the seeded organisation's search index, which a busy machine builds slowly.
  afterAll(async () => {
    await s?.close();
    await bare?.close();
  }, 120_000);

  it('serves latest.yml, never cached, and the installer it names, byte for byte, without a login', async () => {
    const yml = await fetch(`${s.url}/v1/updates/latest.yml`);
    expect(yml.status).toBe(200);
    expect(yml.headers.get('content-type')).toContain('text/yaml');
    expect(yml.headers.get('cache-control')).toBe('no-cache');
    expect(await yml.text()).toContain('version: 1.5.0');

    const file = await fetch(`${s.url}/v1/updates/${release.file}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-length')).toBe(String(release.bytes.length));
    expect(Buffer.from(await file.arrayBuffer()).equals(release.bytes)).toBe(true);
  });

  it.each([
    ['a file above the folder', '..%2Fsecret.txt'],
    ['a path up with backslashes', '..%5Csecret.txt'],
    ['a dot file', '.hidden'],
    ['a sub folder', 'old%2Flatest.yml'],
    ['a link out of the folder', 'link.yml'],
    ['a file that is not there', 'latest-mac.yml'],
    ['a name with a NUL', 'latest.yml%00.exe'],
  ])('answers 404 for %s', async (_, name) => {
    const res = await fetch(`${s.url}/v1/updates/${name}`);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toContain('not for you');
    expect(text).toContain('not_found');
  });

  it('has no feed when no folder was configured', async () => {
    expect((await fetch(`${bare.url}/v1/updates/latest.yml`)).status).toBe(404);
  });
});
