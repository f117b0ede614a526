import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCore, switchableFetch, type CoreUnderTest } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();
/** No timed catch-ups: only the event stream can bring news in these tests. */
const streamOnly = { catchUpIntervalMs: 600_000 };

describe('while logged in', () => {
  let server: TestServer;
  let running: CoreUnderTest | null = null;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));
  afterEach(async () => {
    await running?.core.stop();
    running = null;
  });

  const timelineIds = async (u: CoreUnderTest) => {
    const list = await u.core.invoke('timeline.list', { limit: 100 });
    return list.ok ? list.value.items.map((p) => p.id) : [];
  };
  const firstSync = (u: CoreUnderTest) =>
    waitFor(async () => (await u.core.invoke('sync.status', {})).ok && (await timelineIds(u)).length > 0, 'first sync');

  it('pulls the personal part of the feed only when an announcement may concern the person', async () => {
    const scopes: string[] = [];
    const spy: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/v1/sync') scopes.push(url.searchParams.get('scope') ?? '');
      return fetch(input, init);
    };
    running = startCore({ url: server.url, dataDir: tempDir(), tuning: streamOnly, fetch: spy });
    await running.login('1001');
    await firstSync(running);
    const bram = await server.login('1002');
    const annaHandle = ((await (await server.login('1001')).get('/v1/me')).body as { person: { handle: string } }).person.handle;

    // Only the event stream brings news here, so once a mention's post and a personal pull are seen the
    // stream is up; `sync.now` then waits for any refresh still queued behind them.
    const mention = await bram.post<{ id: string }>('/v1/posts', { body: `@${annaHandle} zie jij de nieuwe roosters?` });
    await waitFor(async () => (await timelineIds(running!)).includes(mention.body.id) && scopes.includes('personal'), 'personal pull after a mention');
    await running.core.invoke('sync.now', {});
    scopes.length = 0;

    // A post for everyone comes with its announcement: no pull at all.
    const plain = await bram.post<{ id: string }>('/v1/posts', { body: 'Er staat koffie klaar in de teamkamer.' });
    await waitFor(async () => (await timelineIds(running!)).includes(plain.body.id), 'a post for everyone');
    expect(scopes).toEqual([]);

    await bram.post('/v1/posts', { body: `Nog één ding @${annaHandle}: de sleutel ligt bij de balie.` });
    await waitFor(async () => scopes.includes('personal'), 'personal pull after a second mention');
  });

  it('pulls when an announcement’s changes start after its cursor, and takes them again once it has caught up', async () => {
    const pulls: string[] = [];
    let stripNext = false;
    // Passes the event stream through, taking the shared changes off one announcement when told.
    const spy: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/v1/sync') pulls.push(url.searchParams.get('scope') ?? '');
      const res = await fetch(input, init);
      if (url.pathname !== '/v1/events' || !res.body) return res;
      const strip = new TransformStream<string, string>({
        transform(text, controller) {
          if (stripNext && text.includes('"shared":')) {
            stripNext = false;
            text = text.replace(/,"shared":.*\}\n\n/, '}\n\n');
          }
          controller.enqueue(text);
        },
      });
      return new Response(res.body.pipeThrough(new TextDecoderStream()).pipeThrough(strip).pipeThrough(new TextEncoderStream()), { status: res.status, headers: res.headers });
    };
    running = startCore({ url: server.url, dataDir: tempDir(), tuning: streamOnly, fetch: spy });
    await running.login('1001');
    await firstSync(running);
    const bram = await server.login('1002');
    const warmup = await bram.post<{ id: string }>('/v1/posts', { body: 'Goedemorgen allemaal.' });
    await waitFor(async () => (await timelineIds(running!)).includes(warmup.body.id), 'the first post');
    await running.core.invoke('sync.now', {});
    pulls.length = 0;

    stripNext = true;
    const bare = await bram.post<{ id: string }>('/v1/posts', { body: 'De parkeerplaats wordt morgen geveegd.' });
    await waitFor(async () => (await timelineIds(running!)).includes(bare.body.id), 'a post announced without its changes');
    expect(pulls).toContain('shared');
    pulls.length = 0;

    const carried = await bram.post<{ id: string }>('/v1/posts', { body: 'En overmorgen de fietsenstalling.' });
    await waitFor(async () => (await timelineIds(running!)).includes(carried.body.id), 'the next post');
    expect(pulls).toEqual([]);
  });

  it('a colleague’s new post, edit and delete reach the timeline without asking, announced by the event stream', async () => {
    running = startCore({ url: server.url, dataDir: tempDir(), tuning: streamOnly });
    await running.login('1001');
    await firstSync(running);
    const bram = await server.login('1002');
    const carla = await server.login('1003');

    const created = await bram.post<{ id: string }>('/v1/posts', { body: 'Wie heeft mijn #fietskwijt gezien?' });
    expect(created.status).toBe(201);
    await waitFor(async () => (await timelineIds(running!)).includes(created.body.id), 'new post');
    const tagged = await running.core.invoke('hashtags.suggest', { prefix: 'fietskw', limit: 5 });
    expect(tagged.ok && tagged.value.items).toEqual([{ tag: 'fietskwijt', count: 1 }]);
    expect(running.events['timeline.changed'].some((e) => e.postIds?.includes(created.body.id))).toBe(true);

    await bram.patch(`/v1/posts/${created.body.id}`, { body: 'Fiets gevonden, dank jullie!' });
    await waitFor(async () => {
      const post = await running!.core.invoke('post.get', { id: created.body.id });
      return post.ok && post.value.body === 'Fiets gevonden, dank jullie!' && post.value.editedAt !== null;
    }, 'edited post');
    const tags = await running.core.invoke('hashtags.suggest', { prefix: 'fietskw', limit: 5 });
    expect(tags.ok && tags.value.items.some((t) => t.tag === 'fietskwijt')).toBe(false);

    await bram.post(`/v1/posts/${created.body.id}/comments`, { body: 'Mooi zo' });
    await waitFor(async () => {
      const comments = await running!.core.invoke('comment.list', { postId: created.body.id });
      return comments.ok && comments.value.items.length === 1;
    }, 'comment');

    expect((await carla.delete(`/v1/posts/${created.body.id}`)).status).toBe(200);
    await waitFor(async () => !(await timelineIds(running!)).includes(created.body.id), 'deleted post');
    expect(await running.core.invoke('comment.list', { postId: created.body.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a dropped event stream reconnects with the last event id it saw', async () => {
    const seen: { lastEventId: string | null }[] = [];
    let dropFirst = true;
    const dropping: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!new URL(String(input)).pathname.endsWith('/v1/events')) return res;
      seen.push({ lastEventId: new Headers(init?.headers).get('last-event-id') });
      if (!dropFirst || !res.body) return res;
      dropFirst = false;
      // Pass the stream through until its first event, then cut the line.
      const reader = res.body.getReader();
      const cut = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) return controller.close();
          controller.enqueue(value);
          if (new TextDecoder().decode(value).includes('id:')) {
            await reader.cancel();
            controller.error(new TypeError('network dropped'));
          }
        },
      });
      return new Response(cut, { status: res.status, headers: res.headers });
    };
    running = startCore({ url: server.url, dataDir: tempDir(), fetch: dropping, tuning: streamOnly });
    await running.login('1001');

    await waitFor(() => seen.length >= 2, 'a reconnect');
    const latest = await server.db.kysely.selectFrom('tenant_seq').select('last_seq').executeTakeFirstOrThrow();
    expect(seen[0]!.lastEventId).toBeNull();
    expect(seen[1]!.lastEventId).toBe(String(latest.last_seq));
  });

  it('tells about a mention at once, with the colleague’s name', async () => {
    running = startCore({ url: server.url, dataDir: tempDir(), tuning: streamOnly });
    await running.login('1001');
    await firstSync(running);
    const bram = await server.login('1002');

    const post = await bram.post<{ id: string }>('/v1/posts', { body: 'Vraag voor @anna.devries: wil jij de overdracht doen?' });

    const notification = await waitFor(() => running!.events.notification[0], 'the notification');
    expect(notification).toEqual({ kind: 'mention', actorName: 'Bram Jansen', postId: post.body.id });
  });

  it('still catches up on an interval when the event stream cannot be opened', async () => {
    const noStream: typeof fetch = async (input, init) =>
      new URL(String(input)).pathname === '/v1/events' ? new Response('', { status: 503 }) : fetch(input, init);
    running = startCore({ url: server.url, dataDir: tempDir(), fetch: noStream, tuning: { catchUpIntervalMs: 150 } });
    await running.login('1001');
    await firstSync(running);
    const bram = await server.login('1002');

    const post = await bram.post<{ id: string }>('/v1/posts', { body: 'Komt ook zonder event stream aan.' });

    await waitFor(async () => (await timelineIds(running!)).includes(post.body.id), 'the post via a timed catch-up');
  });

  it('shows offline while the server cannot be reached, and online with a new sync time once it can', async () => {
    const net = switchableFetch();
    running = startCore({ url: server.url, dataDir: tempDir(), fetch: net.fetch });
    await running.login('1001');
    await firstSync(running);
    const syncedBefore = (await running.core.invoke('sync.status', {})).ok;
    expect(syncedBefore).toBe(true);

    net.state.online = false;
    const offline = await running.core.invoke('sync.now', {});
    expect(offline).toMatchObject({ ok: true, value: { state: 'offline' } });
    expect(offline.ok && offline.value.offlineSince).not.toBeNull();
    expect((await timelineIds(running)).length).toBeGreaterThan(0);

    net.state.online = true;
    const online = await waitFor(async () => {
      const s = await running!.core.invoke('sync.now', {});
      return s.ok && s.value.state === 'online' ? s.value : undefined;
    }, 'back online');
    expect(online.offlineSince).toBeNull();
    expect(running.events['sync.status'].map((s) => s.state)).toEqual(expect.arrayContaining(['syncing', 'offline', 'online']));
  });
});
