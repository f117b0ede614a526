import type { Migration } from '../../db/migrate.js';

/**
 * The delivery grant of the person who queued an item on a shared device: a token for the write
 * routes only, bound to that person and this device, so the item is delivered as its author even
 * after the next person has logged in. `grant_refused` is set when the server no longer accepts it
 * (expired early, the device revoked or enrolled anew); such items, like those whose grant expired, wait for their author to send or discard them.
 * Items made on a workstation have no grant: they go with the author's session.
 */
export const deliveryGrants: Migration = {
  version: 2,
  name: '0002_delivery_grants',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN grant_token TEXT;
      ALTER TABLE outbox ADD COLUMN grant_expires_at TEXT;
      ALTER TABLE outbox ADD COLUMN grant_refused INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX outbox_by_grant ON outbox (grant_token) WHERE grant_token IS NOT NULL;
    `);
  },
};
