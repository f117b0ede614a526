import type { Migration } from '../../db/migrate.js';
import { widenOutboxKinds } from './widenOutboxKinds.js';

/**
 * Her choice whether her birthday shows on the kiosks waits in the outbox like any write, so it is
 * kept offline and on a shared PC goes with her grant. The kind is added to whatever list the table
 * has, so this step does not depend on which other kinds came before it.
 */
export const celebrationWrites: Migration = {
  version: 9,
  name: '0009_celebration_writes',
  up(db) {
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get()!.sql;
    const check = /CHECK \(kind IN \(([^)]*)\)\)/.exec(table);
    if (!check) throw new Error('outbox table has no list of kinds');
    const kinds = check[1]!.split(',').map((k) => k.trim());
    if (kinds.includes("'birthdayShown'")) return;
    widenOutboxKinds(db, check[0], `CHECK (kind IN (${[...kinds, "'birthdayShown'"].join(', ')}))`);
  },
};
