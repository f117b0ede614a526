import type { Migration } from '../../db/migrate.js';
import { POLL_KINDS } from './0006_poll_writes.js';
import { widenOutboxKinds } from './widenOutboxKinds.js';

const READ_KINDS = ['readRequire', 'readConfirm', 'readLater'];

/**
 * "Gelezen", "Later" and an editor's "lezen verplicht" wait in the outbox like a post does. The kinds
 * are added to whatever list the table has, so this step does not depend on which other kinds came
 * before it.
 *
 * This step first shipped as version 6, before 0006_poll_writes was merged in front of it. An outbox
 * that ran it then is at 6 without the poll kinds, so they are added here too when missing.
 */
export const readWrites: Migration = {
  version: 7,
  name: '0007_read_writes',
  up(db) {
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get()!.sql;
    const check = /CHECK \(kind IN \(([^)]*)\)\)/.exec(table);
    if (!check) throw new Error('outbox table has no list of kinds');
    const kinds = check[1]!.split(',').map((k) => k.trim());
    const wider = [...kinds, ...[...POLL_KINDS, ...READ_KINDS].map((k) => `'${k}'`).filter((k) => !kinds.includes(k))];
    widenOutboxKinds(db, check[0], `CHECK (kind IN (${wider.join(', ')}))`);
  },
};
