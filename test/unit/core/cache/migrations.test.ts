import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION_SETTINGS } from '../../../../common/src/api/entities.js';
import { createSharedApplier } from '../../../../main/core/cache/applySharedChanges.js';
import { createDirectoryQueries } from '../../../../main/core/cache/directoryQueries.js';
import { cacheMigrations } from '../../../../main/core/cache/migrations/index.js';
import { createPostQueries } from '../../../../main/core/cache/postQueries.js';
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

  it('0002 keeps an organisation cached before it, with the default device settings until the next sync', () => {
    const db = new Database(':memory:');
    migrate(db, cacheMigrations.slice(0, 1));
    db.prepare(
      `INSERT INTO organisation (id, slug, name, intranet_name, primary_color, accent_color, logo_image_id) VALUES ('o1', 'demo', 'Zorggroep', 'JET', '#0B5E73', '#F2A900', NULL)`,
    ).run();
    expect(migrate(db, cacheMigrations)).toEqual({ from: 1, to: 2 });
    const directory = createDirectoryQueries(db);
    expect(directory.organisation()).toMatchObject({ id: 'o1', intranetName: 'JET', settings: DEFAULT_ORGANISATION_SETTINGS });

    const settings = { ...DEFAULT_ORGANISATION_SETTINGS, sharedIdleSeconds: 60 };
    const f = feed();
    createSharedApplier(db, createSyncState(db)).applyPage([f.upsert('organisation', { ...directory.organisation()!, settings })], f.seq, null);
    expect(directory.organisation()?.settings).toEqual(settings);
  });

  it('refuses to store a private group, whatever code tries', () => {
    const db = new Database(':memory:');
    migrate(db, cacheMigrations);
    expect(() =>
      db
        .prepare(`INSERT INTO groups (id, name, description, kind, visibility, member_count, created_at) VALUES ('g', 'Team 3B', '', 'work', 'private', 5, 'x')`)
        .run(),
    ).toThrow(/CHECK/);
  });
});
