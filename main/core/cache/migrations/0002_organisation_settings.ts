import type { Migration } from '../../db/migrate.js';

/**
 * The organisation's device settings (idle lock times, PIN policy) as JSON, so a shared device knows
 * them before anyone logs in. Rows from before this version have none: the defaults apply until the
 * next sync brings the organisation again.
 */
export const organisationSettings: Migration = {
  version: 2,
  name: '0002_organisation_settings',
  up(db) {
    db.exec('ALTER TABLE organisation ADD COLUMN settings TEXT');
  },
};
