import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { SyncReplica } from '../../../fixtures/syncReplica.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('favourites and "Was dit nuttig?" (%s)', (dialect) => {
  let s: TestServer;
  let carla: TestClient;
  let anna: TestClient;
  let bram: TestClient;
  let annaId: string;
  let pageId: string;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    carla = await s.login('1003');
    anna = await s.login('1001');
    bram = await s.login('1002');
    annaId = (await anna.get('/v1/me')).body.person.id;
    pageId = (await carla.call('createPage', { body: { title: 'Nuttige pagina', body: 'Inhoud' } })).body.id;
  });
  afterAll(() => s?.close());

  it('keeps a favourite for its owner alone, in her personal feed, and setting it twice changes nothing', async () => {
    const mine = new SyncReplica(anna, 'personal');
    const his = new SyncReplica(bram, 'personal');
    const shared = new SyncReplica(anna, 'shared');
    await Promise.all([mine.pull(), his.pull(), shared.pull()]);
    expect((await anna.call('favouritePage', { params: { id: pageId } })).body).toEqual({ favourite: true });
    expect((await anna.call('favouritePage', { params: { id: pageId } })).body).toEqual({ favourite: true });
    await Promise.all([mine.pull(), his.pull(), shared.pull()]);
    expect(mine.all('favourite')).toEqual([{ pageId, personId: annaId, createdAt: expect.any(String) }]);
    expect(his.all('favourite')).toEqual([]);
    expect(shared.all('favourite')).toEqual([]);
    expect((await anna.call('getPage', { params: { id: pageId } })).body.favourite).toBe(true);
    expect((await bram.call('getPage', { params: { id: pageId } })).body.favourite).toBe(false);
    expect((await anna.call('listFavourites')).body.items.map((f) => f.pageId)).toEqual([pageId]);

    expect((await anna.call('unfavouritePage', { params: { id: pageId } })).body).toEqual({ favourite: false });
    await mine.pull();
    expect(mine.all('favourite')).toEqual([]);
    expect((await anna.call('listFavourites')).body.items).toEqual([]);
  });

  it('takes one answer per person, changeable, and counts them for editors without names', async () => {
    const mine = new SyncReplica(anna, 'personal');
    await mine.pull();
    await anna.call('setPageFeedback', { params: { id: pageId }, body: { helpful: false, comment: 'De datum klopt niet' } });
    await bram.call('setPageFeedback', { params: { id: pageId }, body: { helpful: true } });
    const changed = await anna.call('setPageFeedback', { params: { id: pageId }, body: { helpful: true, comment: 'Nu wel, dank je' } });
    expect(changed.body).toMatchObject({ pageId, personId: annaId, helpful: true, comment: 'Nu wel, dank je' });
    await mine.pull();
    expect(mine.all('pageFeedback')).toEqual([expect.objectContaining({ pageId, personId: annaId, helpful: true, comment: 'Nu wel, dank je' })]);
    expect((await anna.call('getPage', { params: { id: pageId } })).body.myFeedback).toEqual({ helpful: true, comment: 'Nu wel, dank je' });

    const counts = await carla.call('getPageFeedback', { params: { id: pageId } });
    expect(counts.body).toEqual({ yes: 2, no: 0, remarks: [{ helpful: true, comment: 'Nu wel, dank je', updatedAt: expect.any(String) }] });
    expect(JSON.stringify(counts.body)).not.toContain(annaId);
    expect((await anna.call('getPageFeedback', { params: { id: pageId } })).body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('asks for yes or no in Dutch', async () => {
    const res = await anna.request('PUT', `/v1/kb/pages/${pageId}/feedback`, { json: { helpful: 'ja' } });
    expect(res.body).toMatchObject({ error: { code: 'validation', fields: [{ path: 'body.helpful', message: 'Kies ja of nee.' }] } });
  });
});
