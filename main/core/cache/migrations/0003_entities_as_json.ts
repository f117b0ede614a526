import type { Migration } from '../../db/migrate.js';

/** Columns each content table drops: what is now read from the entity's JSON instead. */
const MOVED_INTO_JSON: Record<string, string[]> = {
  organisation: ['slug', 'name', 'intranet_name', 'primary_color', 'accent_color', 'logo_image_id', 'settings'],
  locations: ['name', 'city'],
  departments: ['name', 'kind', 'location_id'],
  people: ['employee_number', 'name', 'job_title', 'department_id', 'location_id', 'roles', 'avatar_image_id'],
  groups: ['name', 'description', 'kind', 'member_count', 'created_at'],
  posts: ['body', 'hashtags', 'mentions', 'images', 'like_count', 'comment_count', 'edited_at'],
  comments: ['author_id', 'body', 'mentions', 'edited_at'],
};

/**
 * Each entity is kept as the JSON the server sent (checked against common/'s schemas on arrival),
 * with beside it only the columns the queries filter and sort on, which keep their indexes (and
 * groups their CHECK against private groups). A field the server adds to an entity then reaches the
 * views without cache code, and the cache cannot disagree with the server on how a field is read.
 * The old rows are dropped rather than converted: the cache is a copy that sync refills from the
 * beginning (the cursor goes back to 0, the binding stays).
 */
export const entitiesAsJson: Migration = {
  version: 3,
  name: '0003_entities_as_json',
  up(db) {
    db.exec(`DELETE FROM post_hashtags; DELETE FROM hashtag_counts; DELETE FROM sync_state WHERE key <> 'binding';`);
    for (const [table, columns] of Object.entries(MOVED_INTO_JSON)) {
      db.exec(`DELETE FROM ${table}`);
      for (const column of columns) db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
      db.exec(`ALTER TABLE ${table} ADD COLUMN data TEXT NOT NULL DEFAULT '{}'`);
    }
  },
};
