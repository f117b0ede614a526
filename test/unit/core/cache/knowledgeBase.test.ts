import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSharedApplier } from '../../../../main/core/cache/applySharedChanges.js';
import { createKbQueries } from '../../../../main/core/cache/kbQueries.js';
import { cacheMigrations } from '../../../../main/core/cache/migrations/index.js';
import { openCache, type Cache } from '../../../../main/core/cache/openCache.js';
import { createSyncState } from '../../../../main/core/cache/syncState.js';
import { migrate } from '../../../../main/core/db/migrate.js';
import { pagePersonKey, type SyncChange } from '../../../../common/src/api/sync.js';
import { feed, kbPage, person, quickLink, section } from '../../../fixtures/core/entities.js';
import { memoryLog, tempDirs } from '../../../fixtures/core/harness.js';

const tempDir = tempDirs();
const clock = { now: () => new Date('2025-02-01T12:00:00.000Z') };

describe('the knowledge base in the cache', () => {
  let cache: Cache;
  let f: ReturnType<typeof feed>;
  const apply = (...changes: SyncChange[]) => cache.write((c) => c.applier.applyPage(changes, f.seq, null));

  beforeEach(() => {
    cache = openCache({ dataDir: tempDir(), log: memoryLog(), clock });
    f = feed();
    return () => cache.close();
  });

  it('keeps sections, pages and quick links in tree order, and opens a page with its text', () => {
    const hr = section({ title: 'Personeelszaken', position: 1 });
    const ict = section({ title: 'ICT', position: 0 });
    const salary = kbPage({ sectionId: hr.id, position: 1 });
    const leave = kbPage({ sectionId: hr.id, title: 'Verlof aanvragen', position: 0 });
    const link = quickLink({ pageId: salary.id, position: 0 });
    const page = apply(f.upsert('section', hr), f.upsert('section', ict), f.upsert('page', salary), f.upsert('page', leave), f.upsert('quickLink', link));

    expect(page.kbChanged).toBe(true);
    expect([...page.pageIds].sort()).toEqual([salary.id, leave.id].sort());
    expect(cache.read((c) => c.kb.sections().map((s) => s.title))).toEqual(['ICT', 'Personeelszaken']);
    expect(cache.read((c) => c.kb.pages().map((p) => p.title))).toEqual(['Verlof aanvragen', 'Salaris en betaaldata']);
    expect(cache.read((c) => c.kb.page(salary.id))).toEqual(salary);
    expect(cache.read((c) => c.kb.quickLinks())).toEqual([link]);
  });

  it('moves a page to another section and place when the feed says so, and forgets a removed one', () => {
    const a = section();
    const b = section({ title: 'Roosters' });
    const p = kbPage({ sectionId: a.id });
    apply(f.upsert('section', a), f.upsert('section', b), f.upsert('page', p));

    apply(f.upsert('page', { ...p, sectionId: b.id, position: 3, version: 2, title: 'Salaris' }));
    expect(cache.read((c) => c.kb.page(p.id))).toMatchObject({ sectionId: b.id, position: 3, version: 2, title: 'Salaris' });

    const removed = apply(f.remove('page', p.id), f.remove('section', a.id));
    expect(removed.pageIds).toEqual(new Set([p.id]));
    expect(cache.read((c) => c.kb.page(p.id))).toBeNull();
    expect(cache.read((c) => c.kb.sections().map((s) => s.id))).toEqual([b.id]);
  });

  it('never writes favourites or feedback to disk: they are one person’s own', () => {
    const p = kbPage();
    const me = person();
    apply(
      f.upsert('page', p),
      { seq: 90, entity: 'favourite', id: pagePersonKey(p.id, me.id), op: 'upsert', data: { pageId: p.id, personId: me.id, createdAt: p.createdAt } },
      {
        seq: 91,
        entity: 'pageFeedback',
        id: pagePersonKey(p.id, me.id),
        op: 'upsert',
        data: { pageId: p.id, personId: me.id, helpful: false, comment: 'Klopt niet meer', updatedAt: p.createdAt },
      },
    );
    const dump = cache.read((c) => JSON.stringify(c.db.prepare("SELECT group_concat(data) AS all_data FROM (SELECT data FROM kb_pages UNION ALL SELECT data FROM kb_sections UNION ALL SELECT data FROM kb_quick_links)").get()));
    expect(dump).not.toContain('Klopt niet meer');
    expect(dump).not.toContain(me.id);
  });

  it('0006 brings a cache made before the knowledge base back to the start of the feed, so sync brings the pages it dropped', () => {
    const db = new Database(':memory:');
    migrate(db, cacheMigrations.slice(0, 3));
    const state = createSyncState(db);
    state.bind({ serverUrl: 'https://intranet.example', tenantId: 'o1' });
    state.setCursor(5000);

    migrate(db, cacheMigrations);

    expect(createSyncState(db).cursor()).toBe(0);
    expect(createSyncState(db).binding()).toEqual({ serverUrl: 'https://intranet.example', tenantId: 'o1' });
    const p = kbPage();
    createSharedApplier(db, createSyncState(db)).applyPage([feed().upsert('page', p)], 1, null);
    expect(createKbQueries(db).page(p.id)).toEqual(p);
  });

  it('drops the knowledge base with the rest when the cache is bound to another organisation', () => {
    cache.read((c) => c.state.bind({ serverUrl: 'https://a.example', tenantId: 'o1' }));
    apply(f.upsert('page', kbPage()), f.upsert('section', section()), f.upsert('quickLink', quickLink()));
    cache.write((c) => c.state.bind({ serverUrl: 'https://b.example', tenantId: 'o2' }));
    expect(cache.read((c) => [c.kb.pages(), c.kb.sections(), c.kb.quickLinks()])).toEqual([[], [], []]);
  });
});
