import type { Migration } from '../../db/migrate.js';

/**
 * A post's short video waits beside it, sealed like its photos (a minute of phone video, up to 60 MB:
 * one sealed row, opened once to upload). Its server id is kept once uploaded, so a retry after a
 * restart does not upload it again.
 */
export const videoWrites: Migration = {
  version: 11,
  name: '0011_video_writes',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_videos (
        item_id TEXT NOT NULL,
        local_id TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        sealed_bytes BLOB NOT NULL,
        server_id TEXT
      );
      CREATE INDEX outbox_videos_item ON outbox_videos (item_id);
    `);
  },
};
