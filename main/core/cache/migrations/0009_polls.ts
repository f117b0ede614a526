import type { Migration } from '../../db/migrate.js';

/**
 * Polls on disk beside their posts: each the JSON the server sent (counts only where everyone may see
 * them), with the columns the running polls are found by. A person's own vote is personal and never
 * comes here.
 *
 * The shared feed has carried polls since protocol 4, and this client passed over them; the cursor
 * goes back to 0 (the binding stays) so sync brings the polls made before, as migration 0006 did.
 */
export const polls: Migration = {
  version: 6,
  name: '0009_polls',
  up(db) {
    db.exec(`
      CREATE TABLE polls (id TEXT PRIMARY KEY, closes_at TEXT, created_at TEXT NOT NULL, data TEXT NOT NULL);
      CREATE INDEX polls_newest ON polls (created_at, id);
      DELETE FROM sync_state WHERE key <> 'binding';
    `);
  },
};
