import type Database from 'better-sqlite3';
import type { SecretStore } from '../devices/secretStore.js';
import type { Logger } from '../log.js';
import { DATA_KEY_BYTES, newDataKey, sealedAt, type OutboxCipher } from './outboxCipher.js';

/** The name of the outbox's data key in the SecretStore (safeStorage in Electron, a 0600 file in the browser shell). */
export const OUTBOX_KEY_SECRET = 'outbox-key';

const KEY_CHECK = 'samen-outbox';

/**
 * The outbox's data key. It lives only in the operating system's key store, never beside the outbox
 * file. A new key is made when none can be read (first start, or a key store that was reset); an
 * outbox sealed with the old key then no longer opens, which `keyOpens` tells.
 */
export function outboxDataKey(secrets: SecretStore, log: Logger): Buffer {
  const stored = secrets.get(OUTBOX_KEY_SECRET);
  const key = stored === null ? null : Buffer.from(stored, 'base64');
  if (key && key.length === DATA_KEY_BYTES) return key;
  const made = newDataKey().toString('base64');
  secrets.set(OUTBOX_KEY_SECRET, made);
  if (secrets.get(OUTBOX_KEY_SECRET) !== made) {
    log.warn('the key store keeps no outbox key: writes still waiting when the app stops cannot be read after a restart');
  }
  return Buffer.from(made, 'base64');
}

/** Seals a known value with the current key, so a later start can tell whether its key still fits. */
export function writeKeyCheck(db: Database.Database, cipher: OutboxCipher): void {
  db.prepare('DELETE FROM outbox_key_check').run();
  db.prepare('INSERT INTO outbox_key_check (sealed) VALUES (?)').run(cipher.seal(KEY_CHECK, sealedAt.keyCheck));
}

/** Whether the outbox file was sealed with this key. */
export function keyOpens(db: Database.Database, cipher: OutboxCipher): boolean {
  const row = db.prepare<[], { sealed: Buffer }>('SELECT sealed FROM outbox_key_check').get();
  return row !== undefined && cipher.open(row.sealed, sealedAt.keyCheck)?.toString('utf8') === KEY_CHECK;
}
