import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostViewModel } from '../../../../common/src/ipc/views.js';
import { switchableFetch, coresStoppedAfterEach, type CoreUnderTest } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();
const HOUR = 3_600_000;

describe('scheduled posts in the client', () => {
  let server: TestServer;
  const startTracked = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  /** Someone logged in and synced, with a network cable that can be pulled and a clock that can be moved. */
  async function loggedIn(employeeNumber: string) {
    const net = switchableFetch();
    let offset = 0;
    const clock = { now: () => new Date(Date.now() + offset), advance: (ms: number) => void (offset += ms) };
    const u = startTracked({ url: server.url, dataDir: tempDir(), fetch: net.fetch, clock });
    await u.login(employeeNumber);
    await waitFor(async () => {
      const s = await u.core.invoke('sync.status', {});
      return s.ok && s.value.lastSyncedAt !== null;
    }, 'first sync');
    return { u, net, clock };
  }
  const timelineIds = async (u: CoreUnderTest, input: { authorId?: string } = {}) => {
    const r = await u.core.invoke('timeline.list', { limit: 50, ...input });
    return r.ok ? r.value.items.map((p) => p.id) : [];
  };
  const scheduled = async (u: CoreUnderTest) => {
    const r = await u.core.invoke('post.scheduled', {});
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  };
  const waitingOnServer = async (id: string) => (await server.db.kysely.selectFrom('scheduled_posts').select('id').where('id', '=', id).execute()).length;

  it('shows a post planned offline in "Gepland" at once and never in her timeline, and hands it to the server as a plan', async () => {
    const { u, net } = await loggedIn('1001');
    net.state.online = false;
    const publishAt = new Date(Date.now() + 2 * HOUR).toISOString();
    const made = await u.core.invoke('post.create', { body: 'Vrijdag taart in de teamkamer #traktatie', publishAt });
    if (!made.ok) throw new Error(made.error.code);
    expect(made.value).toMatchObject({ scheduledFor: publishAt, createdAt: publishAt, delivery: 'sending' });
    expect(await timelineIds(u)).not.toContain(made.value.id);
    const offline = await scheduled(u);
    expect(offline.complete).toBe(false);
    expect(offline.items.map((p) => [p.id, p.delivery])).toEqual([[made.value.id, 'sending']]);

    net.state.online = true;
    await u.core.invoke('sync.now', {});
    await waitFor(async () => (await waitingOnServer(made.value.id)) === 1, 'the plan on the server');
    await u.core.invoke('sync.now', {});
    expect(await timelineIds(u)).not.toContain(made.value.id);
    expect((await server.db.kysely.selectFrom('posts').select('id').where('id', '=', made.value.id).execute()).length).toBe(0);
    const online = await scheduled(u);
    expect(online.complete).toBe(true);
    expect(online.items.filter((p: PostViewModel) => p.id === made.value.id).map((p) => p.delivery)).toEqual(['sent']);
  });

  it('takes back a plan still waiting on the device, and one the server already has, through the outbox', async () => {
    const { u, net } = await loggedIn('1002');
    net.state.online = false;
    const never = await u.core.invoke('post.create', { body: 'Toch niet.', publishAt: new Date(Date.now() + HOUR).toISOString() });
    if (!never.ok) throw new Error(never.error.code);
    expect(await u.core.invoke('post.unschedule', { id: never.value.id })).toEqual({ ok: true, value: { ok: true } });
    expect((await scheduled(u)).items).toEqual([]);
    net.state.online = true;

    const sent = await u.core.invoke('post.create', { body: 'Dit gaat weg, later.', publishAt: new Date(Date.now() + HOUR).toISOString() });
    if (!sent.ok) throw new Error(sent.error.code);
    await waitFor(async () => (await waitingOnServer(sent.value.id)) === 1, 'the plan on the server');
    await u.core.invoke('sync.now', {});
    expect((await scheduled(u)).items.map((p) => p.id)).toEqual([sent.value.id]);
    expect(await u.core.invoke('post.unschedule', { id: sent.value.id })).toEqual({ ok: true, value: { ok: true } });
    expect((await scheduled(u)).items.map((p) => p.id)).not.toContain(sent.value.id);
    await waitFor(async () => (await waitingOnServer(sent.value.id)) === 0, 'the plan taken back on the server');
    // Writes go out in order, so the first plan is settled by now: taken back before it left, or
    // (when it was on its way at that moment) deleted right after it arrived. Either way it never appears.
    expect(await waitingOnServer(never.value.id)).toBe(0);
    expect((await server.db.kysely.selectFrom('posts').select('id').where('id', 'in', [never.value.id, sent.value.id]).execute()).length).toBe(0);
  });

  it('takes a post off her timeline at its end date by her own clock, and keeps it in the author’s own list', async () => {
    const carla = await server.login('1003');
    const post = (await carla.post<{ id: string; authorId: string }>('/v1/posts', { body: 'Aanmelden voor de kerstborrel kan tot morgen.', endsAt: new Date(Date.now() + HOUR).toISOString() })).body;
    const { u, clock } = await loggedIn('1004');
    expect(await timelineIds(u)).toContain(post.id);
    clock.advance(HOUR + 1000);
    expect(await timelineIds(u)).not.toContain(post.id);
    // Daan is an admin, so an editor: he still finds it among Carla's posts.
    expect(await timelineIds(u, { authorId: post.authorId })).toContain(post.id);
    const anna = await loggedIn('1001');
    anna.clock.advance(HOUR + 1000);
    expect(await timelineIds(anna.u, { authorId: post.authorId })).not.toContain(post.id);
  });
});
