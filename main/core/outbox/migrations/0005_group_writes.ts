import type { Migration } from '../../db/migrate.js';
import { widenOutboxKinds } from './widenOutboxKinds.js';

/**
 * Joining, asking to join and leaving a group wait in the outbox like a post does, so they work
 * offline and on a shared PC; `post_id` then holds the group.
 */
export const groupWrites: Migration = {
  version: 5,
  name: '0005_group_writes',
  up: (db) =>
    widenOutboxKinds(
      db,
      "CHECK (kind IN ('post', 'comment', 'like', 'delete', 'favourite', 'feedback'))",
      "CHECK (kind IN ('post', 'comment', 'like', 'delete', 'favourite', 'feedback', 'join', 'request', 'leave'))",
    ),
};
