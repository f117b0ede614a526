import type { Migration } from '../../db/migrate.js';
import { polls } from './0009_polls.js';

/**
 * Read confirmations on this device, so "Eerst lezen" at a tap-in is decided without asking the
 * server. A row says how one person answered one "lezen verplicht" post (or that she owes it, for an
 * audience of groups, whose members only the person herself learns). Rows are keyed by a keyed hash
 * of person and post (`readStateStore.ts`): the file alone does not tell who read what. The partial
 * index finds the required posts without reading every post's JSON.
 *
 * This step first shipped as version 6, before 0009_polls was merged in front of it. A cache that
 * ran it then is at 6 with read states and without polls: for that cache, version 7 is the polls
 * step it still lacks.
 */
export const readStates: Migration = {
  version: 7,
  name: '0010_read_states',
  up(db) {
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'read_states'").get()) {
      polls.up(db);
      return;
    }
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
