import { createHmac, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Post } from '../../../common/src/api/entities.js';
import { fromRow, type EntityRow } from '../cache/entityRow.js';
import type { SecretStore } from '../devices/secretStore.js';

/** The name of the key that makes read-state tags, in the SecretStore (beside the outbox's key). */
export const READ_STATE_KEY_SECRET = 'read-state-key';
const KEY_BYTES = 32;

/** What this device knows of one person's answer to one post. `confirmed` false: she owes it. */
export interface StoredReadState {
  confirmed: boolean;
  laterCount: number;
}

/**
 * The key the tags are made with. It lives in the operating system's key store only, so the cache
 * file on a shared PC does not say who read what: without the key a tag cannot be matched to a
 * person, and there are too many people and posts to guess without it either.
 */
export function readStateKey(secrets: SecretStore): Buffer {
  const stored = secrets.get(READ_STATE_KEY_SECRET);
  const key = stored === null ? null : Buffer.from(stored, 'base64');
  if (key && key.length === KEY_BYTES) return key;
  const made = randomBytes(KEY_BYTES);
  secrets.set(READ_STATE_KEY_SECRET, made.toString('base64'));
  return made;
}

/**
 * The device's read states, in the cache file, keyed by `HMAC(key, person:post)`. A state is only a
 * hint for "Eerst lezen" and the highlighted card until the person's own receipts arrive from the
 * server, so losing them (a new key, a rebuilt cache) costs nothing but a post shown once more.
 */
export function createReadStateStore(key: Buffer) {
  const tag = (personId: string, postId: string) => createHmac('sha256', key).update(`${personId}:${postId}`).digest('base64url');
  const fingerprint = createHmac('sha256', key).update('samen-read-states').digest('base64url');
  const checked = new WeakSet<Database.Database>();

  /** States made with another key can never be read again: they go, once per opened file. */
  const ready = (db: Database.Database) => {
    if (checked.has(db)) return;
    const row = db.prepare<[], { fingerprint: string }>('SELECT fingerprint FROM read_state_key_check').get();
    if (row?.fingerprint !== fingerprint) {
      db.prepare('DELETE FROM read_states').run();
      db.prepare('INSERT INTO read_state_key_check (id, fingerprint) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint').run(fingerprint);
    }
    checked.add(db);
  };

  return {
    get(db: Database.Database, personId: string, postId: string): StoredReadState | null {
      ready(db);
      const row = db.prepare<[string], { confirmed: number; later_count: number }>('SELECT confirmed, later_count FROM read_states WHERE tag = ?').get(tag(personId, postId));
      return row ? { confirmed: row.confirmed === 1, laterCount: row.later_count } : null;
    },
    put(db: Database.Database, personId: string, postId: string, state: StoredReadState): void {
      ready(db);
      db.prepare<[string, string, number, number]>(
        'INSERT INTO read_states (tag, post_id, confirmed, later_count) VALUES (?, ?, ?, ?) ON CONFLICT (tag) DO UPDATE SET confirmed = excluded.confirmed, later_count = excluded.later_count',
      ).run(tag(personId, postId), postId, state.confirmed ? 1 : 0, state.laterCount);
    },
    forget(db: Database.Database, personId: string, postId: string): void {
      ready(db);
      db.prepare('DELETE FROM read_states WHERE tag = ?').run(tag(personId, postId));
    },
    /** States of posts that are no longer "lezen verplicht" (or gone) are of no use. */
    prune(db: Database.Database): void {
      db.prepare(
        `DELETE FROM read_states WHERE post_id NOT IN (SELECT id FROM posts WHERE json_extract(data, '$.readRequired') IS NOT NULL)`,
      ).run();
    },
  };
}

export type ReadStateStore = ReturnType<typeof createReadStateStore>;

/** The "lezen verplicht" posts in the cache, oldest marked first (through the partial index). */
export function requiredPosts(db: Database.Database): Post[] {
  return db
    .prepare<[], EntityRow>(`SELECT data FROM posts WHERE json_extract(data, '$.readRequired') IS NOT NULL ORDER BY created_at, id`)
    .all()
    .map(fromRow<Post>);
}
