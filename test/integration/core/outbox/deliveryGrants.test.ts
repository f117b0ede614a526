import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../main/core/clock.js';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { OUTBOX_FILE_NAME } from '../../../../main/core/outbox/outboxStore.js';
import { badgeCodes, demoPin, enrolmentCode, groupId, personId, startCore, type CoreUnderTest } from '../../../fixtures/core/coreHarness.js';
import { closeServer, dumpDatabaseFile, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();
const HOUR = 3_600_000;

/**
 * A network cable that can be pulled, which also notes who each write was sent as and keeps the
 * tokens the server handed out at each login.
 */
function wiretap() {
  const state = {
    online: true,
    writes: [] as { method: string; path: string; authorization: string | null; device: string | null }[],
    /** Writes the server has answered, in the order the answers came. */
    answered: [] as { method: string; path: string; status: number }[],
    logins: [] as { session: string; grant: string | null }[],
  };
  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    if (!state.online) throw new TypeError('fetch failed');
    if (init?.method && init.method !== 'GET') {
      state.writes.push({ method: init.method, path: url.pathname, authorization: headers.get('authorization'), device: headers.get('x-samen-device') });
    }
    const res = await fetch(input, init);
    if (init?.method && init.method !== 'GET') state.answered.push({ method: init.method, path: url.pathname, status: res.status });
    if (res.ok && (url.pathname === '/v1/auth/badge' || url.pathname === '/v1/auth/pin')) {
      const body = (await res.clone().json()) as { token: string; deliveryGrant: { token: string } | null };
      state.logins.push({ session: body.token, grant: body.deliveryGrant?.token ?? null });
    }
    return res;
  };
  return { fetch: fetchFn, state };
}

