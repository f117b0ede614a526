import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { badgeCodes, coresStoppedAfterEach, demoPin, enrolmentCode, groupId, personId, type CoreUnderTest } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { interceptingFetch } from '../../../fixtures/core/interceptingFetch.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('"lezen verplicht" on a ward PC', () => {
  let server: TestServer;
  const startWardPc = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  /** Carla (editor) posts for the whole organisation and marks it for `audience`. */
  const requiredPost = async (body: string, audience: object) => {
    const carla = await server.login('1003');
    const post = await carla.post<{ id: string }>('/v1/posts', { body });
    const marked = await carla.put(`/v1/posts/${post.body.id}/read-requirement`, { audience });
    expect(marked.status).toBe(200);
    return post.body.id;
  };

  const wardPc = async () => {
    const net = interceptingFetch();
    const u = startWardPc({ url: server.url, dataDir: tempDir(), mode: 'shared', secrets: memorySecretStore(), enrolmentCode: await enrolmentCode(server), fetch: net.fetch });
    await u.core.invoke('session.state', {});
    return { u, net };
  };
  const tapIn = async (u: CoreUnderTest, employeeNumber: string) => {
    const result = await u.core.invoke('session.badge', { codes: badgeCodes(employeeNumber), pin: demoPin(employeeNumber) });
    if (!result.ok || result.value.state !== 'loggedIn') throw new Error(`tap ${employeeNumber}: ${JSON.stringify(result)}`);
  };
  const knows = (u: CoreUnderTest, postId: string) =>
    waitFor(async () => {
      const found = await u.core.invoke('timeline.list', { limit: 50 });
      return found.ok && found.value.items.some((p) => p.id === postId && p.readRequired);
    }, 'the ward PC has the required post');
  const receipt = async (postId: string, employeeNumber: string) =>
    server.db.kysely
      .selectFrom('read_receipts')
      .selectAll()
      .where('post_id', '=', postId)
      .where('person_id', '=', await personId(server, employeeNumber))
      .executeTakeFirst();

  it('puts her unconfirmed post first after a tap-in, decided on the PC without a request, and "Gelezen" reaches the server', async () => {
    const postId = await requiredPost('Nieuw protocol handhygiëne: lees het voor je volgende dienst.', { everyone: true });
    const { u, net } = await wardPc();
    await knows(u, postId);
    await tapIn(u, '1001');

    const before = net.sent.length;
    const first = await u.core.invoke('readConfirmations.firstReads', {});
    expect(net.sent.slice(before).filter((r) => r.path !== '/v1/sync' && r.path !== '/v1/events')).toEqual([]);
    expect(first.ok && first.value.items.map((p) => [p.id, p.myRead?.state])).toEqual([[postId, 'owed']]);

    const confirmed = await u.core.invoke('readConfirmations.confirm', { id: postId });
    expect(confirmed.ok && confirmed.value.myRead).toMatchObject({ state: 'confirmed' });
    await waitFor(async () => (await receipt(postId, '1001'))?.confirmed_at, 'the confirmation on the server');

    // Next time on this PC she goes straight to the timeline; Bram, who has not read it, does not.
    await u.core.invoke('session.lock', {});
    await tapIn(u, '1001');
    const again = await u.core.invoke('readConfirmations.firstReads', {});
    expect(again.ok && again.value.items).toEqual([]);
    await tapIn(u, '1002');
    const bram = await u.core.invoke('readConfirmations.firstReads', {});
    expect(bram.ok && bram.value.items.map((p) => p.id)).toEqual([postId]);
  });

  it('does not put first a post she confirmed on another PC, on a PC she never used', async () => {
    const postId = await requiredPost('Griepprik: geef je op voor vrijdag.', { everyone: true });
    const elsewhere = await server.login('1005');
    expect((await elsewhere.put(`/v1/posts/${postId}/read-confirmation`)).status).toBe(200);
    const { u } = await wardPc();
    await knows(u, postId);
    await tapIn(u, '1005');
    const first = await u.core.invoke('readConfirmations.firstReads', {});
    expect(first.ok && first.value.items.map((p) => p.id)).not.toContain(postId);
  });

  it('lets her put it off as often as the organisation allows, and no more', async () => {
    const postId = await requiredPost('Brandoefening volgende week: lees waar je verzamelplaats is.', { everyone: true });
    const { u } = await wardPc();
    await knows(u, postId);
    await tapIn(u, '1002');
    for (let i = 1; i <= 3; i++) {
      const later = await u.core.invoke('readConfirmations.later', { id: postId });
      expect(later.ok && later.value.myRead).toMatchObject({ state: 'owed', laterCount: i, laterLimit: 3 });
    }
    const refused = await u.core.invoke('readConfirmations.later', { id: postId });
    expect(refused.ok ? null : refused.error.code).toBe('conflict');
    await waitFor(async () => (await receipt(postId, '1002'))?.later_count === 3, 'three postponements on the server');
    expect((await receipt(postId, '1002'))?.confirmed_at).toBeNull();
  });

  it('sends a confirmation made offline once the network is back, exactly once', async () => {
    const postId = await requiredPost('Nieuwe werkwijze medicatie aftekenen.', { everyone: true });
    const { u, net } = await wardPc();
    await knows(u, postId);
    await tapIn(u, '1005');
    let attempts = 0;
    net.next(
      (r) => r.path === `/v1/posts/${postId}/read-confirmation`,
      async () => {
        attempts++;
        throw new TypeError('fetch failed');
      },
    );
    const confirmed = await u.core.invoke('readConfirmations.confirm', { id: postId });
    expect(confirmed.ok && confirmed.value.myRead).toMatchObject({ state: 'confirmed', waiting: true });
    await waitFor(async () => (await receipt(postId, '1005'))?.confirmed_at, 'delivered after the failed try');
    expect(attempts).toBe(1);
    const count = await server.db.kysely.selectFrom('posts').select('read_confirmed_count').where('id', '=', postId).executeTakeFirstOrThrow();
    expect(Number(count.read_confirmed_count)).toBe(1);
  });

  it('takes a "Gelezen" back, with a message, when the server refuses it', async () => {
    const postId = await requiredPost('Nieuwe afspraken over de overdracht.', { everyone: true });
    const { u, net } = await wardPc();
    await knows(u, postId);
    await tapIn(u, '1001');
    const carla = await server.login('1003');
    // The editor takes the requirement off just as Anna's confirmation is on its way: the server refuses it.
    net.next(
      (r) => r.path === `/v1/posts/${postId}/read-confirmation`,
      async (forward) => {
        await carla.delete(`/v1/posts/${postId}/read-requirement`);
        return forward();
      },
    );
    const confirmed = await u.core.invoke('readConfirmations.confirm', { id: postId });
    expect(confirmed.ok && confirmed.value.myRead?.state).toBe('confirmed');
    await waitFor(() => u.events['outbox.rejected'].length > 0, 'the refusal told');
    expect(u.events['outbox.rejected'][0]).toMatchObject({ kind: 'readConfirm', code: 'not_found' });

    // Marked again: she owes it, on this PC too.
    await carla.put(`/v1/posts/${postId}/read-requirement`, { audience: { everyone: true } });
    await waitFor(async () => {
      const first = await u.core.invoke('readConfirmations.firstReads', {});
      return first.ok && first.value.items.some((p) => p.id === postId);
    }, 'asked again');
    expect(await receipt(postId, '1001')).toBeUndefined();
  });

  it('remembers an audience of groups on the PC, so "Eerst lezen" has it before her own data arrives', async () => {
    const group = await groupId(server, 'Werkgroep Valpreventie');
    const anna = await server.login('1001');
    await anna.put(`/v1/groups/${group}/members/${await personId(server, '1001')}`, { role: 'member' });
    const postId = await requiredPost('Valpreventie: nieuwe checklist voor de avonddienst.', { groupIds: [group] });
    const { u, net } = await wardPc();
    await knows(u, postId);
    await tapIn(u, '1001');
    // Her groups come with her own feed: once here, the PC writes down that she owes this post.
    await waitFor(async () => {
      const first = await u.core.invoke('readConfirmations.firstReads', {});
      return first.ok && first.value.items.some((p) => p.id === postId);
    }, 'her group post known after her own sync');
    await u.core.invoke('session.lock', {});

    // Her own feed held back: the PC still knows.
    net.holdAnswer((r) => r.path === '/v1/sync' && r.query.get('scope') === 'personal');
    await tapIn(u, '1001');
    const first = await u.core.invoke('readConfirmations.firstReads', {});
    expect(first.ok && first.value.items.map((p) => p.id)).toContain(postId);
  });
});

