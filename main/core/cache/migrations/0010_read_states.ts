import type { Migration } from '../../db/migrate.js';

/**
 * Read confirmations on this device, so "Eerst lezen" at a tap-in is decided without asking the
 * server. A row says how one person answered one "lezen verplicht" post (or that she owes it, for an
 * audience of groups, whose members only the person herself learns). Rows are keyed by a keyed hash
 * of person and post (`readStateStore.ts`): the file alone does not tell who read what. The partial
 * index finds the required posts without reading every post's JSON.
 */
export const readStates: Migration = {
  version: 6,
  name: '0010_read_states',
  up(db) {
    db.exec(`
      CREATE TABLE read_states (
        tag TEXT PRIMARY KEY,
        post_id TEXT NOT NULL,
        confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
        later_count INTEGER NOT NULL CHECK (later_count >= 0)
      );
      CREATE INDEX read_states_post ON read_states (post_id);
      CREATE TABLE read_state_key_check (id INTEGER PRIMARY KEY CHECK (id = 1), fingerprint TEXT NOT NULL);
      CREATE INDEX posts_read_required ON posts (created_at) WHERE json_extract(data, '$.readRequired') IS NOT NULL;
    `);
  },
};
