import type Database from 'better-sqlite3';

/**
 * Lets the outbox hold more kinds of write. SQLite cannot change a CHECK in place, so the table is
 * made again from its own definition with the wider list, its rows and indexes kept.
 */
export function widenOutboxKinds(db: Database.Database, before: string, after: string): void {
  const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get()!.sql;
  if (!table.includes(before)) throw new Error('outbox table is not as the previous migration left it');
  const indexes = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL").all();
  db.exec(table.replace(before, after).replace(/^CREATE TABLE "?outbox"?/, 'CREATE TABLE outbox_widened'));
  db.exec('INSERT INTO outbox_widened SELECT * FROM outbox; DROP TABLE outbox; ALTER TABLE outbox_widened RENAME TO outbox;');
  for (const { sql } of indexes) db.exec(sql);
}
