import type { Migration } from '../../db/migrate.js';
import { widenOutboxKinds } from './widenOutboxKinds.js';

/** Meekijken: a coach's note or decision, and the author posting her reviewed draft. */
export const REVIEW_KINDS = ['reviewNote', 'reviewDecide', 'reviewPublish'];

/**
 * The meekijken writes wait in the outbox like a post does. The kinds are added to whatever list the
 * table has, so this step does not depend on which other kinds came before it (versions 8 and 9
 * belong to work merged beside this one, in either order).
 */
export const reviewWrites: Migration = {
  version: 10,
  name: '0010_review_writes',
  up(db) {
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get()!.sql;
    const check = /CHECK \(kind IN \(([^)]*)\)\)/.exec(table);
    if (!check) throw new Error('outbox table has no list of kinds');
    const kinds = check[1]!.split(',').map((k) => k.trim());
    const wider = [...kinds, ...REVIEW_KINDS.map((k) => `'${k}'`).filter((k) => !kinds.includes(k))];
    widenOutboxKinds(db, check[0], `CHECK (kind IN (${wider.join(', ')}))`);
  },
};
