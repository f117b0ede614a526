import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { PollShowResults } from '../../../common/src/api/entities.js';
import type { ReadAudience } from '../../../common/src/readConfirmations/audience.js';
import type { Clock } from '../clock.js';
import { openDatabaseFile } from '../db/openDatabaseFile.js';
import type { SecretStore } from '../devices/secretStore.js';
import type { Logger } from '../log.js';
import type { ReactionKind } from '../../../common/src/api/entities.js';
import type { ModerationItemKind, ReportReason } from '../../../common/src/api/routes/moderation.js';
import type { ImageInfo } from './imageInfo.js';
import { outboxMigrations } from './migrations/index.js';
import { createOutboxCipher, sealedAt, type OutboxCipher } from './outboxCipher.js';
import { keyOpens, outboxDataKey, writeKeyCheck } from './outboxKey.js';

export const OUTBOX_FILE_NAME = 'outbox.sqlite';

export interface PendingImage extends ImageInfo {
  position: number;
  localId: string;
  /** Set once uploaded, so a retry after a restart does not upload again. */
  serverId: string | null;
}

/** A post's video waiting with it; its bytes stay sealed on disk until it is uploaded. */
export interface PendingVideo {
  localId: string;
  mime: string;
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
  /**
   * The conversation: the post written, commented on, liked or deleted (a poll asked or voted in);
   * for a favourite or feedback, the page; for joining, asking to join or leaving, the group.
   */
  postId: string;
  idempotencyKey: string;
  createdAt: string;
  /** Shared devices: the author's delivery grant; null on a workstation (sent with the session). */
  grant: ItemGrant | null;
}

export type OutboxItem =
  /**
   * `publishAt`: scheduled for later; `endsAt`: an editor's end date; `photoConsent`: she confirmed the
   * people on its photos gave permission (all three absent from items made before them);
   * `review`: for a coach first (`look`) or offered for approval (`approval`), never shown in a timeline.
   */
  | (ItemBase & { kind: 'post'; payload: { body: string; groupId: string | null; publishAt?: string; endsAt?: string; photoConsent?: boolean; review?: 'look' | 'approval' }; images: PendingImage[]; videos: PendingVideo[] })
  | (ItemBase & { kind: 'comment'; payload: { body: string } })
  /** A like, or with `kind` any reaction (replacing hers); `liked: false` takes back whatever she gave. */
  | (ItemBase & { kind: 'like'; payload: { liked: boolean; kind?: ReactionKind } })
  | (ItemBase & { kind: 'delete'; payload: Record<string, never> })
  | (ItemBase & { kind: 'favourite'; payload: { favourite: boolean } })
  | (ItemBase & { kind: 'feedback'; payload: { helpful: boolean; comment: string | null } })
  /** Joining an open group, asking to join a closed one, leaving: `name` is for telling her if it fails. */
  | (ItemBase & { kind: GroupIntent; payload: { name: string } })
  /** A new poll; `postId` and `id` are the poll's own id, kept by the server. */
  | (ItemBase & { kind: 'poll'; payload: PollDraft })
  /** Her vote (or changed vote) in the poll `postId`. */
  | (ItemBase & { kind: 'vote'; payload: { optionIds: string[] } })
  /** An editor makes her post "lezen verplicht"; queued after the post, sent with her session only. */
  | (ItemBase & { kind: 'readRequire'; payload: { audience: ReadAudience } })
  /** "Gelezen", or "Later" at tap-in, of a "lezen verplicht" post. */
  | (ItemBase & { kind: 'readConfirm' | 'readLater'; payload: Record<string, never> })
  /** Meekijken (`postId`: the draft): a coach's comment or suggested text, sent with her own session. */
  | (ItemBase & { kind: 'reviewNote'; payload: { noteId: string; note: 'comment' | 'suggestion'; body: string } })
  /** A coach or editor approves a waiting post or sends it back with a comment; her own session. */
  | (ItemBase & { kind: 'reviewDecide'; payload: { approve: boolean; comment: string | null } })
  /** The author posts her reviewed draft with this text. */
  | (ItemBase & { kind: 'reviewPublish'; payload: { body: string } })
  /** Her report of the post or comment `postId`; the note is sealed like a body. */
  | (ItemBase & { kind: 'report'; payload: { itemKind: ModerationItemKind; reason: ReportReason; note: string | null } })
  /** A coach's or editor's decision on the reported item `postId`; sent with her own session only. */
  | (ItemBase & { kind: 'moderate'; payload: ModerationDecision })
  /** Whether her birthday shows on the kiosks; `postId` is her own id (nothing else is about it). */
  | (ItemBase & { kind: 'birthdayShown'; payload: { shown: boolean } })
  /** She finished or skipped her first-time tour; `postId` is her own id. */
  | (ItemBase & { kind: 'tourDone'; payload: { outcome: 'done' | 'skipped' } })
  /** An ambassador starts the tour again for the colleague `postId`; `name` is for telling her if it fails. */
  | (ItemBase & { kind: 'tourRestart'; payload: { name: string } })
  /** An admin or editor marks the colleague `postId` as ambassador (or ends it); her own session only. */
  | (ItemBase & { kind: 'ambassadorMark'; payload: { ambassador: boolean; line: string | null; name: string } });

