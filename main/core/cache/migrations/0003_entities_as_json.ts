import type { Migration } from '../../db/migrate.js';

/**
 * Each entity is kept as the JSON the server sent (checked against common/'s schemas on arrival),
 * with beside it only the columns the queries filter and sort on. A field the server adds to an
 * entity then reaches the views without cache code, and the cache cannot disagree with the server
 * on how a field is read. The old rows are dropped rather than converted: the cache is a copy that
 * sync refills from the beginning (the cursor goes back to 0, the binding stays).
 */
export const entitiesAsJson: Migration = {
  version: 3,
  name: '0003_entities_as_json',
  up(db) {
    db.exec(`
      DROP TRIGGER post_hashtags_counted;
      DROP TRIGGER post_hashtags_uncounted;
      DROP TABLE organisation;
      DROP TABLE locations;
      DROP TABLE departments;
      DROP TABLE people;
      DROP TABLE groups;
      DROP TABLE posts;
      DROP TABLE post_hashtags;
      DROP TABLE hashtag_counts;
      DROP TABLE comments;
      DELETE FROM sync_state WHERE key <> 'binding';

      CREATE TABLE organisation (id TEXT PRIMARY KEY, data TEXT NOT NULL);
      CREATE TABLE locations (id TEXT PRIMARY KEY, data TEXT NOT NULL);
      CREATE TABLE departments (id TEXT PRIMARY KEY, data TEXT NOT NULL);

      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        handle TEXT NOT NULL,
        active INTEGER NOT NULL,
        -- lower case without accents, so "zoe" finds "Zoë"
        search_name TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX people_by_search_name ON people (search_name);
      CREATE INDEX people_by_handle ON people (handle);

      CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        -- a private group can never be stored on a device, whatever code tries
        visibility TEXT NOT NULL CHECK (visibility IN ('open', 'closed')),
        data TEXT NOT NULL
      );

      CREATE TABLE posts (
        id TEXT PRIMARY KEY,
        author_id TEXT NOT NULL,
        group_id TEXT,
        pinned INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX posts_newest ON posts (created_at, id);
      CREATE INDEX posts_by_group ON posts (group_id, created_at, id);
      CREATE INDEX posts_by_author ON posts (author_id, created_at, id);
      CREATE INDEX posts_pinned ON posts (created_at, id) WHERE pinned = 1;

      CREATE TABLE post_hashtags (
        tag TEXT NOT NULL,
        created_at TEXT NOT NULL,
        post_id TEXT NOT NULL,
        PRIMARY KEY (tag, created_at, post_id)
      ) WITHOUT ROWID;
      CREATE INDEX post_hashtags_by_post ON post_hashtags (post_id);

      -- kept by triggers, so suggestions never count tags of posts that are gone
      CREATE TABLE hashtag_counts (tag TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TRIGGER post_hashtags_counted AFTER INSERT ON post_hashtags BEGIN
        INSERT INTO hashtag_counts (tag, count) VALUES (new.tag, 1)
          ON CONFLICT (tag) DO UPDATE SET count = count + 1;
      END;
      CREATE TRIGGER post_hashtags_uncounted AFTER DELETE ON post_hashtags BEGIN
        UPDATE hashtag_counts SET count = count - 1 WHERE tag = old.tag;
        DELETE FROM hashtag_counts WHERE tag = old.tag AND count <= 0;
      END;

      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        post_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX comments_by_post ON comments (post_id, created_at, id);
    `);
  },
};
