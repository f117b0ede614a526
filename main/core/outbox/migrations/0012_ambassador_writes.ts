import type { Migration } from '../../db/migrate.js';
import { widenOutboxKinds } from './widenOutboxKinds.js';

/** Her first-time tour finished or skipped, an ambassador starting it again for a colleague, an admin marking an ambassador. */
export const AMBASSADOR_KINDS = ['tourDone', 'tourRestart', 'ambassadorMark'];

/**
 * The ambassadors' writes wait in the outbox like any write. The kinds are added to whatever list the
 * table has, so this step does not depend on which other kinds came before it (version 11 belongs to
 * work merged beside this one, in either order).
 */
export const ambassadorWrites: Migration = {
  version: 12,
  name: '0012_ambassador_writes',
  up(db) {
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get()!.sql;
    const check = /CHECK \(kind IN \(([^)]*)\)\)/.exec(table);
    if (!check) throw new Error('outbox table has no list of kinds');
    const kinds = check[1]!.split(',').map((k) => k.trim());
    const wider = [...kinds, ...AMBASSADOR_KINDS.map((k) => `'${k}'`).filter((k) => !kinds.includes(k))];
    widenOutboxKinds(db, check[0], `CHECK (kind IN (${wider.join(', ')}))`);
  },
};
