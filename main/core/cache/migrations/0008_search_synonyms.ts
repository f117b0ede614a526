import type { Migration } from '../../db/migrate.js';

/**
 * The organisation's synonym list on disk, so the offline search keeps using what its editors set
 * ("loon" → "salaris") after the client restarts without a server. One row: its absence means the
 * server has not told this device yet (the default list applies); an empty list is a choice.
 */
export const searchSynonyms: Migration = {
  version: 5,
  name: '0008_search_synonyms',
  up(db) {
    db.exec(`CREATE TABLE search_synonyms (id INTEGER PRIMARY KEY CHECK (id = 1), entries TEXT NOT NULL)`);
  },
};