/** What a moderator decided about an item; hiding says why, and the author is told. */
export type ModerationDecision =
  | { action: 'hide'; itemKind: ModerationItemKind; reason: string }
  | { action: 'dismiss' | 'restore'; itemKind: ModerationItemKind };

/** A poll as she asked it, waiting to be sent. */
export interface PollDraft {
  question: string;
  options: string[];
  multiple: boolean;
  anonymous: boolean;
  changeable?: boolean | undefined;
  showResults: PollShowResults;
  closesAt: string | null;
  groupId: string | null;
  pinned?: boolean | undefined;
}

/** What she wants with a group, waiting to be sent. */
export type GroupIntent = 'join' | 'request' | 'leave';
export const isGroupIntent = (kind: OutboxKind): kind is GroupIntent => kind === 'join' || kind === 'request' || kind === 'leave';

export type OutboxKind = OutboxItem['kind'];

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewOutboxItem = DistributiveOmit<OutboxItem, 'seq' | 'images' | 'videos' | 'grant'> & { grant?: { token: string; expiresAt: string } | null };

/** Who may send an item now: its grant, or the logged-in author's session. */
export type Credential = 'grant' | 'session';

/** The logged-in person, whose items without a grant go with her session. */
export interface Author {
  tenantId: string;
  personId: string;
}
export type NewImage = ImageInfo & { localId: string; bytes: Uint8Array };
export type NewVideo = { localId: string; mime: string; bytes: Uint8Array };

/** An item the outbox let go of unsent, as its author is told at her next login. */
export interface DroppedNotice {
  id: string;
  kind: OutboxKind;
  /** When the write was made. */
  createdAt: string;
}

