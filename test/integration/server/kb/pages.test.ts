import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('knowledge-base pages and sections (%s)', (dialect) => {
  let s: TestServer;
  let carla: TestClient;
  let anna: TestClient;
  let daan: TestClient;
  let otherEditor: TestClient;

  beforeAll(async () => {
    s = await startTestServer(dialect, { organisations: [{ slug: 'demo', seed: 1 }, { slug: 'ander', seed: 2 }] });
    carla = await s.login('1003', 'demo');
    anna = await s.login('1001', 'demo');
    daan = await s.login('1004', 'demo');
    otherEditor = await s.login('1003', 'ander');
  });
  afterAll(() => s?.close());

  const tree = async () => (await anna.call('getKbTree')).body;
  const pagesIn = async (sectionId: string | null) =>
    (await tree()).pages
      .filter((p) => p.sectionId === sectionId)
      .sort((a, b) => a.position - b.position)
      .map((p) => p.title);

  it('lets an editor create a page with POST /v1/kb/pages {title, body, sectionId?} and answers it with its id', async () => {
    const res = await carla.request('POST', '/v1/kb/pages', { json: { title: 'Nieuwe koffieautomaat', body: '## Gebruik\n- kies je drankje' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), title: 'Nieuwe koffieautomaat', sectionId: null, version: 1, favourite: false, myFeedback: null });
    expect((await anna.call('getPage', { params: { id: res.body.id } })).body.body).toBe('## Gebruik\n- kies je drankje');
  });

  it('makes the maker owner and sets the review date a year on, unless the editor says otherwise', async () => {
    const me = (await carla.get('/v1/me')).body.person.id as string;
    const page = await carla.call('createPage', { body: { title: 'Pagina met eigenaar', body: 'Tekst' } });
    expect(page.body.ownerId).toBe(me);
    expect(page.body.reviewDate! > new Date(Date.now() + 360 * 86_400_000).toISOString().slice(0, 10)).toBe(true);
    const other = await carla.call('createPage', { body: { title: 'Pagina zonder datum', body: 'Tekst', ownerId: null, reviewDate: null } });
    expect(other.body).toMatchObject({ ownerId: null, reviewDate: null });
  });

  it('lets an admin write too (admins have every role), and refuses an employee every write', async () => {
    const byAdmin = await daan.call('createPage', { body: { title: 'Door de beheerder', body: 'Tekst' } });
    expect(byAdmin.status).toBe(201);
    const id = byAdmin.body.id;
    const attempts = [
      await anna.call('createPage', { body: { title: 'Mag niet', body: 'x' } }),
      await anna.call('updatePage', { params: { id }, body: { title: 'Gewijzigd' } }),
      await anna.call('deletePage', { params: { id } }),
      await anna.call('createSection', { body: { title: 'Mag niet' } }),
      await anna.call('listPageVersions', { params: { id } }),
      await anna.call('reviewOverview'),
    ];
    for (const a of attempts) expect(a.body).toMatchObject({ error: { code: 'forbidden' } });
    expect((await anna.call('getPage', { params: { id } })).body.title).toBe('Door de beheerder');
  });

  it('keeps each organisation’s knowledge base to itself', async () => {
    const page = await carla.call('createPage', { body: { title: 'Alleen voor het Baken', body: 'Intern' } });
    expect((await otherEditor.call('getPage', { params: { id: page.body.id } })).status).toBe(404);
    expect((await otherEditor.call('updatePage', { params: { id: page.body.id }, body: { title: 'Overgenomen' } })).status).toBe(404);
    expect(JSON.stringify((await otherEditor.call('getKbTree')).body)).not.toContain('Alleen voor het Baken');
  });

  it('says in Dutch what is wrong with a page, field by field', async () => {
    const res = await carla.request('POST', '/v1/kb/pages', { json: { title: '   ', body: 5, reviewDate: '31-12-2030', sectionId: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
    expect(res.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'body.title', message: 'Geef de pagina een titel.' },
        { path: 'body.body', message: 'Dit moet tekst zijn.' },
        { path: 'body.reviewDate', message: 'Kies een geldige datum (JJJJ-MM-DD).' },
        { path: 'body.sectionId', message: 'Kies een bestaande sectie.' },
      ]),
    );
    const unknown = await carla.call('createPage', { body: { title: 'Ergens', body: 'x', sectionId: '01900000-0000-7000-8000-000000000099' } });
    expect(unknown.body).toMatchObject({ error: { code: 'validation', fields: [{ path: 'body.sectionId', message: 'Kies een bestaande sectie.' }] } });
  });

  it('nests sections, moves pages between them and numbers both lists again', async () => {
    const top = (await carla.call('createSection', { body: { title: 'Werkplek' } })).body;
    const sub = (await carla.call('createSection', { body: { title: 'Koffie en thee', parentId: top.id } })).body;
    expect(sub).toMatchObject({ parentId: top.id, position: 0 });
    const ids: string[] = [];
    for (const title of ['Een', 'Twee', 'Drie']) ids.push((await carla.call('createPage', { body: { title, body: 'x', sectionId: top.id } })).body.id);
    await carla.call('createPage', { body: { title: 'Vier', body: 'x', sectionId: sub.id } });
    expect(await pagesIn(top.id)).toEqual(['Een', 'Twee', 'Drie']);

    const moved = await carla.call('updatePage', { params: { id: ids[0]! }, body: { sectionId: sub.id, position: 0 } });
    expect(moved.body).toMatchObject({ sectionId: sub.id, position: 0 });
    expect(await pagesIn(top.id)).toEqual(['Twee', 'Drie']);
    expect(await pagesIn(sub.id)).toEqual(['Een', 'Vier']);
    expect((await tree()).pages.filter((p) => p.sectionId === top.id).map((p) => p.position).sort()).toEqual([0, 1]);
  });

  it('reorders pages within a section and clamps a position past the end', async () => {
    const section = (await carla.call('createSection', { body: { title: 'Volgorde' } })).body;
    const ids: string[] = [];
    for (const title of ['A', 'B', 'C', 'D']) ids.push((await carla.call('createPage', { body: { title, body: 'x', sectionId: section.id } })).body.id);
    await carla.call('updatePage', { params: { id: ids[3]! }, body: { position: 1 } });
    expect(await pagesIn(section.id)).toEqual(['A', 'D', 'B', 'C']);
    await carla.call('updatePage', { params: { id: ids[0]! }, body: { position: 99 } });
    expect(await pagesIn(section.id)).toEqual(['D', 'B', 'C', 'A']);
    const inserted = await carla.call('createPage', { body: { title: 'Nieuw vooraan', body: 'x', sectionId: section.id, position: 0 } });
    expect(inserted.body.position).toBe(0);
    expect(await pagesIn(section.id)).toEqual(['Nieuw vooraan', 'D', 'B', 'C', 'A']);
  });

  it('refuses to put a section inside itself or one of its own subsections', async () => {
    const a = (await carla.call('createSection', { body: { title: 'Ouder' } })).body;
    const b = (await carla.call('createSection', { body: { title: 'Kind', parentId: a.id } })).body;
    const c = (await carla.call('createSection', { body: { title: 'Kleinkind', parentId: b.id } })).body;
    for (const parentId of [a.id, c.id]) {
      const res = await carla.call('updateSection', { params: { id: a.id }, body: { parentId } });
      expect(res.body).toMatchObject({ error: { code: 'validation', fields: [{ path: 'body.parentId' }] } });
    }
    const moved = await carla.call('updateSection', { params: { id: c.id }, body: { parentId: null, title: 'Nu bovenaan' } });
    expect(moved.body).toMatchObject({ parentId: null, title: 'Nu bovenaan' });
  });

  it('deletes only an empty section', async () => {
    const section = (await carla.call('createSection', { body: { title: 'Tijdelijk' } })).body;
    const page = (await carla.call('createPage', { body: { title: 'Erin', body: 'x', sectionId: section.id } })).body;
    expect((await carla.call('deleteSection', { params: { id: section.id } })).body).toMatchObject({ error: { code: 'conflict' } });
    await carla.call('deletePage', { params: { id: page.id } });
    expect((await carla.call('deleteSection', { params: { id: section.id } })).body).toEqual({ ok: true });
    expect((await tree()).sections.map((x) => x.id)).not.toContain(section.id);
  });

  it('deletes a page with what hangs off it', async () => {
    const page = (await carla.call('createPage', { body: { title: 'Weg ermee', body: 'x' } })).body;
    await anna.call('favouritePage', { params: { id: page.id } });
    await anna.call('setPageFeedback', { params: { id: page.id }, body: { helpful: true } });
    await carla.call('createQuickLink', { body: { title: 'Weg', pageId: page.id, icon: 'trash' } });
    expect((await carla.call('deletePage', { params: { id: page.id } })).body).toEqual({ ok: true });
    expect((await anna.call('getPage', { params: { id: page.id } })).status).toBe(404);
    expect((await anna.call('listFavourites')).body.items.map((f) => f.pageId)).not.toContain(page.id);
    expect((await anna.call('listQuickLinks')).body.items.map((l) => l.pageId)).not.toContain(page.id);
    const left = await s.db.kysely.selectFrom('kb_page_versions').select('page_id').where('page_id', '=', page.id).execute();
    expect(left).toEqual([]);
  });

  it('keeps quick links in order, to a page or a web address but not both', async () => {
    const before = (await anna.call('listQuickLinks')).body.items;
    expect(before.map((l) => l.title).slice(0, 5)).toEqual(['Salaris', 'Rooster', 'Verlof', 'Ziekmelden', 'Declaraties']);
    const web = await carla.call('createQuickLink', { body: { title: 'Roosterapp', url: 'https://rooster.example.nl', icon: 'calendar', position: 1 } });
    expect(web.status).toBe(201);
    expect((await anna.call('listQuickLinks')).body.items.map((l) => l.title).slice(0, 3)).toEqual(['Salaris', 'Roosterapp', 'Rooster']);
    const both = await carla.call('createQuickLink', { body: { title: 'Fout', url: 'https://x.nl', pageId: before[0]!.pageId!, icon: 'x' } });
    expect(both.body).toMatchObject({ error: { code: 'validation' } });
    const unsafe = await carla.request('POST', '/v1/kb/quick-links', { json: { title: 'Fout', url: 'javascript:alert(1)', icon: 'x' } });
    expect(unsafe.body).toMatchObject({ error: { code: 'validation', fields: [{ path: 'body.url', message: 'Een link begint met https:// en heeft geen spaties.' }] } });
    expect((await anna.call('createQuickLink', { body: { title: 'Mag niet', url: 'https://x.nl', icon: 'x' } })).body).toMatchObject({ error: { code: 'forbidden' } });
    await carla.call('deleteQuickLink', { params: { id: web.body.id } });
    expect((await anna.call('listQuickLinks')).body.items.map((l) => l.position)).toEqual(before.map((_, i) => i));
  });
});
