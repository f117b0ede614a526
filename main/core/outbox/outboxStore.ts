import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock.js';
import { openDatabaseFile } from '../db/openDatabaseFile.js';
import type { Logger } from '../log.js';
import type { ImageInfo } from './imageInfo.js';
import { outboxMigrations } from './migrations/index.js';

export const OUTBOX_FILE_NAME = 'outbox.sqlite';

export interface PendingImage extends ImageInfo {
  position: number;
  localId: string;
  /** Set once uploaded, so a retry after a restart does not upload again. */
  serverId: string | null;
}

interface ItemBase {
  seq: number;
  id: string;
  tenantId: string;
  personId: string;
  /** The conversation: the post written, commented on, liked or deleted. */
  postId: string;
  idempotencyKey: string;
  createdAt: string;
}

export type OutboxItem =
  | (ItemBase & { kind: 'post'; payload: { body: string; groupId: string | null }; images: PendingImage[] })
  | (ItemBase & { kind: 'comment'; payload: { body: string } })
  | (ItemBase & { kind: 'like'; payload: { liked: boolean } })
  | (ItemBase & { kind: 'delete'; payload: Record<string, never> });

export type OutboxKind = OutboxItem['kind'];

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewOutboxItem = DistributiveOmit<OutboxItem, 'seq' | 'images'>;
export type NewImage = ImageInfo & { localId: string; bytes: Uint8Array };

interface ItemRow {
  seq: number;
  id: string;
  tenant_id: string;
  person_id: string;
  kind: OutboxKind;
  post_id: string;
  payload: string;
  idempotency_key: string;
  created_at: string;
}

interface ImageRow {
  item_id: string;
  position: number;
  local_id: string;
  mime: ImageInfo['mime'];
  width: number;
  height: number;
  server_id: string | null;
}

/**
 * The outbox on disk: each write is stored (with its image bytes) before any attempt to send it, and
 * removed only once the server confirmed or refused it. Items belong to one person of one
 * organisation and are only ever delivered with that person's session.
 */
export function openOutboxStore(o: { dataDir: string; log: Logger; clock: Clock }) {
  const { db } = openDatabaseFile(path.join(o.dataDir, OUTBOX_FILE_NAME), outboxMigrations, o.log, o.clock);
  return createOutboxStore(db);
}

export function createOutboxStore(db: Database.Database) {
  const insertItem = db.prepare(
    `INSERT INTO outbox (id, tenant_id, person_id, kind, post_id, payload, idempotency_key, created_at)
     VALUES (@id, @tenantId, @personId, @kind, @postId, @payload, @idempotencyKey, @createdAt)`,
  );
  const insertImage = db.prepare(
    `INSERT INTO outbox_images (item_id, position, local_id, mime, width, height, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[string], ItemRow>('SELECT * FROM outbox WHERE id = ?');
  const itemsOf = db.prepare<[string, string], ItemRow>('SELECT * FROM outbox WHERE tenant_id = ? AND person_id = ? ORDER BY seq');
  const firstOf = db.prepare<[string, string], ItemRow>('SELECT * FROM outbox WHERE tenant_id = ? AND person_id = ? ORDER BY seq LIMIT 1');
  const countOf = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM outbox WHERE tenant_id = ? AND person_id = ?');
  const imagesOf = db.prepare<[string], ImageRow>(
    'SELECT item_id, position, local_id, mime, width, height, server_id FROM outbox_images WHERE item_id = ? ORDER BY position',
  );
  const bytesOf = db.prepare<[string], { bytes: Buffer; mime: string }>('SELECT bytes, mime FROM outbox_images WHERE local_id = ?');
  const setServerId = db.prepare<[string, string, number]>('UPDATE outbox_images SET server_id = ? WHERE item_id = ? AND position = ?');
  const deleteItem = db.prepare<[string]>('DELETE FROM outbox WHERE id = ?');
  const deleteImages = db.prepare<[string]>('DELETE FROM outbox_images WHERE item_id = ?');

  const toItem = (r: ItemRow): OutboxItem => {
    const base: ItemBase = {
      seq: r.seq,
      id: r.id,
      tenantId: r.tenant_id,
      personId: r.person_id,
      postId: r.post_id,
      idempotencyKey: r.idempotency_key,
      createdAt: r.created_at,
    };
    const payload: unknown = JSON.parse(r.payload);
    if (r.kind === 'post') {
      const images = imagesOf.all(r.id).map((i) => ({
        position: i.position,
        localId: i.local_id,
        mime: i.mime,
        width: i.width,
        height: i.height,
        serverId: i.server_id,
      }));
      return { ...base, kind: 'post', payload: payload as { body: string; groupId: string | null }, images };
    }
    return { ...base, kind: r.kind, payload } as OutboxItem;
  };

  const remove = db.transaction((id: string) => {
    deleteImages.run(id);
    deleteItem.run(id);
  });

  return {
    /** Stores a write durably; it is on disk when this returns. */
    add: db.transaction((item: NewOutboxItem, images: readonly NewImage[] = []): OutboxItem => {
      insertItem.run({ ...item, payload: JSON.stringify(item.payload) });
      images.forEach((img, position) => insertImage.run(item.id, position, img.localId, img.mime, img.width, img.height, img.bytes));
      return toItem(byId.get(item.id)!);
    }),
    /** One person's waiting writes, in delivery order. */
    list: (tenantId: string, personId: string): OutboxItem[] => itemsOf.all(tenantId, personId).map(toItem),
    next: (tenantId: string, personId: string): OutboxItem | null => {
      const row = firstOf.get(tenantId, personId);
      return row ? toItem(row) : null;
    },
    count: (tenantId: string, personId: string): number => countOf.get(tenantId, personId)?.n ?? 0,
    imageBytes(localId: string): { bytes: Uint8Array; mime: string } | null {
      const row = bytesOf.get(localId);
      return row ? { bytes: new Uint8Array(row.bytes), mime: row.mime } : null;
    },
    setImageServerId: (itemId: string, position: number, serverId: string) => setServerId.run(serverId, itemId, position),
    remove: (id: string) => remove(id),
    close: () => db.close(),
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
