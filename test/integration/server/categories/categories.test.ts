import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResponse } from '../../../../common/src/api/sync.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('categories (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let carla: TestClient;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    [anna, carla] = await Promise.all([s.login('1001'), s.login('1003')]);
  });
  afterAll(() => s?.close());

  const organisationIn = (page: SyncResponse) => page.changes.find((c) => c.entity === 'organisation' && c.op === 'upsert');

  it('lets editors set the fixed categories, stored as hashtags, and brings them to every device with the organisation', async () => {
    const since = (await anna.get<SyncResponse>('/v1/sync?since=0&limit=5000&scope=shared')).body;
    expect(organisationIn(since)?.op === 'upsert' && 'categories' in (organisationIn(since) as { data: object }).data).toBe(false);
    let last = since.next;
    for (let page = since; page.hasMore; last = page.next) page = (await anna.get<SyncResponse>(`/v1/sync?since=${page.next}&limit=5000&scope=shared`)).body;

    const set = await carla.put('/v1/categories', { items: [{ tag: '#Tip', colour: '#1F6F5C' }, { tag: 'leermoment', colour: '#6b3fa0' }] });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ items: [{ tag: 'tip', colour: '#1f6f5c' }, { tag: 'leermoment', colour: '#6b3fa0' }] });

    const after = (await anna.get<SyncResponse>(`/v1/sync?since=${last}&limit=5000&scope=shared`)).body;
    const org = organisationIn(after);
    expect(org && org.op === 'upsert' ? (org.data as { categories?: unknown }).categories : null).toEqual(set.body.items);
    // On a device with nobody logged in too: categories are organisation-wide.
    const device = await s.enrolDevice();
    const shared = (await device.get<SyncResponse>(`/v1/sync?since=${last}&limit=5000&scope=shared`)).body;
    expect(organisationIn(shared)).toBeDefined();
  });

  it('refuses employees, and bad lists with a Dutch message, without changing the list', async () => {
    const before = (await carla.put('/v1/categories', { items: [{ tag: 'vraag', colour: '#1f5f8b' }] })).body;
    expect((await anna.put('/v1/categories', { items: [] })).status).toBe(403);
    const fields = async (items: unknown[]) => {
      const res = await carla.put('/v1/categories', { items });
      return [res.status, (res.body as { error: { fields?: { path: string }[] } }).error.fields?.map((f) => f.path)];
    };
    expect(await fields([{ tag: 'tip', colour: 'rood' }])).toEqual([400, ['body.items.0.colour']]);
    expect(await fields([{ tag: 'twee woorden', colour: '#000000' }])).toEqual([400, ['body.items.0.tag']]);
    expect(await fields([{ tag: '2024', colour: '#000000' }])).toEqual([400, ['body.items.0.tag']]);
    expect(await fields([{ tag: 'tip', colour: '#000000' }, { tag: '#TIP', colour: '#111111' }])).toEqual([400, ['body.items']]);
    expect(await fields(Array.from({ length: 13 }, (_, i) => ({ tag: `c${i}`, colour: '#000000' })))).toEqual([400, ['body.items']]);
    const org = await s.db.kysely.selectFrom('organisations').select('categories').where('tenant_id', '=', s.tenants.demo!).executeTakeFirstOrThrow();
    expect(JSON.parse(org.categories!)).toEqual(before.items);
  });

  it('filters the timeline on a category like on any hashtag, and leaves free hashtags alone', async () => {
    await carla.put('/v1/categories', { items: [{ tag: 'succes', colour: '#8a4b08' }] });
    const withCategory = (await anna.post('/v1/posts', { body: 'Eerste week zonder valincident! #succes #valpreventie' })).body;
    const free = (await anna.post('/v1/posts', { body: 'Wie heeft de sleutel van de fietsenstalling? #fietsenstalling' })).body;
    const ids = async (tag: string) => ((await anna.get(`/v1/posts?hashtag=${tag}`)).body.items as { id: string }[]).map((p) => p.id);
    expect(await ids('succes')).toEqual([withCategory.id]);
    expect(await ids('fietsenstalling')).toEqual([free.id]);
    expect(withCategory.hashtags).toEqual(['succes', 'valpreventie']);
  });
});