interface ItemRow {
  seq: number;
  id: string;
  tenant_id: string;
  person_id: string;
  kind: OutboxKind;
  post_id: string;
  sealed_payload: Buffer;
  idempotency_key: string;
  created_at: string;
  sealed_grant: Buffer | null;
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

interface NoticeRow {
  id: string;
  sealed: Buffer;
}

/** A grant past its expiry, or refused by the server: its items wait for their author. */
export const grantUnusable = (grant: Pick<ItemGrant, 'expiresAt' | 'refused'>, now: Date): boolean => grant.refused || !(Date.parse(grant.expiresAt) > now.getTime());

/**
 * The outbox on disk: each write is stored (with its image bytes) before any attempt to send it, and
 * removed only once the server confirmed or refused it. Items belong to one person of one
 * organisation and are only ever delivered as that person: with her delivery grant (shared devices),
 * or with her session while she is logged in. Bodies, image bytes and grants are sealed with the
 * data key from the operating system's key store; a file that cannot be read is deleted, never kept.
 */
export function openOutboxStore(o: { dataDir: string; secrets: SecretStore; log: Logger; clock: Clock }) {
  const file = path.join(o.dataDir, OUTBOX_FILE_NAME);
  deleteKeptDamagedFiles(o.dataDir);
  const cipher = createOutboxCipher(outboxDataKey(o.secrets, o.log));
  const { db } = openDatabaseFile(file, outboxMigrations(cipher), o.log, o.clock, { secureDelete: true, whenUnreadable: 'delete' });
  const store = createOutboxStore(db, cipher);
  if (!keyOpens(db, cipher)) {
    // The key store was reset (or the file came from elsewhere): nothing in it can be read or sent.
    const lost = db.transaction(() => {
      const dropped = store.dropAll();
      writeKeyCheck(db, cipher);
      return dropped;
    })();
    o.log.warn('outbox sealed with a key that is gone; its writes are dropped and their authors told', { items: lost });
  }
  store.checkpoint();
  return store;
}

/** Damaged outbox files that earlier versions renamed and kept: they may hold bodies in plain text. */
function deleteKeptDamagedFiles(dataDir: string) {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(`${OUTBOX_FILE_NAME}.corrupt-`)) rmSync(path.join(dataDir, name), { force: true });
}

