import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserShell, type BrowserShell } from '../../../main/web/shell.js';
import type { ShellCore } from '../../../main/web/shellCore.js';

function get(port: number, urlPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const PAGE = '<!doctype html><script src="./samen-bridge.js"></script><script type="module" src="./assets/index-kQ0sICyN.js"></script>';

/** The reload after each person must not fetch and compile the app again; it holds nothing of anyone. */
describe('what the browser may keep of the browser shell', () => {
  let shell: BrowserShell;
  let cookie: string;
  const core: ShellCore = { invoke: async () => ({ ok: true, value: null }), subscribe: () => () => undefined, image: async () => null, video: async () => null, videoPoster: async () => null };

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'samen-shell-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), PAGE);
    writeFileSync(path.join(dir, 'assets', 'index-kQ0sICyN.js'), 'console.log("app")');
    writeFileSync(path.join(dir, 'assets', 'notes.txt'), 'not hashed');
    shell = await startBrowserShell({ core, rendererDir: dir, bridgeScript: '/* bridge */' });
    const handover = await get(shell.port, `/?t=${new URL(shell.url).searchParams.get('t')}`);
    cookie = String(handover.headers['set-cookie']).split(';')[0]!;
  });
  afterAll(() => shell?.close());

  it('keeps the app’s content-hashed files for good', async () => {
    const app = await get(shell.port, '/assets/index-kQ0sICyN.js', { cookie });
    expect(app.status).toBe(200);
    expect(app.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await get(shell.port, '/assets/notes.txt', { cookie })).headers['cache-control']).toBe('no-cache');
  });

  it('asks for the page again each time, and answers “not modified” while it is the same', async () => {
    const page = await get(shell.port, '/', { cookie });
    expect(page.headers['cache-control']).toBe('no-cache');
    const again = await get(shell.port, '/', { cookie, 'if-none-match': String(page.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect((await get(shell.port, '/', { cookie, 'if-none-match': '"older"' })).status).toBe(200);
  });

  it('names the bridge by its version in the page, so the bridge is kept for good under that name only', async () => {
    const page = await get(shell.port, '/', { cookie });
    const bridge = /src="\.(\/samen-bridge\.js\?v=[^"]+)"/.exec(page.body)?.[1];
    expect(bridge).toBeDefined();
    const versioned = await get(shell.port, bridge!, { cookie });
    expect(versioned.body).toBe('/* bridge */');
    expect(versioned.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await get(shell.port, '/samen-bridge.js?v=another', { cookie })).headers['cache-control']).toBe('no-cache');
  });
});
