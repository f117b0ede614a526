import type { Migration } from '../../db/migrate.js';

/**
 * The knowledge base ("Weten en regelen") on disk, so its pages open offline: sections, pages and
 * "Snel regelen" quick links, each the JSON the server sent with beside it the columns the tree is
 * ordered on. Favourites and feedback are a person's own and never come here.
 *
 * The shared feed has carried these entities since protocol 2, and this client dropped them; the
 * cursor goes back to 0 (the binding stays) so sync brings them, as migration 0003 did.
 */
export const knowledgeBase: Migration = {
  version: 4,
  name: '0006_knowledge_base',
  up(db) {
    db.exec(`
      CREATE TABLE kb_sections (id TEXT PRIMARY KEY, parent_id TEXT, position INTEGER NOT NULL, data TEXT NOT NULL);
      CREATE INDEX kb_sections_by_parent ON kb_sections (parent_id, position);
      CREATE TABLE kb_pages (id TEXT PRIMARY KEY, section_id TEXT, position INTEGER NOT NULL, data TEXT NOT NULL);
      CREATE INDEX kb_pages_by_section ON kb_pages (section_id, position);
      CREATE TABLE kb_quick_links (id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
      DELETE FROM sync_state WHERE key <> 'binding';
    `);
  },
};
