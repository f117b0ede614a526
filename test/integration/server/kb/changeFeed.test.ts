import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { SyncReplica } from '../../../fixtures/syncReplica.js';
import { startTestServer, testDialects, type DeviceClient, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('the knowledge base in the change feed (%s)', (dialect) => {
  let s: TestServer;
  let carla: TestClient;
  let device: DeviceClient;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    carla = await s.login('1003');
    device = await s.enrolDevice();
  });
  afterAll(() => s?.close());

  it('gives a ward PC without anyone logged in every section, page and quick link, as the tree shows them', async () => {
    const replica = new SyncReplica(device, 'shared');
    await replica.pull();
    const tree = (await carla.call('getKbTree')).body;
    expect(replica.all('section').sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...tree.sections].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(replica.all('page')).toHaveLength(tree.pages.length);
    const some = tree.pages[7]!;
    const { favourite: _favourite, myFeedback: _myFeedback, ...page } = (await carla.call('getPage', { params: { id: some.id } })).body;
    expect(replica.get('page', some.id)).toEqual(page);
    expect(page).toMatchObject(some);
    expect(replica.all('quickLink').map((l) => l.title).sort()).toEqual(['Declaraties', 'Rooster', 'Salaris', 'Verlof', 'Ziekmelden']);
  });

  it('brings a device a new page with its text, its edits and moves, and a tombstone when it is deleted', async () => {
    const replica = new SyncReplica(device, 'shared');
    await replica.pull();
    const section = (await carla.call('createSection', { body: { title: 'Nieuw in de feed' } })).body;
    const page = (await carla.call('createPage', { body: { title: 'Offline leesbaar', body: '## Kop\nTekst', sectionId: section.id } })).body;
    await replica.pull();
    expect(replica.get('page', page.id)).toMatchObject({ title: 'Offline leesbaar', body: '## Kop\nTekst', sectionId: section.id });
    expect(replica.get('section', section.id)).toMatchObject({ title: 'Nieuw in de feed' });

    await carla.call('updatePage', { params: { id: page.id }, body: { body: '## Kop\nNieuwe tekst', sectionId: null } });
    await replica.pull();
    expect(replica.get('page', page.id)).toMatchObject({ body: '## Kop\nNieuwe tekst', sectionId: null, version: 2 });

    await carla.call('deletePage', { params: { id: page.id } });
    await carla.call('deleteSection', { params: { id: section.id } });
    const before = replica.cursor;
    await replica.pull();
    expect(replica.get('page', page.id)).toBeUndefined();
    expect(replica.get('section', section.id)).toBeUndefined();
    const raw = (await device.get(`/v1/sync?since=${before}&scope=shared`)).body.changes;
    expect(raw).toEqual(expect.arrayContaining([expect.objectContaining({ entity: 'page', id: page.id, op: 'delete' }), expect.objectContaining({ entity: 'section', id: section.id, op: 'delete' })]));
  });
});