export function createOutboxStore(db: Database.Database, cipher: OutboxCipher) {
  const insertItem = db.prepare(
    `INSERT INTO outbox (id, tenant_id, person_id, kind, post_id, sealed_payload, idempotency_key, created_at, sealed_grant, grant_expires_at)
     VALUES (@id, @tenantId, @personId, @kind, @postId, @sealedPayload, @idempotencyKey, @createdAt, @sealedGrant, @grantExpiresAt)`,
  );
  const insertImage = db.prepare(
    `INSERT INTO outbox_images (item_id, position, local_id, mime, width, height, sealed_bytes) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // Prepared at first use: the migration tests open stores on files from before version 11.
  let videoStatements: ReturnType<typeof prepareVideoStatements> | null = null;
  const videoRows = () => (videoStatements ??= prepareVideoStatements(db));
  const byId = db.prepare<[string], ItemRow>('SELECT * FROM outbox WHERE id = ?');
  const itemsOf = db.prepare<[string, string], ItemRow>('SELECT * FROM outbox WHERE tenant_id = ? AND person_id = ? ORDER BY seq');
  const countOf = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM outbox WHERE tenant_id = ? AND person_id = ?');
  const imagesOf = db.prepare<[string], ImageRow>(
    'SELECT item_id, position, local_id, mime, width, height, server_id FROM outbox_images WHERE item_id = ? ORDER BY position',
  );
  const bytesOf = db.prepare<[string], { sealed_bytes: Buffer; mime: string }>('SELECT sealed_bytes, mime FROM outbox_images WHERE local_id = ?');
  const setServerId = db.prepare<[string, string, number]>('UPDATE outbox_images SET server_id = ? WHERE item_id = ? AND position = ?');
  const deleteItem = db.prepare<[string]>('DELETE FROM outbox WHERE id = ?');
  const all = db.prepare<[], ItemRow>('SELECT * FROM outbox ORDER BY seq');
  const withGrant = db.prepare<[], { id: string; sealed_grant: Buffer }>('SELECT id, sealed_grant FROM outbox WHERE sealed_grant IS NOT NULL');
  const refuseOne = db.prepare<[string]>('UPDATE outbox SET grant_refused = 1 WHERE id = ?');
  const strandOne = db.prepare<[string]>('UPDATE outbox SET grant_refused = 1 WHERE id = ? AND sealed_grant IS NOT NULL');
  const setGrant = db.prepare<[Buffer | null, string | null, string, string, string]>(
    'UPDATE outbox SET sealed_grant = ?, grant_expires_at = ?, grant_refused = 0 WHERE id = ? AND tenant_id = ? AND person_id = ?',
  );
  const deleteImages = db.prepare<[string]>('DELETE FROM outbox_images WHERE item_id = ?');
  const earliestExpiry = db.prepare<[], { at: string | null }>('SELECT min(grant_expires_at) AS at FROM outbox WHERE sealed_grant IS NOT NULL');
  const expiredBefore = db.prepare<[string], ItemRow>('SELECT * FROM outbox WHERE sealed_grant IS NOT NULL AND grant_expires_at < ? ORDER BY seq');
  const insertNotice = db.prepare<[string, string, string, Buffer]>('INSERT OR REPLACE INTO outbox_notices (id, tenant_id, person_id, sealed) VALUES (?, ?, ?, ?)');
  const noticesOf = db.prepare<[string, string], NoticeRow>('SELECT id, sealed FROM outbox_notices WHERE tenant_id = ? AND person_id = ? ORDER BY id');
  const deleteNotice = db.prepare<[string, string, string]>('DELETE FROM outbox_notices WHERE id = ? AND tenant_id = ? AND person_id = ?');
  const deleteAllNotices = db.prepare('DELETE FROM outbox_notices');

  const sealGrant = (itemId: string, grant: { token: string } | null | undefined) => (grant ? cipher.seal(grant.token, sealedAt.grant(itemId)) : null);
  const openText = (sealed: Buffer, context: string) => cipher.open(sealed, context)?.toString('utf8') ?? null;

  /** The item as it was written; null when its sealed parts do not open (the row was damaged). */
  const readItem = (r: ItemRow): OutboxItem | null => {
    const payloadText = openText(r.sealed_payload, sealedAt.payload(r.id));
    const token = r.sealed_grant ? openText(r.sealed_grant, sealedAt.grant(r.id)) : null;
    if (payloadText === null || (r.sealed_grant && token === null)) return null;
    const base: ItemBase = {
      seq: r.seq,
      id: r.id,
      tenantId: r.tenant_id,
      personId: r.person_id,
      postId: r.post_id,
      idempotencyKey: r.idempotency_key,
      createdAt: r.created_at,
      grant: token !== null && r.grant_expires_at ? { token, expiresAt: r.grant_expires_at, refused: r.grant_refused === 1 } : null,
    };
    const payload: unknown = JSON.parse(payloadText);
    if (r.kind === 'post') {
      const images = imagesOf.all(r.id).map((i) => ({
        position: i.position,
        localId: i.local_id,
        mime: i.mime,
        width: i.width,
        height: i.height,
        serverId: i.server_id,
      }));
      const videos = videoRows().videosOf.all(r.id).map((v) => ({ localId: v.local_id, mime: v.mime, serverId: v.server_id }));
      return { ...base, kind: 'post', payload: payload as { body: string; groupId: string | null }, images, videos };
    }
    return { ...base, kind: r.kind, payload } as OutboxItem;
  };

  const removeRow = (id: string) => {
    deleteImages.run(id);
    videoRows().deleteVideos.run(id);
    deleteItem.run(id);
  };
  /** Lets go of an item unsent, keeping for its author only what it was and when. */
  const dropRow = (r: Pick<ItemRow, 'id' | 'tenant_id' | 'person_id' | 'kind' | 'created_at'>) => {
    insertNotice.run(r.id, r.tenant_id, r.person_id, cipher.seal(JSON.stringify({ kind: r.kind, createdAt: r.created_at }), sealedAt.notice(r.id)));
    removeRow(r.id);
  };
  const dropDamaged = db.transaction((r: ItemRow) => dropRow(r));

  /** Rows in order, each with its item; rows whose sealed parts do not open are dropped on the way. */
  const readable = (rows: ItemRow[]): OutboxItem[] =>
    rows.flatMap((r) => {
      const item = readItem(r);
      if (item) return [item];
      dropDamaged(r);
      return [];
    });
  const readOne = (r: ItemRow | undefined) => (r ? (readable([r])[0] ?? null) : null);

  /** Lets the write-ahead log go, so no page of a removed item lingers in `-wal`. */
  const checkpoint = () => void db.pragma('wal_checkpoint(TRUNCATE)');

  const remove = db.transaction((id: string) => removeRow(id));

  return {
    /** Stores a write durably; it is on disk (sealed) when this returns. */
    add: db.transaction((item: NewOutboxItem, images: readonly NewImage[] = [], videos: readonly NewVideo[] = []): OutboxItem => {
      const { grant, payload, ...rest } = item;
      insertItem.run({
        ...rest,
        sealedPayload: cipher.seal(JSON.stringify(payload), sealedAt.payload(item.id)),
        sealedGrant: sealGrant(item.id, grant),
        grantExpiresAt: grant?.expiresAt ?? null,
      });
      images.forEach((img, position) =>
        insertImage.run(item.id, position, img.localId, img.mime, img.width, img.height, cipher.seal(img.bytes, sealedAt.image(img.localId))),
      );
      for (const video of videos) videoRows().insertVideo.run(item.id, video.localId, video.mime, cipher.seal(video.bytes, sealedAt.video(video.localId)));
      return readItem(byId.get(item.id)!)!;
    }),
    /** One person's waiting writes, in delivery order. */
    list: (tenantId: string, personId: string): OutboxItem[] => readable(itemsOf.all(tenantId, personId)),
    /**
     * The oldest item that may be sent now, and with what. Items with a usable grant go whatever
     * person is logged in; items without a grant only with their logged-in author's session. An item
     * that must wait (unusable grant, author away) holds back the later items of its conversation
     * (the same person and post), so a comment never overtakes the post it is on. Decided on the
     * readable columns; only the item chosen is opened.
     */
    nextDeliverable(now: Date, author: Author | null): { item: OutboxItem; credential: Credential } | null {
      const waiting = new Set<string>();
      for (const row of all.all()) {
        const conversation = `${row.tenant_id}\u0000${row.person_id}\u0000${row.post_id}`;
        if (waiting.has(conversation)) continue;
        const hasGrant = row.sealed_grant !== null && row.grant_expires_at !== null;
        const usable = hasGrant && !grantUnusable({ expiresAt: row.grant_expires_at!, refused: row.grant_refused === 1 }, now);
        const authorHere = !hasGrant && author !== null && row.tenant_id === author.tenantId && row.person_id === author.personId;
        if (usable || authorHere) {
          const item = readOne(row);
          if (item) return { item, credential: usable ? 'grant' : 'session' };
        }
        waiting.add(conversation);
      }
      return null;
    },
    /** One person's items whose grant expired or was refused: only she can send (or discard) them. */
    stranded: (author: Author, now: Date): OutboxItem[] =>
      readable(itemsOf.all(author.tenantId, author.personId)).filter((i) => i.grant !== null && grantUnusable(i.grant, now)),
    /** The server refused this grant: every item carrying it now waits for its author. */
    refuseGrant: db.transaction((token: string): number => {
      let refused = 0;
      for (const row of withGrant.all()) if (openText(row.sealed_grant, sealedAt.grant(row.id)) === token) refused += refuseOne.run(row.id).changes;
      return refused;
    }),
    /** This item waits for its author to see it (the server refused it while she was away). */
    strand: (id: string) => strandOne.run(id).changes,
    /** Gives the author's items a new grant (null: send them with her session). */
    regrant: db.transaction((author: Author, ids: readonly string[], grant: { token: string; expiresAt: string } | null): number => {
      let changed = 0;
      for (const id of ids) changed += setGrant.run(sealGrant(id, grant), grant?.expiresAt ?? null, id, author.tenantId, author.personId).changes;
      return changed;
    }),
    /**
     * Drops, unsent, the items whose grant expired before `before`: nobody can send them any more
     * without their author, and a shared PC does not keep them for ever. Each leaves a notice for her.
     */
    dropExpired(before: Date): number {
      const dropped = db.transaction(() => {
        const rows = expiredBefore.all(before.toISOString());
        for (const r of rows) dropRow(r);
        return rows.length;
      })();
      if (dropped > 0) checkpoint();
      return dropped;
    },
    /** When the first grant among the waiting items expires (or expired); null when none has one. */
    earliestGrantExpiry: (): string | null => earliestExpiry.get()?.at ?? null,
    /** Drops every item, unread (the key to them is gone), each with a notice for its author. */
    dropAll: db.transaction((): number => {
      const rows = all.all();
      // Notices sealed with the lost key cannot be read either.
      deleteAllNotices.run();
      for (const r of rows) dropRow(r);
      return rows.length;
    }),
    /** What was dropped unsent of this person's writes, for her to be told. */
    dropped: (author: Author): DroppedNotice[] =>
      noticesOf.all(author.tenantId, author.personId).flatMap((n) => {
        const text = openText(n.sealed, sealedAt.notice(n.id));
        if (text === null) return [];
        const { kind, createdAt } = JSON.parse(text) as { kind: OutboxKind; createdAt: string };
        return [{ id: n.id, kind, createdAt }];
      }),
    /** She has been told: the notices go. */
    dismissDropped: db.transaction((author: Author, ids: readonly string[]): number => {
      let removed = 0;
      for (const id of ids) removed += deleteNotice.run(id, author.tenantId, author.personId).changes;
      return removed;
    }),

    count: (tenantId: string, personId: string): number => countOf.get(tenantId, personId)?.n ?? 0,
    imageBytes(localId: string): { bytes: Uint8Array; mime: string } | null {
      const row = bytesOf.get(localId);
      const bytes = row ? cipher.open(row.sealed_bytes, sealedAt.image(localId)) : null;
      return row && bytes ? { bytes: new Uint8Array(bytes), mime: row.mime } : null;
    },
    setImageServerId: (itemId: string, position: number, serverId: string) => setServerId.run(serverId, itemId, position),
    /** The bytes of a video still waiting (opened in memory: only to upload it, or for its author to play it). */
    videoBytes(localId: string): { bytes: Uint8Array; mime: string } | null {
      const row = videoRows().videoBytesOf.get(localId);
      const bytes = row ? cipher.open(row.sealed_bytes, sealedAt.video(localId)) : null;
      return row && bytes ? { bytes: new Uint8Array(bytes), mime: row.mime } : null;
    },
    setVideoServerId: (localId: string, serverId: string) => videoRows().setVideoServerId.run(serverId, localId),
    /** Removes a delivered, refused or discarded item; nothing of it stays in the file or its log. */
    remove(id: string) {
      remove(id);
      checkpoint();
    },
    checkpoint,
    close: () => db.close(),
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;

function prepareVideoStatements(db: Database.Database) {
  return {
    insertVideo: db.prepare<[string, string, string, Buffer]>('INSERT INTO outbox_videos (item_id, local_id, mime, sealed_bytes) VALUES (?, ?, ?, ?)'),
    videosOf: db.prepare<[string], { local_id: string; mime: string; server_id: string | null }>('SELECT local_id, mime, server_id FROM outbox_videos WHERE item_id = ? ORDER BY local_id'),
    videoBytesOf: db.prepare<[string], { sealed_bytes: Buffer; mime: string }>('SELECT sealed_bytes, mime FROM outbox_videos WHERE local_id = ?'),
    setVideoServerId: db.prepare<[string, string]>('UPDATE outbox_videos SET server_id = ? WHERE local_id = ?'),
    deleteVideos: db.prepare<[string]>('DELETE FROM outbox_videos WHERE item_id = ?'),
  };
}
