import type { Migration } from '../../db/migrate.js';
import { widenOutboxKinds } from './widenOutboxKinds.js';

/** The kinds this step adds; 0007 adds them as well to an outbox that ran it before this step existed. */
export const POLL_KINDS = ['poll', 'vote'];

/**
 * Asking a poll and voting wait in the outbox like a post does, so they work offline and on a shared
 * PC; `post_id` holds the poll (which is a post). A vote's choice is sealed like a body: in an
 * anonymous poll it is the one place her choice exists.
 */
export const pollWrites: Migration = {
  version: 6,
  name: '0006_poll_writes',
  up: (db) =>
    widenOutboxKinds(
      db,
      "CHECK (kind IN ('post', 'comment', 'like', 'delete', 'favourite', 'feedback', 'join', 'request', 'leave'))",
      "CHECK (kind IN ('post', 'comment', 'like', 'delete', 'favourite', 'feedback', 'join', 'request', 'leave', 'poll', 'vote'))",
    ),
};