describe('view counts from a client', () => {
  let server: TestServer;
  const startClient = coresStoppedAfterEach();
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  it('counts a view on a ward PC as the person logged in there', async () => {
    const bram = await server.login('1002');
    const id = (await bram.post<{ id: string }>('/v1/posts', { body: 'Koffieautomaat 2e verdieping is weer gemaakt.' })).body.id;
    const u = startClient({ url: server.url, dataDir: tempDir(), mode: 'shared', secrets: memorySecretStore(), enrolmentCode: await enrolmentCode(server) });
    await u.core.invoke('session.state', {});
    const tap = await u.core.invoke('session.badge', { codes: badgeCodes('1001'), pin: demoPin('1001') });
    expect(tap.ok && tap.value.state).toBe('loggedIn');
    await u.core.invoke('postViews.seen', { postIds: [id] });
    await waitFor(async () => (await server.db.kysely.selectFrom('post_views').select('person_id').where('post_id', '=', id).execute()).length === 1, 'the view on the server', 15_000);
  }, 30_000);

  it('sends the posts she saw in one batch, counts her once, and shows the count at once', async () => {
    const bram = await server.login('1002');
    const ids = [
      (await bram.post<{ id: string }>('/v1/posts', { body: 'Wie heeft de sleutel van de medicijnkast?' })).body.id,
      (await bram.post<{ id: string }>('/v1/posts', { body: 'Taart in de teamkamer!' })).body.id,
    ];
    const u = startClient({ url: server.url, dataDir: tempDir() });
    await u.login('1001');
    await waitFor(async () => {
      const list = await u.core.invoke('timeline.list', { limit: 10 });
      return list.ok && ids.every((id) => list.value.items.some((p) => p.id === id));
    }, 'the posts synced');

    await u.core.invoke('postViews.seen', { postIds: [ids[0]!] });
    await u.core.invoke('postViews.seen', { postIds: [ids[1]!, ids[0]!] });
    const anna = await personId(server, '1001');
    const viewers = () => server.db.kysely.selectFrom('post_views').select(['post_id', 'person_id']).where('post_id', 'in', ids).execute();
    await waitFor(async () => (await viewers()).length === 2, 'both views on the server', 15_000);
    expect((await viewers()).every((v) => v.person_id === anna)).toBe(true);
    await waitFor(async () => {
      const list = await u.core.invoke('timeline.list', { limit: 10 });
      return list.ok && ids.every((id) => list.value.items.find((p) => p.id === id)?.viewCount === 1);
    }, 'the counts shown');

    // Seen again in the same session: nothing more is sent.
    const before = (await viewers()).length;
    await u.core.invoke('postViews.seen', { postIds: ids });
    await new Promise((r) => setTimeout(r, 50));
    expect((await viewers()).length).toBe(before);
  }, 30_000);
});
