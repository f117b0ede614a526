import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../common/src/api/routes/search.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type DeviceClient, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const marked = (r: SearchResult) => r.highlights.map((h) => r.snippet.slice(h.start, h.end));

describe.each(dialects)('search over pages, posts, groups and people (%s)', (dialect) => {
  let s: TestServer;
  let carla: TestClient;
  let anna: TestClient;
  let bram: TestClient;
  let device: DeviceClient;
  let team3b: string;

  beforeAll(async () => {
    s = await startTestServer(dialect, { organisations: [{ slug: 'demo', seed: 1 }, { slug: 'ander', seed: 2 }] });
    carla = await s.login('1003', 'demo');
    anna = await s.login('1001', 'demo');
    bram = await s.login('1002', 'demo');
    device = await s.enrolDevice({ organisation: 'demo' });
    team3b = (await anna.get('/v1/groups')).body.items.find((g: { name: string }) => g.name === 'Team 3B').id;
  });
  afterAll(() => s?.close());

  const search = async (client: TestClient, q: string, limit = 10) => {
    const res = await client.call('search', { query: { q, limit } });
    if (res.status !== 200) throw new Error(`search ${q}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.results;
  };

  it('answers GET /v1/search?q=…&limit=N with results best first: kind, id, title and a snippet', async () => {
    const res = await anna.request('GET', '/v1/search?q=salaris&limit=5');
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeLessThanOrEqual(5);
    expect(res.body.results[0]).toEqual({
      kind: 'page',
      id: expect.any(String),
      title: 'Salaris en betaaldata',
      titleHighlights: [{ start: 0, end: 7 }],
      snippet: expect.any(String),
      highlights: expect.any(Array),
    });
    for (const r of res.body.results) expect(['page', 'post', 'group', 'person']).toContain(r.kind);
  });

  it('marks the matched words in the snippet by position, whatever form they were written in', async () => {
    const [first] = await search(anna, 'salarissen');
    expect(first!.title).toBe('Salaris en betaaldata');
    expect(marked(first!).length).toBeGreaterThan(0);
    for (const word of marked(first!)) expect(word.toLowerCase()).toMatch(/^salaris/);
  });

  it('finds a page the moment it is saved, its new words after an edit, and nothing once it is deleted', async () => {
    const page = (await carla.call('createPage', { body: { title: 'Fietsenkelder Noord', body: 'De kluisjes staan bij de zuidwand.' } })).body;
    // In the index when the save is answered, before anyone searched: written in the same transaction.
    const indexed = await s.db.kysely.selectFrom('search_docs').select('title').where('kind', '=', 'page').where('id', '=', page.id).execute();
    expect(indexed).toEqual([{ title: 'Fietsenkelder Noord' }]);
    expect((await search(anna, 'fietsenkelder'))[0]).toMatchObject({ kind: 'page', id: page.id });
    await carla.call('updatePage', { params: { id: page.id }, body: { body: 'De oplaadpunten staan bij de noordwand.' } });
    expect((await search(anna, 'oplaadpunten'))[0]).toMatchObject({ id: page.id });
    expect((await search(anna, 'kluisjes')).map((r) => r.id)).not.toContain(page.id);
    await carla.call('deletePage', { params: { id: page.id } });
    expect((await search(anna, 'fietsenkelder')).map((r) => r.id)).not.toContain(page.id);
  });

  it('finds a new post at the next search, and a post of a private group only for its members', async () => {
    const open = (await bram.call('createPost', { body: { body: 'Wie heeft mijn paraplu gezien? #kwijt' } })).body;
    expect((await search(anna, 'paraplu')).map((r) => r.id)).toContain(open.id);
    const secret = (await anna.call('createPost', { body: { body: 'Overdracht: de kamerplant van mevrouw Jansen krijgt water', groupId: team3b } })).body;
    expect((await search(anna, 'kamerplant')).map((r) => r.id)).toContain(secret.id);
    expect((await search(bram, 'kamerplant')).map((r) => r.id)).not.toContain(secret.id);
    const byDevice = await device.call('search', { query: { q: 'kamerplant' } });
    expect(byDevice.body.results.map((r) => r.id)).not.toContain(secret.id);
    expect((await search(anna, 'team 3b')).map((r) => r.id)).toContain(team3b);
    expect((await search(bram, 'team 3b')).map((r) => r.id)).not.toContain(team3b);
  });

  it('finds colleagues by name and job, and groups by name', async () => {
    const people = await search(anna, 'carla smit');
    expect(people[0]).toMatchObject({ kind: 'person', title: 'Carla Smit' });
    const groups = (await anna.get('/v1/groups')).body.items as { id: string; name: string; visibility: string }[];
    const open = groups.find((g) => g.visibility === 'open')!;
    expect((await search(anna, open.name)).map((r) => r.id)).toContain(open.id);
  });

  it('keeps each organisation’s results to itself', async () => {
    const other = await s.login('1001', 'ander');
    const page = (await carla.call('createPage', { body: { title: 'Geheime zolderkamer', body: 'Alleen bij het Baken.' } })).body;
    expect((await search(other, 'zolderkamer')).map((r) => r.id)).not.toContain(page.id);
  });

  it('uses the synonyms editors keep, and starts from a default list', async () => {
    const defaults = (await anna.call('getSynonyms')).body;
    expect(defaults.custom).toBe(false);
    expect(defaults.items).toContainEqual({ term: 'loon', synonyms: ['salaris'] });
    expect((await search(anna, 'loon'))[0]!.title).toBe('Salaris en betaaldata');

    expect((await anna.call('setSynonyms', { body: { items: [{ term: 'poen', synonyms: ['salaris'] }] } })).body).toMatchObject({ error: { code: 'forbidden' } });
    const set = await carla.call('setSynonyms', { body: { items: [{ term: 'poen', synonyms: ['salaris'] }] } });
    expect(set.body).toEqual({ items: [{ term: 'poen', synonyms: ['salaris'] }], custom: true });
    expect((await search(anna, 'poen'))[0]!.title).toBe('Salaris en betaaldata');
    expect((await search(anna, 'loon')).map((r) => r.title)).not.toContain('Salaris en betaaldata');

    const reset = await carla.call('setSynonyms', { body: { reset: true } });
    expect(reset.body.custom).toBe(false);
    expect((await search(anna, 'loon'))[0]!.title).toBe('Salaris en betaaldata');
  });

  it('says in Dutch what is wrong with a search or a synonym', async () => {
    const empty = await anna.request('GET', '/v1/search?q=%20%20');
    expect(empty.body).toMatchObject({ error: { code: 'validation', fields: [{ path: 'query.q', message: 'Typ waar je naar zoekt.' }] } });
    const tooMany = await anna.request('GET', '/v1/search?q=x&limit=500');
    expect(tooMany.body).toMatchObject({ error: { code: 'validation', fields: [{ path: 'query.limit', message: 'Vraag 1 tot 50 resultaten.' }] } });
    const phrase = await carla.request('PUT', '/v1/search/synonyms', { json: { items: [{ term: 'vrije dag', synonyms: ['verlof'] }] } });
    expect(phrase.body).toMatchObject({ error: { code: 'validation', fields: [{ path: 'body.items.0.term', message: 'Een synoniem is één woord, zonder spaties (hoogstens 40 tekens).' }] } });
  });
});
