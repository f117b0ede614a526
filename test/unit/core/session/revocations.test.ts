import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createHttpClient } from '../../../../main/core/net/httpClient.js';
import { createRevocations } from '../../../../main/core/session/revocations.js';
import { memoryLog, waitFor } from '../../../fixtures/core/harness.js';

/** A server whose logout can be switched off, as a ward PC that lost its network. */
function logoutServer() {
  const state = { online: false, calls: [] as { reason: unknown; online: boolean }[] };
  const fetchFn = (async (_input: unknown, init?: RequestInit) => {
    state.calls.push({ reason: JSON.parse(String(init?.body ?? '{}')).reason, online: state.online });
    if (!state.online) throw new TypeError('fetch failed');
    return new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { state, http: createHttpClient({ baseUrl: 'http://server.test', fetch: fetchFn }) };
}

const session = (expiresInMs: number) => ({ token: 't', expiresAt: new Date(Date.now() + expiresInMs).toISOString(), personId: 'anna' });

describe('revoking an ended session on the server', () => {
  it('tries again, slower each time, until the server is back; then it is done', async () => {
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    const server = logoutServer();
    let unreachable = 0;
    const revocations = createRevocations({
      http: server.http,
      clock: { now: () => new Date() },
      log: memoryLog(),
      timeoutMs: 1000,
      retry: { baseMs: 20, maxMs: 80 },
      onUnreachable: () => unreachable++,
    });
    await revocations.revoke(session(60_000), 'idle');
    expect(revocations.pending()).toBe(1);
    expect(unreachable).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(server.state.calls.length).toBeGreaterThanOrEqual(4);

    server.state.online = true;
    await vi.advanceTimersByTimeAsync(80);
    expect(revocations.pending()).toBe(0);
    expect(server.state.calls.at(-1)).toEqual({ reason: 'idle', online: true });
    const before = server.state.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.state.calls.length).toBe(before);
    revocations.stop();
  });

  it('gives up on a session that has expired meanwhile', async () => {
    const server = logoutServer();
    const revocations = createRevocations({ http: server.http, clock: { now: () => new Date() }, log: memoryLog(), timeoutMs: 1000, retry: { baseMs: 20, maxMs: 40 } });
    await revocations.revoke(session(60), 'lock');
    await waitFor(() => revocations.pending() === 0, 'the expired session to be dropped');
    expect(server.state.calls.every((c) => !c.online)).toBe(true);
    revocations.stop();
  });
});
