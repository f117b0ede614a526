import type { Migration } from '../../db/migrate.js';
import { widenOutboxKinds } from './widenOutboxKinds.js';

/**
 * A reader's writes in "Weten en regelen" (a favourite, an answer to "Was dit nuttig?") wait in the
 * outbox like a like does; `post_id` then holds the page.
 */
export const kbWrites: Migration = {
  version: 4,
  name: '0004_kb_writes',
  up: (db) =>
    widenOutboxKinds(
      db,
      "CHECK (kind IN ('post', 'comment', 'like', 'delete'))",
      "CHECK (kind IN ('post', 'comment', 'like', 'delete', 'favourite', 'feedback'))",
    ),
};
