import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncChange } from '../../../../common/src/api/sync.js';
import { openCache, type Cache } from '../../../../main/core/cache/openCache.js';
import { createClientIndex, type ClientIndex } from '../../../../main/core/search/clientIndex.js';
import { feed, group, kbPage, person, post } from '../../../fixtures/core/entities.js';
import { memoryLog, tempDirs } from '../../../fixtures/core/harness.js';

const tempDir = tempDirs();
const clock = { now: () => new Date('2025-02-01T12:00:00.000Z') };

describe('the offline search over the cache', () => {
  let cache: Cache;
  let index: ClientIndex;
  let f: ReturnType<typeof feed>;
  const apply = (...changes: SyncChange[]) => {
    const page = cache.write((c) => c.applier.applyPage(changes, f.seq, null));
    index.changed(page);
  };
  const titles = (q: string) => index.search(q).map((r) => `${r.kind}:${r.title}`);

  beforeEach(() => {
    cache = openCache({ dataDir: tempDir(), log: memoryLog(), clock });
    index = createClientIndex(cache);
    f = feed();
    return () => cache.close();
  });

  it('forgives a typo, and marks the matched words in the snippet as positions, not markup', () => {
    apply(f.upsert('page', kbPage({ title: 'Salaris en betaaldata', body: 'Het salaris staat rond de 23e op je rekening. <b>vet</b>' })), f.upsert('page', kbPage({ title: 'Verlof aanvragen', body: 'Vraag verlof aan.' })));

    const [first] = index.search('salris');
    expect(first).toMatchObject({ kind: 'page', title: 'Salaris en betaaldata' });
    expect(first!.snippet).toContain('<b>vet</b>');
    expect(first!.highlights.map((h) => first!.snippet.slice(h.start, h.end))).toEqual(['salaris']);
  });

  it('groups results by kind in the order the box shows them: pages, posts, groups, colleagues', () => {
    apply(
      f.upsert('person', person({ name: 'Rooster Jansen', jobTitle: 'Planner' })),
      f.upsert('group', group({ name: 'Roosterclub', description: 'Alles over het rooster' })),
      f.upsert('post', post({ body: 'Het nieuwe rooster staat online' })),
      f.upsert('page', kbPage({ title: 'Rooster bekijken', body: 'Je rooster vind je in het roosterprogramma.' })),
    );
    expect(index.search('rooster').map((r) => r.kind)).toEqual(['page', 'post', 'group', 'person']);
  });

  it('shows a colleague with her job, department and place apart', () => {
    const ward = { id: '01950000-0000-7000-8000-0000000000d1', name: 'Afdeling 3B', kind: 'ward' as const, locationId: null };
    const place = { id: '01950000-0000-7000-8000-0000000000e1', name: 'Locatie De Es', city: 'Zwolle' };
    apply(f.upsert('department', ward), f.upsert('location', place), f.upsert('person', person({ name: 'Anna de Vries', jobTitle: 'Verpleegkundige', departmentId: ward.id, locationId: place.id })));
    expect(index.search('anna')[0]).toMatchObject({ kind: 'person', title: 'Anna de Vries', snippet: 'Verpleegkundige · Afdeling 3B · Locatie De Es' });
  });

  it('follows sync after it was built: a saved page is found by its new words, a removed one no more', () => {
    const p = kbPage({ title: 'Parkeren', body: 'Parkeer op het terrein.' });
    apply(f.upsert('page', p));
    expect(titles('parkeren')).toEqual(['page:Parkeren']);

    apply(f.upsert('page', { ...p, title: 'Fietsenstalling', body: 'Zet je fiets in de stalling.', version: 2 }));
    expect(titles('parkeren')).toEqual([]);
    expect(titles('fietsenstalling')).toEqual(['page:Fietsenstalling']);

    apply(f.remove('page', p.id));
    expect(titles('fietsenstalling')).toEqual([]);
  });

  it('forgets everything it held when the cache is refilled from the start', () => {
    apply(f.upsert('page', kbPage({ title: 'Parkeren' })));
    expect(titles('parkeren')).toHaveLength(1);
    cache.write((c) => c.state.bind({ serverUrl: 'https://a.example', tenantId: 'o1' }));
    cache.write((c) => c.state.bind({ serverUrl: 'https://b.example', tenantId: 'o2' }));
    index.invalidate();
    expect(titles('parkeren')).toEqual([]);
  });

  it('uses the organisation’s synonyms once the server told them', () => {
    apply(f.upsert('page', kbPage({ title: 'Declaraties indienen', body: 'Reiskosten declareer je maandelijks.' })));
    expect(titles('bonnetje')).toEqual(['page:Declaraties indienen']);
    index.setSynonyms([]);
    expect(titles('bonnetje')).toEqual([]);
  });

  it('keeps using the synonyms her editors set after the client restarts without the server', () => {
    apply(f.upsert('page', kbPage({ title: 'Fietsvergoeding', body: 'Fiets je naar je werk? Dan krijg je een vergoeding per kilometer.' })));
    expect(titles('tweewieler')).toEqual([]);
    index.setSynonyms([{ term: 'tweewieler', synonyms: ['fiets'] }]);
    expect(titles('tweewieler')).toEqual(['page:Fietsvergoeding']);

    const dataDir = path.dirname(cache.file);
    cache.close();
    cache = openCache({ dataDir, log: memoryLog(), clock });
    index = createClientIndex(cache);
    expect(titles('tweewieler')).toEqual(['page:Fietsvergoeding']);
    // The editors' list replaced the default one, also after the restart.
    expect(titles('bonnetje')).toEqual([]);
  });

  it('forgets the synonyms of the organisation it held when the cache is bound to another', () => {
    index.setSynonyms([{ term: 'tweewieler', synonyms: ['fiets'] }]);
    cache.write((c) => c.state.bind({ serverUrl: 'https://a.example', tenantId: 'o1' }));
    cache.write((c) => c.state.bind({ serverUrl: 'https://b.example', tenantId: 'o2' }));
    index.invalidate();
    apply(f.upsert('page', kbPage({ title: 'Fietsvergoeding', body: 'Fiets je naar je werk?' })), f.upsert('page', kbPage({ title: 'Declaraties indienen', body: 'Reiskosten.' })));
    expect(titles('tweewieler')).toEqual([]);
    expect(titles('bonnetje')).toEqual(['page:Declaraties indienen']);
  });
});
