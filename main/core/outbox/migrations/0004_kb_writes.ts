import type { Migration } from '../../db/migrate.js';

const KINDS_BEFORE = "CHECK (kind IN ('post', 'comment', 'like', 'delete'))";
const KINDS_NOW = "CHECK (kind IN ('post', 'comment', 'like', 'delete', 'favourite', 'feedback'))";

/**
 * A reader's writes in "Weten en regelen" (a favourite, an answer to "Was dit nuttig?") wait in the
 * outbox like a like does; `post_id` then holds the page. SQLite cannot change a CHECK in place, so
 * the table is made again from its own definition with the wider list, its rows and indexes kept.
 */
export const kbWrites: Migration = {
  version: 4,
  name: '0004_kb_writes',
  up(db) {
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get()!.sql;
    if (!table.includes(KINDS_BEFORE)) throw new Error('outbox table is not as migration 0003 left it');
    const indexes = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL").all();
    db.exec(table.replace(KINDS_BEFORE, KINDS_NOW).replace(/^CREATE TABLE "?outbox"?/, 'CREATE TABLE outbox_widened'));
    db.exec('INSERT INTO outbox_widened SELECT * FROM outbox; DROP TABLE outbox; ALTER TABLE outbox_widened RENAME TO outbox;');
    for (const { sql } of indexes) db.exec(sql);
  },
};
