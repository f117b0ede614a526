import type { Migration } from '../../db/migrate.js';

/**
 * A kiosk's last heartbeat answer (its playlist with the editors' slides, its location's groups, the
 * running polls), so the signage keeps playing after a restart without the server. Organisation-wide
 * content like the rest of the cache: wiped with it when the device is revoked.
 */
export const kioskSignage: Migration = {
  version: 8,
  name: '0011_kiosk_signage',
  up(db) {
    db.exec(`CREATE TABLE kiosk_signage (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL)`);
  },
};
