import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../../common/src/ids.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testClock, testDialects, type DeviceClient, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('search statistics (%s)', (dialect) => {
  let s: TestServer;
  let carla: TestClient;
  let anna: TestClient;
  let bram: TestClient;
  let kiosk: DeviceClient;
  // 22:00 in Amsterdam (summer time): three hours later it is the next day there.
  const clock = testClock('2030-06-15T20:00:00.000Z');

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now });
    carla = await s.login('1003');
    anna = await s.login('1001');
    bram = await s.login('1002');
    kiosk = await s.enrolDevice({ mode: 'kiosk' });
  });
  afterAll(() => s?.close());

  /** Types a query key by key as one search, as the client does; returns the search id and the last results. */
  async function type(client: TestClient, text: string) {
    const searchId = uuidv7();
    let results: { kind: 'page' | 'post' | 'group' | 'person'; id: string; title: string }[] = [];
    for (let i = 1; i <= text.length; i++) {
      const res = await client.call('search', { query: { q: text.slice(0, i), searchId } });
      expect(res.body.searchId).toBe(searchId);
      results = res.body.results;
    }
    return { searchId, results };
  }

  it('counts searches, unique searches, top words, words without results or clicks, and pages opened, exactly and per day', async () => {
    const salaris = await type(anna, 'salaris');
    const salarisPage = salaris.results.find((r) => r.title === 'Salaris en betaaldata')!;
    expect((await anna.call('recordSearchClick', { body: { searchId: salaris.searchId, kind: 'page', id: salarisPage.id, position: 0 } })).status).toBe(201);
    // Opening the same result again counts once.
    await anna.call('recordSearchClick', { body: { searchId: salaris.searchId, kind: 'page', id: salarisPage.id, position: 0 } });
    await type(bram, 'Salarissen');
    expect((await type(anna, 'xyzzyplof')).results).toEqual([]);
    const rooster = await type(kiosk, 'rooster');
    const roosterPage = rooster.results.find((r) => r.kind === 'page')!;
    await kiosk.call('recordSearchClick', { body: { searchId: rooster.searchId, kind: 'page', id: roosterPage.id, position: 2 } });

    clock.advance(3 * 3_600_000);
    await type(anna, 'rooster');

    const stats = await carla.call('searchStats', { query: { from: '2030-06-15', to: '2030-06-16' } });
    expect(stats.body).toEqual({
      from: '2030-06-15',
      to: '2030-06-16',
      searches: 5,
      uniqueSearches: 3,
      days: [
        { day: '2030-06-15', searches: 4, uniqueSearches: 3 },
        { day: '2030-06-16', searches: 1, uniqueSearches: 1 },
      ],
      topTerms: [
        { term: 'rooster', searches: 2 },
        { term: 'salaris', searches: 2 },
        { term: 'xyzzyplof', searches: 1 },
      ],
      noResults: [{ term: 'xyzzyplof', searches: 1 }],
      noClicks: [
        { term: 'rooster', searches: 1 },
        { term: 'salaris', searches: 1 },
      ],
      openedPages: expect.arrayContaining([
        { pageId: salarisPage.id, title: 'Salaris en betaaldata', opens: 1 },
        { pageId: roosterPage.id, title: roosterPage.title, opens: 1 },
      ]),
    });
    expect(stats.body.openedPages).toHaveLength(2);

    const secondDay = await carla.call('searchStats', { query: { from: '2030-06-16', to: '2030-06-16' } });
    expect(secondDay.body).toMatchObject({ searches: 1, topTerms: [{ term: 'rooster', searches: 1 }], openedPages: [] });
  });

  it('keeps no person, device or session with a search or a click, and the kind of device only', async () => {
    const ids = [
      (await anna.get('/v1/me')).body.person.id as string,
      (await bram.get('/v1/me')).body.person.id as string,
      kiosk.deviceId,
      anna.token!,
      bram.token!,
      kiosk.deviceToken,
    ];
    const logged = await s.db.kysely.selectFrom('search_log').selectAll().execute();
    const clicks = await s.db.kysely.selectFrom('search_clicks').selectAll().execute();
    expect(logged.length).toBeGreaterThan(0);
    expect(Object.keys(logged[0]!).sort()).toEqual(['at', 'device_kind', 'id', 'normalised', 'query', 'result_count', 'tenant_id']);
    expect(Object.keys(clicks[0]!).sort()).toEqual(['at', 'kind', 'position', 'search_id', 'target_id', 'tenant_id']);
    const text = JSON.stringify([logged, clicks]);
    for (const id of ids) expect(text).not.toContain(id);
    expect(logged.map((l) => l.device_kind).sort()).toEqual(['kiosk', 'workstation', 'workstation', 'workstation', 'workstation']);
    // Times are kept to the minute, no finer.
    for (const l of logged) expect(l.at).toMatch(/:00\.000Z$/);
  });

  it('is for editors, refuses a click on an unknown search, and asks for a period of at most a year', async () => {
    expect((await anna.call('searchStats')).body).toMatchObject({ error: { code: 'forbidden' } });
    const unknown = await anna.call('recordSearchClick', { body: { searchId: uuidv7(), kind: 'page', id: uuidv7(), position: 0 } });
    expect(unknown.body).toMatchObject({ error: { code: 'not_found' } });
    const long = await carla.call('searchStats', { query: { from: '2028-01-01', to: '2030-01-01' } });
    expect(long.body).toMatchObject({ error: { code: 'validation', message: 'Kies een periode van hoogstens een jaar.' } });
    const backwards = await carla.call('searchStats', { query: { from: '2030-02-01', to: '2030-01-01' } });
    expect(backwards.body).toMatchObject({ error: { code: 'validation' } });
  });
});
