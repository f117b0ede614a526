import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../main/core/net/httpClient.js';

const postId = '01a03aef-f753-7a59-9dbe-e20d6dee8068';

function recording(status: number, body: unknown, headers: Record<string, string> = {}) {
  const seen: Headers[] = [];
  const fetchFn = (async (_input: unknown, init?: RequestInit) => {
    seen.push(new Headers(init?.headers));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  }) as typeof fetch;
  return { fetchFn, seen };
}

describe('an enrolled device calling the server', () => {
  it('sends its device token with every request, next to the person’s token when there is one', async () => {
    const net = recording(404, { error: { code: 'not_found', message: 'weg' } });
    let token: string | null = 'device-1';
    const http = createHttpClient({ baseUrl: 'http://server.test', fetch: net.fetchFn, deviceToken: () => token });
    await http.call('getPost', { token: 'session-1', params: { id: postId } });
    await http.call('health');
    token = null;
    await http.call('health');
    expect(net.seen.map((h) => [h.get('x-samen-device'), h.get('authorization')])).toEqual([
      ['device-1', 'Bearer session-1'],
      ['device-1', null],
      [null, null],
    ]);
  });

  it('says which token the server refused as unlinked, so an older answer cannot unlink a new enrolment', async () => {
    const net = recording(401, { error: { code: 'device_unlinked', message: 'niet gekoppeld' } });
    const refused: string[] = [];
    const http = createHttpClient({ baseUrl: 'http://server.test', fetch: net.fetchFn, deviceToken: () => 'device-1', onDeviceUnlinked: (t) => refused.push(t) });
    expect(await http.call('deviceMe')).toMatchObject({ ok: false, error: { code: 'device_unlinked', retryable: false } });
    expect(refused).toEqual(['device-1']);
  });

  it('passes on until when a locked PIN stays locked, from the body or else the Retry-After header', async () => {
    const until = '2025-03-03T10:15:00.000Z';
    const fromBody = recording(423, { error: { code: 'pin_locked', message: 'op slot', retryAfter: until } });
    const http = createHttpClient({ baseUrl: 'http://server.test', fetch: fromBody.fetchFn });
    expect(await http.call('authPin', { body: { employeeNumber: '1001', pin: '0000' } })).toMatchObject({ ok: false, error: { code: 'pin_locked', retryAfter: until } });

    const fromHeader = recording(423, { error: { code: 'pin_locked', message: 'op slot' } }, { 'retry-after': '900' });
    const before = Date.now();
    const answer = await createHttpClient({ baseUrl: 'http://server.test', fetch: fromHeader.fetchFn }).call('authPin', { body: { employeeNumber: '1001', pin: '0000' } });
    const retryAfter = !answer.ok ? Date.parse(answer.error.retryAfter ?? '') : NaN;
    expect(retryAfter).toBeGreaterThanOrEqual(before + 900_000);
    expect(retryAfter).toBeLessThan(before + 960_000);
  });

  it('maps the quick-login refusals to their own codes', async () => {
    const cases = [
      ['pin_required', 'pin_required'],
      ['unknown_badge', 'unknown_badge'],
      ['device_mismatch', 'not_logged_in'],
      ['invalid_enrolment_code', 'invalid_enrolment_code'],
    ] as const;
    for (const [server, client] of cases) {
      const net = recording(401, { error: { code: server, message: '…' } });
      const answer = await createHttpClient({ baseUrl: 'http://server.test', fetch: net.fetchFn }).call('health');
      expect(answer, server).toMatchObject({ ok: false, error: { code: client, serverCode: server } });
    }
  });
});
