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

/** A delivery grant as a queued item keeps it. */
export interface ItemGrant {
  token: string;
  expiresAt: string;
  /** The server refused it (revoked at logout, or the device was re-enrolled). */
  refused: boolean;
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
  /** Shared devices: the author's delivery grant; null on a workstation (sent with the session). */
  grant: ItemGrant | null;
}

export type OutboxItem =
  | (ItemBase & { kind: 'post'; payload: { body: string; groupId: string | null }; images: PendingImage[] })
  | (ItemBase & { kind: 'comment'; payload: { body: string } })
  | (ItemBase & { kind: 'like'; payload: { liked: boolean } })
  | (ItemBase & { kind: 'delete'; payload: Record<string, never> });

export type OutboxKind = OutboxItem['kind'];

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewOutboxItem = DistributiveOmit<OutboxItem, 'seq' | 'images' | 'grant'> & { grant?: { token: string; expiresAt: string } | null };

/** Who may send an item now: its grant, or the logged-in author's session. */
export type Credential = 'grant' | 'session';

/** The logged-in person, whose items without a grant go with her session. */
export interface Author {
  tenantId: string;
  personId: string;
}
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
  grant_token: string | null;
  grant_expires_at: string | null;
  grant_refused: number;
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

/** A grant past its expiry, or refused by the server: its items wait for their author. */
export const grantUnusable = (grant: ItemGrant, now: Date): boolean => grant.refused || !(Date.parse(grant.expiresAt) > now.getTime());

/**
 * The outbox on disk: each write is stored (with its image bytes) before any attempt to send it, and
 * removed only once the server confirmed or refused it. Items belong to one person of one
 * organisation and are only ever delivered as that person: with her delivery grant (shared devices),
 * or with her session while she is logged in.
 */
export function openOutboxStore(o: { dataDir: string; log: Logger; clock: Clock }) {
  const { db } = openDatabaseFile(path.join(o.dataDir, OUTBOX_FILE_NAME), outboxMigrations, o.log, o.clock);
  // A delivered write is overwritten, not just unlinked, so the next person finds nothing in free pages.
  db.pragma('secure_delete = ON');
  return createOutboxStore(db);
}

export function createOutboxStore(db: Database.Database) {
  const insertItem = db.prepare(
    `INSERT INTO outbox (id, tenant_id, person_id, kind, post_id, payload, idempotency_key, created_at, grant_token, grant_expires_at)
     VALUES (@id, @tenantId, @personId, @kind, @postId, @payload, @idempotencyKey, @createdAt, @grantToken, @grantExpiresAt)`,
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
  const all = db.prepare<[], ItemRow>('SELECT * FROM outbox ORDER BY seq');
  const refuse = db.prepare<[string]>('UPDATE outbox SET grant_refused = 1 WHERE grant_token = ?');
  const strandOne = db.prepare<[string]>('UPDATE outbox SET grant_refused = 1 WHERE id = ? AND grant_token IS NOT NULL');
  const setGrant = db.prepare<[string | null, string | null, string, string, string]>(
    'UPDATE outbox SET grant_token = ?, grant_expires_at = ?, grant_refused = 0 WHERE id = ? AND tenant_id = ? AND person_id = ?',
  );
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
      grant: r.grant_token && r.grant_expires_at ? { token: r.grant_token, expiresAt: r.grant_expires_at, refused: r.grant_refused === 1 } : null,
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
      const { grant, ...rest } = item;
      insertItem.run({ ...rest, payload: JSON.stringify(item.payload), grantToken: grant?.token ?? null, grantExpiresAt: grant?.expiresAt ?? null });
      images.forEach((img, position) => insertImage.run(item.id, position, img.localId, img.mime, img.width, img.height, img.bytes));
      return toItem(byId.get(item.id)!);
    }),
    /** One person's waiting writes, in delivery order. */
    list: (tenantId: string, personId: string): OutboxItem[] => itemsOf.all(tenantId, personId).map(toItem),
    next: (tenantId: string, personId: string): OutboxItem | null => {
      const row = firstOf.get(tenantId, personId);
      return row ? toItem(row) : null;
    },
    /**
     * The oldest item that may be sent now, and with what. Items with a usable grant go whatever
     * person is logged in; items without a grant only with their logged-in author's session. An item
     * that must wait (unusable grant, author away) holds back the later items of its conversation
     * (the same person and post), so a comment never overtakes the post it is on.
     */
    nextDeliverable(now: Date, author: Author | null): { item: OutboxItem; credential: Credential } | null {
      const waiting = new Set<string>();
      for (const row of all.all()) {
        const conversation = `${row.tenant_id}\u0000${row.person_id}\u0000${row.post_id}`;
        if (waiting.has(conversation)) continue;
        const item = toItem(row);
        if (item.grant && !grantUnusable(item.grant, now)) return { item, credential: 'grant' };
        if (!item.grant && author && item.tenantId === author.tenantId && item.personId === author.personId) return { item, credential: 'session' };
        waiting.add(conversation);
      }
      return null;
    },
    /** One person's items whose grant expired or was refused: only she can send (or discard) them. */
    stranded: (author: Author, now: Date): OutboxItem[] =>
      itemsOf.all(author.tenantId, author.personId).map(toItem).filter((i) => i.grant !== null && grantUnusable(i.grant, now)),
    /** The server refused this grant: every item carrying it now waits for its author. */
    refuseGrant: (token: string) => refuse.run(token).changes,
    /** This item waits for its author to see it (the server refused it while she was away). */
    strand: (id: string) => strandOne.run(id).changes,
    /** Gives the author's items a new grant (null: send them with her session). */
    regrant: db.transaction((author: Author, ids: readonly string[], grant: { token: string; expiresAt: string } | null): number => {
      let changed = 0;
      for (const id of ids) changed += setGrant.run(grant?.token ?? null, grant?.expiresAt ?? null, id, author.tenantId, author.personId).changes;
      return changed;
    }),

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
