import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { createPersonalStore, type PersonalStore } from '../../../../main/core/personal/personalStore.js';
import { badgeCodes, coresStoppedAfterEach, demoPin, enrolmentCode, groupId, switchableFetch, type CoreUnderTest } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { interceptingFetch, type SentRequest } from '../../../fixtures/core/interceptingFetch.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

const personalPage = (r: SentRequest) => r.path === '/v1/sync' && r.query.get('scope') === 'personal' && r.token !== null;
const badgeLogin = (r: SentRequest) => r.path === '/v1/auth/badge';

/**
 * Anna is logged in on a ward PC and the first page of her private feed is still on its way when Bram
 * taps his badge. His tap ends her session at once; whatever his login answers, her page must not
 * land anywhere once it arrives, and the lock screen must show nothing of hers.
 */
describe('a switch on a shared ward PC whose second tap does not log anyone in', () => {
  let server: TestServer;
  let team3bPosts: { id: string; body: string }[];
  let team3b: string;
  const startTracked = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    team3b = await groupId(server, 'Team 3B');
    team3bPosts = await server.db.kysely.selectFrom('posts').select(['id', 'body']).where('group_id', '=', team3b).execute();
  });
  afterAll(() => closeServer(server));

  /** The core's personal store, with the names of its methods called while `watching`. */
  function watchedPersonalStore() {
    const store = createPersonalStore();
    const watch = { on: false, consulted: [] as string[] };
    const watched = Object.fromEntries(
      Object.entries(store).map(([name, method]) => [
        name,
        (...args: unknown[]) => {
          if (watch.on) watch.consulted.push(name);
          return (method as (...a: unknown[]) => unknown)(...args);
        },
      ]),
    ) as PersonalStore;
    return { store, watched, watch };
  }

  /** Anna tapped in; the answer to her first private page has come from the server but is held back. */
  async function annaWithHerPrivatePageOnItsWay() {
    const cable = switchableFetch();
    const net = interceptingFetch(cable.fetch);
    const personal = watchedPersonalStore();
    const u = startTracked({
      url: server.url,
      dataDir: tempDir(),
      mode: 'shared',
      secrets: memorySecretStore(),
      enrolmentCode: await enrolmentCode(server),
      fetch: net.fetch,
      personal: personal.watched,
    });
    await waitFor(async () => {
      const list = await u.core.invoke('timeline.list', { limit: 1 });
      return list.ok && list.value.items.length > 0;
    }, 'the shared feed, synced with the device token alone');
    const herPage = net.holdAnswer(personalPage);
    const tap = await u.core.invoke('session.badge', { codes: badgeCodes('1001'), pin: demoPin('1001') });
    expect(tap).toMatchObject({ ok: true, value: { state: 'loggedIn', person: { name: 'Anna de Vries' } } });
    const held = await herPage.arrived;
    // The page really carries her private posts: the checks below look for something that was there.
    expect(team3bPosts.length).toBeGreaterThan(0);
    for (const p of team3bPosts) expect(held.body).toContain(p.id);
    // Bram's first tap of the day asks for his PIN.
    await server.db.kysely.updateTable('people').set({ last_pin_at: null }).where('employee_number', '=', '1002').execute();
    return { u, net, cable, personal, herPage, herToken: held.request.token };
  }

  /** Her page reaches the core while Bram's login is being answered, and the core is done with it first. */
  const deliverHerPage = async (u: CoreUnderTest, herPage: { release(): void }) => {
    herPage.release();
    await u.core.invoke('sync.now', {});
  };

  async function expectNothingOfHers(u: CoreUnderTest, personal: ReturnType<typeof watchedPersonalStore>) {
    // What the lock screen may read: none of it so much as looks in the personal store.
    personal.watch.on = true;
    const everything = await u.core.invoke('timeline.list', { limit: 100 });
    expect(everything.ok && everything.value.items.length).toBeGreaterThan(0);
    expect(everything.ok && everything.value.items.filter((p) => p.group?.id === team3b).map((p) => p.body)).toEqual([]);
    expect(await u.core.invoke('timeline.list', { groupId: team3b, limit: 100 })).toMatchObject({ ok: true, value: { items: [] } });
    expect(await u.core.invoke('post.get', { id: team3bPosts[0]!.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await u.core.invoke('groups.mine', {})).toEqual({ ok: true, value: { items: [] } });
    expect(await u.core.invoke('hashtags.suggest', { prefix: 'team3', limit: 5 })).toEqual({ ok: true, value: { items: [] } });
    personal.watch.on = false;
    expect(personal.watch.consulted).toEqual([]);
    const { store } = personal;
    expect({ posts: store.posts(), memberships: store.memberships(), notifications: store.notifications(), cursor: store.cursor() }).toEqual({
      posts: [],
      memberships: [],
      notifications: [],
      cursor: 0,
    });
  }

  it('shows the lock screen none of Anna’s private posts when Bram’s tap needs his PIN, though her page arrives after his tap', async () => {
    const { u, net, personal, herPage, herToken } = await annaWithHerPrivatePageOnItsWay();
    let herFeedOpenAtHisAnswer: string[] = [];
    net.next(badgeLogin, async (forward) => {
      const answer = await forward();
      // The server has answered Bram's tap; by now nothing may still be fetching as Anna.
      herFeedOpenAtHisAnswer = net.sent.filter((r) => r.token === herToken && (r.path === '/v1/sync' || r.path === '/v1/events') && !r.signal?.aborted).map((r) => r.path);
      await deliverHerPage(u, herPage);
      return answer;
    });

    const tap = await u.core.invoke('session.badge', { codes: badgeCodes('1002') });

    expect(tap).toMatchObject({ ok: false, error: { code: 'pin_required' } });
    expect(u.events['session.changed'].at(-1)).toMatchObject({ state: 'loggedOut' });
    await expectNothingOfHers(u, personal);
    expect(herFeedOpenAtHisAnswer).toEqual([]);
  });

  it('shows the offline lock screen none of Anna’s private posts when Bram’s tap finds no network, though her page arrives after his tap', async () => {
    const { u, net, cable, personal, herPage } = await annaWithHerPrivatePageOnItsWay();
    net.next(badgeLogin, async () => {
      await deliverHerPage(u, herPage);
      // The cable is pulled just as Bram taps: his login never reaches the server.
      cable.state.online = false;
      throw new TypeError('fetch failed');
    });

    const tap = await u.core.invoke('session.badge', { codes: badgeCodes('1002') });

    expect(tap).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(await u.core.invoke('session.state', {})).toMatchObject({ ok: true, value: { state: 'loggedOut', online: false } });
    await expectNothingOfHers(u, personal);
  });
});
