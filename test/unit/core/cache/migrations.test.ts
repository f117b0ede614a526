import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSharedApplier } from '../../../../main/core/cache/applySharedChanges.js';
import { createDirectoryQueries } from '../../../../main/core/cache/directoryQueries.js';
import { cacheMigrations } from '../../../../main/core/cache/migrations/index.js';
import { createPostQueries } from '../../../../main/core/cache/postQueries.js';
import { createSynonymQueries } from '../../../../main/core/cache/synonymQueries.js';
import { createSyncState } from '../../../../main/core/cache/syncState.js';
import { migrate, schemaVersion } from '../../../../main/core/db/migrate.js';
import { comment, feed, group, person, post } from '../../../fixtures/core/entities.js';
import { tempDirs } from '../../../fixtures/core/harness.js';

const tempDir = tempDirs();

describe('cache migration 0001', () => {
  it('creates a cache that holds an organisation’s content and keeps it when opened again', () => {
    const file = path.join(tempDir(), 'cache.sqlite');
    let db = new Database(file);
    expect(migrate(db, cacheMigrations)).toEqual({ from: 0, to: cacheMigrations.length });

    const f = feed();
    const author = person({ name: 'Zoë Jansen', handle: 'zoe.jansen' });
    const walking = group({ name: 'Wandelclub' });
    const first = post({ authorId: author.id, groupId: walking.id, hashtags: ['wandelen'], pinned: true });
    const reply = comment(first.id, { authorId: author.id });
    const state = createSyncState(db);
    createSharedApplier(db, state).applyPage(
      [f.upsert('person', author), f.upsert('group', walking), f.upsert('post', first), f.upsert('comment', reply)],
      f.seq,
      '2025-01-02T00:00:00.000Z',
    );
    db.close();

    db = new Database(file);
    expect(migrate(db, cacheMigrations)).toEqual({ from: cacheMigrations.length, to: cacheMigrations.length });
    expect(schemaVersion(db)).toBe(cacheMigrations.length);
    const posts = createPostQueries(db);
    const directory = createDirectoryQueries(db);
    expect(posts.list({ groupId: walking.id }, null, 10)).toEqual([first]);
    expect(posts.list({ pinnedOnly: true }, null, 10).map((p) => p.id)).toEqual([first.id]);
    expect(posts.comments(first.id)).toEqual([reply]);
    expect(directory.suggestPeople('zoe', 5).map((p) => p.id)).toEqual([author.id]);
    expect(directory.hashtagCounts('wan', 5)).toEqual([{ tag: 'wandelen', count: 1 }]);
    expect(createSyncState(db).cursor()).toBe(f.seq);
    db.close();
  });

  it('0002 gives an organisation cached before it a place for its device settings', () => {
    const db = new Database(':memory:');
    migrate(db, cacheMigrations.slice(0, 1));
    db.prepare(
      `INSERT INTO organisation (id, slug, name, intranet_name, primary_color, accent_color, logo_image_id) VALUES ('o1', 'demo', 'Zorggroep', 'JET', '#0B5E73', '#F2A900', NULL)`,
    ).run();
    expect(migrate(db, cacheMigrations.slice(0, 2))).toEqual({ from: 1, to: 2 });
    expect(db.prepare('SELECT id, intranet_name, settings FROM organisation').all()).toEqual([{ id: 'o1', intranet_name: 'JET', settings: null }]);
  });

  it('0003 keeps entities as the JSON the server sent: an old cache is emptied, keeps its binding, and sync fills it again from the start', () => {
    const db = new Database(':memory:');
    migrate(db, cacheMigrations.slice(0, 2));
    db.prepare(
      `INSERT INTO organisation (id, slug, name, intranet_name, primary_color, accent_color, logo_image_id, settings) VALUES ('o1', 'demo', 'Zorggroep', 'JET', '#0B5E73', '#F2A900', NULL, NULL)`,
    ).run();
    db.prepare(
      `INSERT INTO posts (id, author_id, group_id, body, hashtags, mentions, images, pinned, like_count, comment_count, created_at, edited_at)
       VALUES ('p1', 'a1', NULL, 'Oud bericht #rooster', '["rooster"]', '[]', '[]', 0, 0, 0, '2025-01-01T00:00:00.000Z', NULL)`,
    ).run();
    db.prepare(`INSERT INTO post_hashtags (tag, created_at, post_id) VALUES ('rooster', '2025-01-01T00:00:00.000Z', 'p1')`).run();
    const state = createSyncState(db);
    state.bind({ serverUrl: 'https://intranet.example', tenantId: 'o1' });
    state.setCursor(1234);

    expect(migrate(db, cacheMigrations.slice(0, 3))).toEqual({ from: 2, to: 3 });

    expect(createSyncState(db).cursor()).toBe(0);
    expect(createSyncState(db).binding()).toEqual({ serverUrl: 'https://intranet.example', tenantId: 'o1' });
    expect(createPostQueries(db).list({}, null, 10)).toEqual([]);
    expect(createDirectoryQueries(db).hashtagCounts('', 10)).toEqual([]);

    // The applier is today's: it needs the migrations after 0003 too.
    migrate(db, cacheMigrations);
    const f = feed();
    const later = { ...post({ hashtags: ['rooster'] }), readConfirmation: { required: true } } as ReturnType<typeof post>;
    createSharedApplier(db, createSyncState(db)).applyPage([f.upsert('post', later)], f.seq, null);
    // A field this client does not know is kept as sent, ready for the code that will read it.
    expect(createPostQueries(db).get(later.id)).toEqual(later);
    expect(createDirectoryQueries(db).hashtagCounts('roo', 5)).toEqual([{ tag: 'rooster', count: 1 }]);
  });

  it('0008 gives a cache from before it a place for the synonym list, empty so the default list applies, keeping its content and cursor', () => {
    const db = new Database(':memory:');
    const upTo0006 = cacheMigrations.findIndex((m) => m.name === '0006_knowledge_base') + 1;
    migrate(db, cacheMigrations.slice(0, upTo0006));
    const state = createSyncState(db);
    state.bind({ serverUrl: 'https://intranet.example', tenantId: 'o1' });
    state.setCursor(77);

    migrate(db, cacheMigrations.slice(0, cacheMigrations.findIndex((m) => m.name === '0008_search_synonyms') + 1));

    expect(createSyncState(db).cursor()).toBe(77);
    const synonyms = createSynonymQueries(db);
    expect(synonyms.get()).toBeNull();
    synonyms.set([]);
    expect(synonyms.get()).toEqual([]);
    synonyms.set([{ term: 'loon', synonyms: ['salaris'] }]);
    expect(synonyms.get()).toEqual([{ term: 'loon', synonyms: ['salaris'] }]);
  });

  it('refuses to store a private group, whatever code tries', () => {
    const db = new Database(':memory:');
    migrate(db, cacheMigrations);
    expect(() => db.prepare(`INSERT INTO groups (id, visibility, data) VALUES ('g', 'private', '{}')`).run()).toThrow(/CHECK/);
  });
});
