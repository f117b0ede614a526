import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/core/serving/contentSecurityPolicy.js';
import { startBrowserShell, type BrowserShell } from '../../../main/web/shell.js';
import type { ShellCore } from '../../../main/web/shellCore.js';

/** Raw requests, so tests can send the Host and Origin headers a hostile page or rebinding DNS would. */
function send(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('the browser shell lets only its own page in', () => {
  let shell: BrowserShell;
  let token: string;
  const calls: { method: string; input: unknown }[] = [];
  const core: ShellCore = {
    async invoke(method, input) {
      calls.push({ method, input });
      return { ok: true, value: 'answer' };
    },
    subscribe: () => () => undefined,
    image: async () => null,
    video: async () => null,
    videoPoster: async () => null,
  };

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'samen-shell-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Samen</title>');
    shell = await startBrowserShell({ core, rendererDir: dir, bridgeScript: '/* bridge */' });
    token = new URL(shell.url).searchParams.get('t')!;
  });
  afterAll(() => shell?.close());

  const cookieFor = async () => {
    const res = await send(shell.port, { path: `/?t=${token}` });
    return String(res.headers['set-cookie']).split(';')[0]!;
  };

  it('listens on loopback and hands the token over once, as an HttpOnly cookie', async () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?t=/);
    const res = await send(shell.port, { path: `/?t=${token}` });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await send(shell.port, { path: '/', headers: { cookie: await cookieFor() } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Samen</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses visitors without the token or with a wrong one', async () => {
    expect((await send(shell.port, { path: '/' })).status).toBe(403);
    expect((await send(shell.port, { path: '/?t=guess' })).status).toBe(403);
    expect((await send(shell.port, { path: '/', headers: { cookie: 'samen_shell=guess' } })).status).toBe(403);
    expect((await send(shell.port, { path: '/events' })).status).toBe(403);
  });

  it('refuses calls from another web page, even with the cookie', async () => {
    const cookie = await cookieFor();
    const body = JSON.stringify({ method: 'session.state', input: {} });
    const before = calls.length;
    const evil = await send(shell.port, { path: '/rpc', method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' }, body });
    expect(evil.status).toBe(403);
    const noOrigin = await send(shell.port, { path: '/rpc', method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
    expect(noOrigin.status).toBe(403);
    expect(calls.length).toBe(before);
    const own = await send(shell.port, { path: '/rpc', method: 'POST', headers: { cookie, origin: `http://127.0.0.1:${shell.port}`, 'content-type': 'application/json' }, body });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toEqual({ ok: true, value: 'answer' });
    expect(calls.at(-1)).toEqual({ method: 'session.state', input: {} });
  });

  it('refuses a rebound host name (DNS rebinding)', async () => {
    const res = await send(shell.port, { path: `/?t=${token}`, headers: { host: `evil.example:${shell.port}` } });
    expect(res.status).toBe(421);
  });

  it('never serves a file outside the renderer folder', async () => {
    const cookie = await cookieFor();
    for (const p of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const res = await send(shell.port, { path: p, headers: { cookie } });
      expect(res.body).not.toContain('root:');
    }
  });

  it('answers a malformed call with invalid_input instead of crashing', async () => {
    const cookie = await cookieFor();
    const res = await send(shell.port, { path: '/rpc', method: 'POST', headers: { cookie, origin: `http://127.0.0.1:${shell.port}` }, body: '{not json' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('invalid_input');
  });
});
