import { describe, expect, it } from 'vitest';
import type { ClientStatsEvent } from '../../../../common/src/api/routes/stats.js';
import type { HttpClient } from '../../../../main/core/net/httpClient.js';
import type { NetResult } from '../../../../main/core/net/netError.js';
import { offlineError } from '../../../../main/core/net/netError.js';
import type { ActiveSession } from '../../../../main/core/session/sessionManager.js';
import { createStatsRecorder, STATS_KEPT_AT_MOST } from '../../../../main/core/stats/statsRecorder.js';

const session = (name: string, grant: boolean): ActiveSession =>
  ({ token: `token-${name}`, expiresAt: '2030-01-02T00:00:00.000Z', person: { id: name }, deliveryGrant: grant ? { token: `grant-${name}`, expiresAt: '2030-01-02T00:00:00.000Z' } : null }) as unknown as ActiveSession;

/** A server that takes or refuses each batch as the test says, and remembers what came with which token. */
function fakeServer() {
  const received: { token: string; events: ClientStatsEvent[] }[] = [];
  const state = { answer: 'ok' as 'ok' | 'offline' | 'refused' };
  const http = {
    async call(_name: string, opts: { token: string; body: { events: ClientStatsEvent[] } }): Promise<NetResult<unknown>> {
      if (state.answer === 'offline') return { ok: false, error: offlineError('fetch failed') };
      if (state.answer === 'refused') return { ok: false, error: { code: 'forbidden', message: 'nee', status: 403, serverCode: 'forbidden', retryable: false } };
      received.push({ token: opts.token, events: opts.body.events });
      return { ok: true, value: { accepted: opts.body.events.length, duplicates: 0, dropped: 0 } };
    },
  } as unknown as HttpClient;
  return { http, received, state };
}

function setUp() {
  const server = fakeServer();
  let now = Date.parse('2030-01-01T09:00:00.000Z');
  const clock = { now: () => new Date(now) };
  const recorder = createStatsRecorder({ http: server.http, clock, flushEveryMs: 3_600_000 });
  return { ...server, recorder, advance: (ms: number) => (now += ms) };
}

describe('the statistics recorder', () => {
  it('counts a session from its start with its length, and her open group page up to the end, sent with her delivery grant', async () => {
    const t = setUp();
    const anna = session('anna', true);
    t.recorder.sessionChanged(anna);
    t.advance(60_000);
    t.recorder.groupVisit('group-1', true);
    t.advance(125_000);
    t.recorder.sessionChanged(null);
    await t.recorder.flush();

    expect(t.received).toHaveLength(1);
    expect(t.received[0]!.token).toBe('grant-anna');
    const byKind = Object.fromEntries(t.received[0]!.events.map((e) => [e.kind, e]));
    expect(byKind.session).toMatchObject({ at: '2030-01-01T09:00:00.000Z', seconds: 185 });
    expect(byKind.group_visit).toMatchObject({ at: '2030-01-01T09:01:00.000Z', seconds: 125, subjectId: 'group-1' });
    expect(new Set(t.received[0]!.events.map((e) => e.id)).size).toBe(2);
    recorderStopped(t);
  });

  it('sends one person’s events as her and the next person’s as him, never mixed', async () => {
    const t = setUp();
    const anna = session('anna', true);
    const bert = session('bert', true);
    t.recorder.sessionChanged(anna);
    t.recorder.groupVisit('group-1', true);
    t.advance(10_000);
    t.recorder.sessionChanged(bert);
    // Anna's group page closing after the switch says nothing for Bert.
    t.recorder.groupVisit('group-1', false);
    t.advance(20_000);
    t.recorder.sessionChanged(null);
    await t.recorder.flush();

    const anna_ = t.received.filter((r) => r.token === 'grant-anna').flatMap((r) => r.events);
    const bert_ = t.received.filter((r) => r.token === 'grant-bert').flatMap((r) => r.events);
    expect(anna_.map((e) => e.kind).sort()).toEqual(['group_visit', 'session']);
    expect(bert_.map((e) => [e.kind, e.seconds])).toEqual([['session', 20]]);
    recorderStopped(t);
  });

  it('keeps events while the server is unreachable and sends each once when it is back; a refusal drops them', async () => {
    const t = setUp();
    const anna = session('anna', false);
    t.recorder.sessionChanged(anna);
    t.recorder.groupVisit('g', true);
    t.recorder.groupVisit('g', false);
    t.state.answer = 'offline';
    await t.recorder.flush();
    expect(t.recorder.waiting()).toBe(1);
    t.state.answer = 'ok';
    await t.recorder.flush();
    await t.recorder.flush();
    expect(t.received.flatMap((r) => r.events)).toHaveLength(1);
    expect(t.received[0]!.token).toBe('token-anna');

    t.recorder.groupVisit('g', true);
    t.recorder.groupVisit('g', false);
    t.state.answer = 'refused';
    await t.recorder.flush();
    expect(t.recorder.waiting()).toBe(0);
    recorderStopped(t);
  });

  it('forgets what waited longer than a day, and never holds more than its limit', async () => {
    const t = setUp();
    t.recorder.sessionChanged(session('anna', false));
    t.state.answer = 'offline';
    for (let i = 0; i < STATS_KEPT_AT_MOST + 50; i++) {
      t.recorder.groupVisit(`g${i}`, true);
      t.recorder.groupVisit(`g${i}`, false);
    }
    await t.recorder.flush();
    expect(t.recorder.waiting()).toBe(STATS_KEPT_AT_MOST);
    t.advance(25 * 3_600_000);
    t.state.answer = 'ok';
    await t.recorder.flush();
    expect(t.received).toEqual([]);
    expect(t.recorder.waiting()).toBe(0);
    recorderStopped(t);
  });

  it('sends a full queue at once, in batches the server takes', async () => {
    const t = setUp();
    t.recorder.sessionChanged(session('anna', false));
    for (let i = 0; i < 450; i++) {
      t.recorder.groupVisit(`g${i}`, true);
      t.recorder.groupVisit(`g${i}`, false);
    }
    await t.recorder.flush();
    expect(t.received.map((r) => r.events.length)).toEqual([200, 200, 50]);
    recorderStopped(t);
  });
});

function recorderStopped(t: ReturnType<typeof setUp>) {
  t.recorder.stop();
}
