import type { Migration } from '../../db/migrate.js';
import { widenOutboxKinds } from './widenOutboxKinds.js';

/** A report of a post or comment, and a coach's or editor's decision on one (hide, dismiss, restore). */
export const MODERATION_KINDS = ['report', 'moderate'];

/**
 * Reports and moderators' decisions wait in the outbox like a post does. The kinds are added to
 * whatever list the table has, so this step does not depend on which other kinds came before it.
 */
export const moderationWrites: Migration = {
  version: 8,
  name: '0008_moderation_writes',
  up(db) {
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get()!.sql;
    const check = /CHECK \(kind IN \(([^)]*)\)\)/.exec(table);
    if (!check) throw new Error('outbox table has no list of kinds');
    const kinds = check[1]!.split(',').map((k) => k.trim());
    const wider = [...kinds, ...MODERATION_KINDS.map((k) => `'${k}'`).filter((k) => !kinds.includes(k))];
    widenOutboxKinds(db, check[0], `CHECK (kind IN (${wider.join(', ')}))`);
  },
};
