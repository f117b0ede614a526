import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../main/core/net/httpClient.js';

const answer = (status: number, body: unknown, contentType = 'application/json') =>
  (async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': contentType } })) as typeof fetch;

const client = (f: typeof fetch) => createHttpClient({ baseUrl: 'http://server.test/', fetch: f });

describe('calling the server', () => {
  it('maps failures to the codes the renderer knows, without throwing', async () => {
    const cases: [typeof fetch, string, boolean][] = [
      [async () => Promise.reject(new TypeError('fetch failed')), 'offline', true],
      [answer(502, '<html>Bad gateway</html>', 'text/html'), 'offline', true],
      [answer(503, { error: { code: 'unavailable', message: 'maintenance' } }), 'offline', true],
      [answer(504, ''), 'offline', true],
      [answer(500, { error: { code: 'internal', message: 'oops' } }), 'server_error', true],
      [answer(429, { error: { code: 'rate_limited', message: 'slow down' } }), 'rate_limited', true],
      [answer(409, { error: { code: 'idempotency_in_progress', message: 'busy' } }), 'server_error', true],
      [answer(401, { error: { code: 'token_expired', message: 'expired' } }), 'not_logged_in', false],
      [answer(401, ''), 'not_logged_in', false],
      [answer(403, { error: { code: 'forbidden', message: 'no' } }), 'forbidden', false],
      [answer(404, { error: { code: 'not_found', message: 'gone' } }), 'not_found', false],
      [answer(400, { error: { code: 'validation', message: 'bad' } }), 'invalid_input', false],
      [answer(422, { error: { code: 'invalid_image', message: 'bad image' } }), 'invalid_image', false],
      [answer(200, '<html>captive portal</html>', 'text/html'), 'server_error', true],
      [answer(200, { unexpected: true }), 'server_error', true],
    ];
    for (const [f, code, retryable] of cases) {
      const result = await client(f).call('getPost', { token: 't', params: { id: '01a03aef-f753-7a59-9dbe-e20d6dee8068' } });
      expect(result, code).toMatchObject({ ok: false, error: { code, retryable } });
    }
  });

  it('sends the token, the idempotency key and JSON to the route’s path', async () => {
    let seen: { url: string; method: string; headers: Headers; body: string } | null = null;
    const f: typeof fetch = async (input, init) => {
      seen = { url: String(input), method: init?.method ?? '', headers: new Headers(init?.headers), body: String(init?.body) };
      return new Response(JSON.stringify({ likeCount: 3, likedByMe: true }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const result = await client(f).call('likePost', { token: 'secret', params: { id: 'a/b' }, idempotencyKey: 'key-1' });
    expect(result).toEqual({ ok: true, value: { likeCount: 3, likedByMe: true } });
    expect(seen).toMatchObject({ url: 'http://server.test/v1/posts/a%2Fb/like', method: 'PUT' });
    expect(seen!.headers.get('authorization')).toBe('Bearer secret');
    expect(seen!.headers.get('idempotency-key')).toBe('key-1');
  });

  it('gives up on a server that does not answer in time, as offline', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('timeout', 'TimeoutError'))));
    const slow = createHttpClient({ baseUrl: 'http://server.test', fetch: hanging, timeoutMs: 30 });
    expect(await slow.call('health')).toMatchObject({ ok: false, error: { code: 'offline', status: null } });
  });
});
