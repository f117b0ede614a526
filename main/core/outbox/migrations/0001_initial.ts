import type { Migration } from '../../db/migrate.js';

/**
 * Writes made on this device and not yet confirmed by the server. `seq` is the delivery order;
 * `id` is made by the client (UUIDv7) and is also the new post's or comment's id.
 */
export const initial: Migration = {
  version: 1,
  name: '0001_initial',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        tenant_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('post', 'comment', 'like', 'delete')),
        -- the conversation: the post written, commented on, liked or deleted
        post_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX outbox_by_person ON outbox (tenant_id, person_id, seq);
      CREATE INDEX outbox_by_post ON outbox (post_id, seq);

      CREATE TABLE outbox_images (
        item_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        -- shown while pending; the server gives the image its own id on upload
        local_id TEXT NOT NULL UNIQUE,
        mime TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        server_id TEXT,
        PRIMARY KEY (item_id, position)
      );
    `);
  },
};
