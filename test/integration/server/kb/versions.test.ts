import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('knowledge-base page versions (%s)', (dialect) => {
  let s: TestServer;
  let carla: TestClient;
  let daan: TestClient;
  let carlaId: string;
  let daanId: string;
  const clock = testClock('2030-03-01T09:00:00.000Z');

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now });
    carla = await s.login('1003');
    daan = await s.login('1004');
    carlaId = (await carla.get('/v1/me')).body.person.id;
    daanId = (await daan.get('/v1/me')).body.person.id;
  });
  afterAll(() => s?.close());

  it('keeps every save with who made it and when, newest first', async () => {
    clock.freeze('2030-03-01T09:00:00.000Z');
    const page = (await carla.call('createPage', { body: { title: 'Nachtrust', body: 'Eerste tekst' } })).body;
    clock.freeze('2030-03-01T10:00:00.000Z');
    await daan.call('updatePage', { params: { id: page.id }, body: { body: 'Tweede tekst' } });
    clock.freeze('2030-03-01T11:00:00.000Z');
    const third = await carla.call('updatePage', { params: { id: page.id }, body: { title: 'Nachtrust op de afdeling' } });
    expect(third.body).toMatchObject({ version: 3, title: 'Nachtrust op de afdeling', body: 'Tweede tekst', updatedBy: carlaId, updatedAt: '2030-03-01T11:00:00.000Z' });
    const versions = await carla.call('listPageVersions', { params: { id: page.id } });
    expect(versions.body.items).toEqual([
      { version: 3, title: 'Nachtrust op de afdeling', savedBy: carlaId, savedAt: '2030-03-01T11:00:00.000Z' },
      { version: 2, title: 'Nachtrust', savedBy: daanId, savedAt: '2030-03-01T10:00:00.000Z' },
      { version: 1, title: 'Nachtrust', savedBy: carlaId, savedAt: '2030-03-01T09:00:00.000Z' },
    ]);
    expect((await carla.call('getPageVersion', { params: { id: page.id, version: 1 } })).body).toMatchObject({ version: 1, body: 'Eerste tekst' });
    clock.run();
  });

  it('does not make a version of a save that changes no text, nor of a move', async () => {
    const page = (await carla.call('createPage', { body: { title: 'Stil', body: 'Zelfde' } })).body;
    await carla.call('updatePage', { params: { id: page.id }, body: { title: 'Stil', body: 'Zelfde', position: 0 } });
    expect((await carla.call('listPageVersions', { params: { id: page.id } })).body.items.map((v) => v.version)).toEqual([1]);
  });

  it('shows line by line what was added, removed and kept', async () => {
    const page = (await carla.call('createPage', { body: { title: 'Diff', body: 'regel 1\nregel 2\nregel 3\nregel 4' } })).body;
    await carla.call('updatePage', { params: { id: page.id }, body: { body: 'regel 1\nregel twee\nregel 3\nregel 4\nregel 5' } });
    const diff = await carla.call('diffPageVersions', { params: { id: page.id }, query: { from: 1 } });
    expect(diff.body).toEqual({
      from: 1,
      to: 2,
      title: { from: 'Diff', to: 'Diff' },
      lines: [
        { op: 'keep', text: 'regel 1' },
        { op: 'remove', text: 'regel 2' },
        { op: 'add', text: 'regel twee' },
        { op: 'keep', text: 'regel 3' },
        { op: 'keep', text: 'regel 4' },
        { op: 'add', text: 'regel 5' },
      ],
    });
    expect((await carla.call('diffPageVersions', { params: { id: page.id }, query: { from: 2, to: 1 } })).body.lines.filter((l) => l.op !== 'keep')).toEqual([
      { op: 'remove', text: 'regel twee' },
      { op: 'add', text: 'regel 2' },
      { op: 'remove', text: 'regel 5' },
    ]);
    expect((await carla.call('diffPageVersions', { params: { id: page.id }, query: { from: 7 } })).status).toBe(404);
  });

  it('restores an old version as a new version, so the restore itself can be undone', async () => {
    const page = (await carla.call('createPage', { body: { title: 'Origineel', body: 'Goede tekst' } })).body;
    await carla.call('updatePage', { params: { id: page.id }, body: { title: 'Verknoeid', body: 'Foute tekst' } });
    const restored = await daan.call('restorePageVersion', { params: { id: page.id, version: 1 } });
    expect(restored.body).toMatchObject({ version: 3, title: 'Origineel', body: 'Goede tekst', updatedBy: daanId });
    expect((await carla.call('listPageVersions', { params: { id: page.id } })).body.items.map((v) => [v.version, v.title])).toEqual([
      [3, 'Origineel'],
      [2, 'Verknoeid'],
      [1, 'Origineel'],
    ]);
  });

  it('refuses a save made on an older version than the current one', async () => {
    const page = (await carla.call('createPage', { body: { title: 'Samen bewerken', body: 'Begin' } })).body;
    expect((await daan.call('updatePage', { params: { id: page.id }, body: { body: 'Daan', baseVersion: 1 } })).body.version).toBe(2);
    const late = await carla.call('updatePage', { params: { id: page.id }, body: { body: 'Carla', baseVersion: 1 } });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'conflict' } });
    expect((await carla.call('getPage', { params: { id: page.id } })).body.body).toBe('Daan');
  });
});
