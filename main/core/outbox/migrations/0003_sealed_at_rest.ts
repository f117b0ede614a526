import type { Migration } from '../../db/migrate.js';
import { sealedAt, type OutboxCipher } from '../outboxCipher.js';
import { writeKeyCheck } from '../outboxKey.js';

/**
 * What the outbox keeps of a write (its body, image bytes and its author's delivery grant) is sealed
 * with the outbox's data key (AES-256-GCM; the key is in the operating system's key store), so a
 * copied file or disk reveals none of it. Writes already waiting are sealed in place; the old values
 * are overwritten, as `secure_delete` is on before any migration runs. Ids, kinds, times and grant
 * expiry stay readable: delivery order and expiry are decided on them, and an author can still be
 * told what was lost if the key is. `outbox_notices` keeps, sealed, what was dropped unsent (kind and
 * time), for its author's next login. The index on the grant token goes: a sealed value is not
 * looked up.
 */
export const sealedAtRest = (cipher: OutboxCipher): Migration => ({
  version: 3,
  name: '0003_sealed_at_rest',
  up(db) {
    db.exec(`
      DROP INDEX outbox_by_grant;
      ALTER TABLE outbox RENAME COLUMN payload TO sealed_payload;
      ALTER TABLE outbox RENAME COLUMN grant_token TO sealed_grant;
      ALTER TABLE outbox_images RENAME COLUMN bytes TO sealed_bytes;
      CREATE TABLE outbox_key_check (sealed BLOB NOT NULL);
      CREATE TABLE outbox_notices (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        sealed BLOB NOT NULL
      );
      CREATE INDEX outbox_notices_by_person ON outbox_notices (tenant_id, person_id);
    `);
    const items = db.prepare<[], { id: string; payload: string; grant: string | null }>('SELECT id, sealed_payload AS payload, sealed_grant AS "grant" FROM outbox').all();
    const sealItem = db.prepare<[Buffer, Buffer | null, string]>('UPDATE outbox SET sealed_payload = ?, sealed_grant = ? WHERE id = ?');
    for (const i of items) {
      sealItem.run(cipher.seal(i.payload, sealedAt.payload(i.id)), i.grant === null ? null : cipher.seal(i.grant, sealedAt.grant(i.id)), i.id);
    }
    // One image at a time: a queue of photos need not fit in memory at once.
    const imageIds = db.prepare<[], { local_id: string }>('SELECT local_id FROM outbox_images').all();
    const bytesOf = db.prepare<[string], { bytes: Buffer }>('SELECT sealed_bytes AS bytes FROM outbox_images WHERE local_id = ?');
    const sealImage = db.prepare<[Buffer, string]>('UPDATE outbox_images SET sealed_bytes = ? WHERE local_id = ?');
    for (const { local_id } of imageIds) sealImage.run(cipher.seal(bytesOf.get(local_id)!.bytes, sealedAt.image(local_id)), local_id);
    writeKeyCheck(db, cipher);
  },
});