describe('writes queued on a shared ward PC', () => {
  let server: TestServer;
  /** Moves the server's and the PCs' time together, as a day passing. */
  let later = 0;
  /** Moves only the server's time: its clock and the PC's disagree. */
  let serverAhead = 0;
  const clock: Clock = { now: () => new Date(Date.now() + later) };
  const cores: CoreUnderTest[] = [];

  beforeAll(async () => {
    server = await startTestServer('sqlite', { now: () => new Date(Date.now() + later + serverAhead) });
  });
  afterAll(() => closeServer(server));
  afterEach(async () => {
    for (const u of cores.splice(0)) await u.core.stop();
    later = 0;
    serverAhead = 0;
  });

  async function wardPc() {
    const net = wiretap();
    const dataDir = tempDir();
    const u = startCore({ url: server.url, dataDir, mode: 'shared', secrets: memorySecretStore(), enrolmentCode: await enrolmentCode(server), fetch: net.fetch, clock });
    cores.push(u);
    await u.core.invoke('session.state', {});
    return { u, net, dataDir };
  }
  const tapIn = async (u: CoreUnderTest, employeeNumber: string) => {
    const result = await u.core.invoke('session.badge', { codes: badgeCodes(employeeNumber), pin: demoPin(employeeNumber) });
    if (!result.ok || result.value.state !== 'loggedIn') throw new Error(`tap ${employeeNumber}: ${JSON.stringify(result)}`);
  };
  const postsWithBody = (body: string) => server.db.kysely.selectFrom('posts').select(['id', 'author_id']).where('body', '=', body).execute();
  const pendingWrites = async (u: CoreUnderTest) => {
    const s = await u.core.invoke('sync.status', {});
    return s.ok ? s.value.pendingWrites : -1;
  };
  /**
   * Bram (logged in) likes a post and waits until the server has it. Writes go out one at a time and
   * oldest first, so by then every older write has had its turn: what did not happen, will not.
   */
  const bramsLikeDelivered = async (u: CoreUnderTest) => {
    const bram = await server.login('1002');
    const post = await bram.post<{ id: string }>('/v1/posts', { body: 'Koffie en appeltaart in de teamkamer.' });
    await waitFor(async () => (await u.core.invoke('comment.list', { postId: post.body.id })).ok, 'the post to like, synced');
    await u.core.invoke('post.like', { id: post.body.id, liked: true });
    await waitFor(async () => (await bram.get<{ likeCount: number }>(`/v1/posts/${post.body.id}`)).body.likeCount === 1, 'Bram’s like delivered');
  };

  it('delivers what Anna wrote offline as Anna, while Bram is logged in', async () => {
    const { u, net, dataDir } = await wardPc();
    await tapIn(u, '1001');
    const anna = net.state.logins.at(-1)!;
    net.state.online = false;
    const body = 'Overdracht 3B: mevrouw Jansen op kamer 4 krijgt vanaf vandaag sondevoeding.';
    expect(await u.core.invoke('post.create', { body })).toMatchObject({ ok: true, value: { delivery: 'sending' } });
    // She walks away; the lock cannot reach the server, so it happens here alone.
    expect(await u.core.invoke('session.lock', {})).toMatchObject({ ok: true, value: { state: 'loggedOut', online: false } });
    // Waiting on disk, sealed: neither her text nor her grant can be read from the file.
    const onDisk = await dumpDatabaseFile(path.join(dataDir, OUTBOX_FILE_NAME));
    expect(onDisk).toContain('"kind":"post"');
    expect(onDisk).not.toContain(body);
    expect(onDisk).not.toContain(anna.grant);
    expect(onDisk).not.toContain(anna.session);

    net.state.online = true;
    await tapIn(u, '1002');
    const bram = net.state.logins.at(-1)!;

    const stored = await waitFor(async () => (await postsWithBody(body))[0], 'Anna’s post on the server');
    expect(stored.author_id).toBe(await personId(server, '1001'));
    const sent = net.state.writes.filter((w) => w.path === '/v1/posts');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((w) => w.authorization === `Bearer ${anna.grant}` && w.device !== null)).toBe(true);
    expect(net.state.writes.some((w) => w.authorization === `Bearer ${bram.session}` && w.path === '/v1/posts')).toBe(false);
    // Bram never sees Anna's write as his own, nor as waiting.
    expect(await pendingWrites(u)).toBe(0);
    const timeline = await u.core.invoke('timeline.list', { limit: 50 });
    await waitFor(async () => {
      const list = await u.core.invoke('timeline.list', { limit: 50 });
      return list.ok && list.value.items.some((p) => p.body === body && !p.mine && p.author.name === 'Anna de Vries');
    }, 'Anna’s post, synced, as hers');
    expect(timeline.ok).toBe(true);
    // Her lock reaches the server once it is back: the audit log has it.
    await waitFor(async () => {
      const events = await server.db.kysely.selectFrom('auth_events').select('action').where('person_id', '=', await personId(server, '1001')).execute();
      return events.some((e) => e.action === 'logout_lock');
    }, 'the postponed revoke of Anna’s session');
    expect(await dumpDatabaseFile(path.join(dataDir, OUTBOX_FILE_NAME))).not.toContain(body);
  });

  it('shows Bram nothing of what Anna wrote in her private group, while it is delivered during his session', async () => {
    const { u, net } = await wardPc();
    await tapIn(u, '1001');
    const team3b = await groupId(server, 'Team 3B');
    const target = await waitFor(async () => {
      const list = await u.core.invoke('timeline.list', { groupId: team3b, limit: 1 });
      return list.ok ? list.value.items[0] : undefined;
    }, 'a Team 3B post');
    net.state.online = false;
    const secret = 'Alleen voor 3B: het nieuwe rooster hangt in de koffiekamer.';
    await u.core.invoke('comment.create', { postId: target.id, body: secret });
    const privatePost = 'Team 3B: wie wil de kerstborrel regelen?';
    await u.core.invoke('post.create', { body: privatePost, groupId: team3b });
    await u.core.invoke('session.lock', {});

    net.state.online = true;
    await tapIn(u, '1002');
    const seenByBram: string[] = [];
    await waitFor(async () => {
      const list = await u.core.invoke('timeline.list', { limit: 100 });
      if (list.ok) seenByBram.push(...list.value.items.map((p) => p.body));
      const comments = await server.db.kysely.selectFrom('comments').select('id').where('body', '=', secret).execute();
      return comments.length === 1 && (await postsWithBody(privatePost)).length === 1;
    }, 'Anna’s comment and post on the server');
    const list = await u.core.invoke('timeline.list', { limit: 100 });
    if (list.ok) seenByBram.push(...list.value.items.map((p) => p.body));
    expect(seenByBram).not.toContain(privatePost);
    expect(await u.core.invoke('comment.list', { postId: target.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(u.events['outbox.rejected']).toEqual([]);
    expect(JSON.stringify(u.events)).not.toContain(secret);
    expect(JSON.stringify(u.events)).not.toContain(privatePost);
  });

  it('keeps a write the server refused while Anna was away for her, instead of telling Bram', async () => {
    const { u, net } = await wardPc();
    const bram = await server.login('1002');
    const post = await bram.post<{ id: string }>('/v1/posts', { body: 'Wie ruilt zondag een vroege dienst?' });
    await tapIn(u, '1001');
    await waitFor(async () => (await u.core.invoke('comment.list', { postId: post.body.id })).ok, 'Bram’s post, synced');
    net.state.online = false;
    const reply = 'Ik kan wel, als jij mijn dienst van dinsdag neemt.';
    await u.core.invoke('comment.create', { postId: post.body.id, body: reply });
    await u.core.invoke('session.lock', {});
    expect((await bram.delete(`/v1/posts/${post.body.id}`)).status).toBe(200);

    net.state.online = true;
    await tapIn(u, '1002');
    await waitFor(() => net.state.answered.some((w) => w.path === `/v1/posts/${post.body.id}/comments`), 'the refused delivery attempt');
    await bramsLikeDelivered(u);
    expect(u.events['outbox.rejected']).toEqual([]);

    await tapIn(u, '1001');
    const stranded = await u.core.invoke('outbox.stranded', {});
    expect(stranded).toMatchObject({ ok: true, value: { items: [{ kind: 'comment', preview: reply }] } });
    await u.core.invoke('outbox.resolve', { ids: stranded.ok ? stranded.value.items.map((i) => i.id) : [], action: 'send' });
    const rejected = await waitFor(() => u.events['outbox.rejected'][0], 'the refusal, told to Anna');
    expect(rejected).toMatchObject({ kind: 'comment', code: 'not_found', preview: reply });
    expect(await pendingWrites(u)).toBe(0);
  });

  it('keeps writes whose grant expired for Anna’s next login, to send or to discard', async () => {
    const { u, net } = await wardPc();
    await tapIn(u, '1001');
    net.state.online = false;
    const keep = 'Wie neemt zaterdag mijn late dienst over?';
    const drop = 'Vergeten: de sleutel van de medicijnkast ligt bij de balie.';
    await u.core.invoke('post.create', { body: keep });
    await u.core.invoke('post.create', { body: drop });
    await u.core.invoke('session.lock', {});

    // A day and more passes before the PC is back on the network.
    later += 25 * HOUR;
    net.state.online = true;
    await u.core.invoke('sync.now', {});
    await tapIn(u, '1002');
    expect(await u.core.invoke('outbox.stranded', {})).toEqual({ ok: true, value: { items: [], dropped: [] } });
    await bramsLikeDelivered(u);
    expect(net.state.writes.filter((w) => w.path === '/v1/posts')).toEqual([]);

    await tapIn(u, '1001');
    const stranded = await u.core.invoke('outbox.stranded', {});
    expect(stranded).toMatchObject({ ok: true, value: { items: [{ kind: 'post', preview: keep }, { kind: 'post', preview: drop }] } });
    const [toSend, toDrop] = stranded.ok ? stranded.value.items : [];

    expect(await u.core.invoke('outbox.resolve', { ids: [toSend!.id], action: 'send' })).toEqual({ ok: true, value: { ok: true } });
    expect(await u.core.invoke('outbox.resolve', { ids: [toDrop!.id], action: 'discard' })).toEqual({ ok: true, value: { ok: true } });

    const stored = await waitFor(async () => (await postsWithBody(keep))[0], 'the post she chose to send');
    expect(stored.author_id).toBe(await personId(server, '1001'));
    const newGrant = net.state.logins.at(-1)!.grant;
    expect(net.state.writes.filter((w) => w.path === '/v1/posts').map((w) => w.authorization)).toEqual([`Bearer ${newGrant}`]);
    await waitFor(async () => (await pendingWrites(u)) === 0, 'nothing left waiting');
    expect(await postsWithBody(drop)).toEqual([]);
    expect(await u.core.invoke('outbox.stranded', {})).toEqual({ ok: true, value: { items: [], dropped: [] } });
  });

  it('drops writes a week after their grant expired, and tells Anna at her next login what was not sent', async () => {
    const { u, net } = await wardPc();
    await tapIn(u, '1001');
    net.state.online = false;
    const body = 'Wie heeft de sleutel van de linnenkamer?';
    const made = await u.core.invoke('post.create', { body });
    if (!made.ok) throw new Error(made.error.message);
    await u.core.invoke('session.lock', {});

    // The PC stands unused, off the network, for more than a week after her grant ran out.
    later += 24 * HOUR + 7 * 24 * HOUR + HOUR;
    net.state.online = true;
    await tapIn(u, '1002');
    expect(await u.core.invoke('outbox.stranded', {})).toEqual({ ok: true, value: { items: [], dropped: [] } });

    await tapIn(u, '1001');
    const told = await u.core.invoke('outbox.stranded', {});
    expect(told).toEqual({ ok: true, value: { items: [], dropped: [{ id: made.value.id, kind: 'post', createdAt: made.value.createdAt }] } });
    expect(await pendingWrites(u)).toBe(0);
    expect(await postsWithBody(body)).toEqual([]);
    expect(net.state.writes.filter((w) => w.path === '/v1/posts')).toEqual([]);

    // Once she has seen it, it is not told again.
    await u.core.invoke('outbox.resolve', { ids: [made.value.id], action: 'discard' });
    expect(await u.core.invoke('outbox.stranded', {})).toEqual({ ok: true, value: { items: [], dropped: [] } });
  });

  it('sends an editor’s removal of someone else’s post with her session: her grant may not do that', async () => {
    const { u, net } = await wardPc();
    const bram = await server.login('1002');
    const post = await bram.post<{ id: string }>('/v1/posts', { body: 'Dit bericht hoort hier niet.' });
    await tapIn(u, '1003');
    const carla = net.state.logins.at(-1)!;
    await waitFor(async () => (await u.core.invoke('comment.list', { postId: post.body.id })).ok, 'Bram’s post, synced');

    expect(await u.core.invoke('post.delete', { id: post.body.id })).toEqual({ ok: true, value: { ok: true } });
    await waitFor(async () => (await server.db.kysely.selectFrom('posts').select('id').where('id', '=', post.body.id).execute()).length === 0, 'the post removed');
    expect(net.state.writes.filter((w) => w.method === 'DELETE' && w.path === `/v1/posts/${post.body.id}`).map((w) => w.authorization)).toEqual([`Bearer ${carla.session}`]);
    expect(u.events['outbox.rejected']).toEqual([]);
  });

  it('also keeps writes whose grant the server no longer accepts, though this PC’s clock thought it valid', async () => {
    const { u, net } = await wardPc();
    await tapIn(u, '1001');
    net.state.online = false;
    const body = 'Na de storing: alle bedden op 3B zijn weer aangesloten.';
    await u.core.invoke('post.create', { body });
    await u.core.invoke('session.lock', {});

    serverAhead = 25 * HOUR;
    net.state.online = true;
    await u.core.invoke('sync.now', {});
    const attempt = await waitFor(() => net.state.answered.find((w) => w.path === '/v1/posts'), 'the answer to a delivery with the old grant');
    expect(attempt.status).toBe(401);
    expect(await postsWithBody(body)).toEqual([]);

    await tapIn(u, '1001');
    const stranded = await u.core.invoke('outbox.stranded', {});
    expect(stranded).toMatchObject({ ok: true, value: { items: [{ kind: 'post', preview: body }] } });
    await u.core.invoke('outbox.resolve', { ids: stranded.ok ? stranded.value.items.map((i) => i.id) : [], action: 'send' });
    await waitFor(async () => (await postsWithBody(body)).length === 1, 'the post, sent with her new grant');
  });
});
