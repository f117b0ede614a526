import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../../common/src/api/entities.js';
import type { EventPayload } from '../../../../common/src/ipc/contract.js';
import { createHttpClient } from '../../../../main/core/net/httpClient.js';
import { actorNameLookup } from '../../../../main/core/notify/actorName.js';
import { createNotifier } from '../../../../main/core/notify/notifier.js';
import { person } from '../../../fixtures/core/entities.js';

const mention = (actorId: string): Notification => ({
  id: 'n1',
  kind: 'mention',
  actorId,
  postId: '018f0000-0000-7000-8000-000000000001',
  commentId: null,
  createdAt: '2025-03-03T08:00:00.000Z',
});

/** A notifier over a screen that records what it is told; `here` is whoever is logged in. */
function screen(actorName: (id: string, token: string) => Promise<string>) {
  const told: EventPayload<'notification'>[] = [];
  const state = { here: { token: 'anna' } as { token: string } | null };
  const notify = createNotifier({ session: () => state.here, actorName, tell: (n) => told.push(n) });
  return { told, state, notify };
}

describe('telling about a notification', () => {
  it('tells Anna of a mention with the colleague’s name', async () => {
    const s = screen(async (id) => (id === 'bram' ? 'Bram Jansen' : ''));
    await s.notify(mention('bram'));
    expect(s.told).toEqual([{ kind: 'mention', actorName: 'Bram Jansen', postId: mention('bram').postId }]);
  });

  it('announces the kinds the policy lists, under their notice kind, and no others', async () => {
    const s = screen(async () => 'Bram Jansen');
    await s.notify({ ...mention('bram'), kind: 'review_due', postId: null });
    await s.notify({ ...mention('bram'), kind: 'poll_closed' } as unknown as Notification);
    await s.notify({ ...mention('bram'), kind: 'read_reminder' } as unknown as Notification);
    expect(s.told.map((n) => n.kind)).toEqual(['reminder']);
  });

  it('tells a group admin of a request to join, opening the group', async () => {
    const s = screen(async (id) => (id === 'bram' ? 'Bram Jansen' : ''));
    const group = '018f0000-0000-7000-8000-0000000000aa';
    await s.notify({ ...mention('bram'), kind: 'join_request', postId: null, groupId: group });
    // Being let in is in the list of notifications, not announced.
    await s.notify({ ...mention('bram'), kind: 'group_added', postId: null, groupId: group });
    expect(s.told).toEqual([{ kind: 'join_request', actorName: 'Bram Jansen', groupId: group }]);
  });

  it('tells nobody while nobody is logged in', async () => {
    const s = screen(async () => 'Bram Jansen');
    s.state.here = null;
    await s.notify(mention('bram'));
    expect(s.told).toEqual([]);
  });

  it('does not tell the next person what was meant for Anna, if she left while the name was looked up', async () => {
    let answer!: (name: string) => void;
    const s = screen(() => new Promise((resolve) => (answer = resolve)));
    const telling = s.notify(mention('bram'));
    s.state.here = { token: 'carla' };
    answer('Bram Jansen');
    await telling;
    expect(s.told).toEqual([]);
  });
});

describe('the name of whoever caused a notification', () => {
  const eva = person({ name: 'Eva Visser', handle: 'eva.visser' });

  /** A server that knows Eva, and records the session each question came with. */
  function server() {
    const asked: (string | null)[] = [];
    const fetchFn = (async (input: unknown, init?: RequestInit) => {
      asked.push(new Headers(init?.headers).get('authorization'));
      const known = String(input).endsWith(`/${eva.id}`);
      return known
        ? new Response(JSON.stringify(eva), { status: 200, headers: { 'content-type': 'application/json' } })
        : new Response(JSON.stringify({ error: { code: 'not_found', message: 'no such person' } }), { status: 404, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    return { asked, http: createHttpClient({ baseUrl: 'http://server.test', fetch: fetchFn }) };
  }

  it('comes from the synced directory without asking the server', async () => {
    const s = server();
    const name = actorNameLookup({ http: s.http, directoryName: (id) => (id === 'bram' ? 'Bram Jansen' : null) });
    expect(await name('bram', 'anna-token')).toBe('Bram Jansen');
    expect(s.asked).toEqual([]);
  });

  it('is asked of the server with the session of the person told, for a colleague not synced yet', async () => {
    const s = server();
    const name = actorNameLookup({ http: s.http, directoryName: () => null });
    expect(await name(eva.id, 'anna-token')).toBe('Eva Visser');
    expect(s.asked).toEqual(['Bearer anna-token']);
  });

  it('is left empty when neither knows it', async () => {
    const s = server();
    const name = actorNameLookup({ http: s.http, directoryName: () => null });
    expect(await name(person().id, 'anna-token')).toBe('');
    expect(s.asked).toEqual(['Bearer anna-token']);
  });
});
