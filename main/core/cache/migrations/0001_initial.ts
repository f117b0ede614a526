import type { Migration } from '../../db/migrate.js';

/**
 * The organisation-wide content a device may keep on disk. Private groups cannot be stored at all
 * (CHECK on groups.visibility); personal items (likes, memberships, notifications) have no table.
 */
export const initial: Migration = {
  version: 1,
  name: '0001_initial',
  up(db) {
    db.exec(`
      CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

      CREATE TABLE organisation (
        id TEXT PRIMARY KEY,
        slug TEXT NOT NULL,
        name TEXT NOT NULL,
        intranet_name TEXT NOT NULL,
        primary_color TEXT NOT NULL,
        accent_color TEXT NOT NULL,
        logo_image_id TEXT
      );

      CREATE TABLE locations (id TEXT PRIMARY KEY, name TEXT NOT NULL, city TEXT NOT NULL);

      CREATE TABLE departments (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, location_id TEXT);

      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        employee_number TEXT NOT NULL,
        name TEXT NOT NULL,
        handle TEXT NOT NULL,
        job_title TEXT NOT NULL,
        department_id TEXT,
        location_id TEXT,
        roles TEXT NOT NULL,
        avatar_image_id TEXT,
        active INTEGER NOT NULL,
        -- lower case without accents, so "zoe" finds "Zoë"
        search_name TEXT NOT NULL
      );
      CREATE INDEX people_by_search_name ON people (search_name);
      CREATE INDEX people_by_handle ON people (handle);

      CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        kind TEXT NOT NULL,
        visibility TEXT NOT NULL CHECK (visibility IN ('open', 'closed')),
        member_count INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE posts (
        id TEXT PRIMARY KEY,
        author_id TEXT NOT NULL,
        group_id TEXT,
        body TEXT NOT NULL,
        hashtags TEXT NOT NULL,
        mentions TEXT NOT NULL,
        -- image metadata (id, width, height) as JSON: always read with the post
        images TEXT NOT NULL,
        pinned INTEGER NOT NULL,
        like_count INTEGER NOT NULL,
        comment_count INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        edited_at TEXT
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
        author_id TEXT NOT NULL,
        body TEXT NOT NULL,
        mentions TEXT NOT NULL,
        created_at TEXT NOT NULL,
        edited_at TEXT
      );
      CREATE INDEX comments_by_post ON comments (post_id, created_at, id);
    `);
  },
};
