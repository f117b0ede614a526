import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate.js';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { outboxMigrations } from '../../../../main/core/outbox/migrations/index.js';
import { widenOutboxKinds } from '../../../../main/core/outbox/migrations/widenOutboxKinds.js';
import { createOutboxCipher, newDataKey } from '../../../../main/core/outbox/outboxCipher.js';
import { createOutboxStore, OUTBOX_FILE_NAME, openOutboxStore } from '../../../../main/core/outbox/outboxStore.js';
import { manualTime } from '../../../fixtures/core/manualTime.js';
import { memoryLog, tempDirs } from '../../../fixtures/core/harness.js';

const tempDir = tempDirs();
const cipher = createOutboxCipher(newDataKey());
const base = { tenantId: 't1', personId: 'p1', createdAt: '2025-01-01T00:00:00.000Z' };

describe('outbox migration 0001', () => {
  it('creates an outbox that keeps waiting writes and their images across reopening', () => {
    const file = path.join(tempDir(), OUTBOX_FILE_NAME);
    let db = new Database(file);
    migrate(db, outboxMigrations(cipher));
    createOutboxStore(db, cipher).add(
      { ...base, kind: 'post', id: 'post-1', postId: 'post-1', idempotencyKey: 'k1', payload: { body: 'Hallo', groupId: null } },
      [{ localId: 'img-1', mime: 'image/png', width: 4, height: 3, bytes: new Uint8Array([1, 2, 3]) }],
    );
    createOutboxStore(db, cipher).add({ ...base, kind: 'like', id: 'like-1', postId: 'post-1', idempotencyKey: 'k2', payload: { liked: true } });
    db.close();

    db = new Database(file);
    const latest = outboxMigrations(cipher).at(-1)!.version;
    expect(migrate(db, outboxMigrations(cipher))).toEqual({ from: latest, to: latest });
    const store = createOutboxStore(db, cipher);
    const items = store.list('t1', 'p1');
    expect(items.map((i) => [i.kind, i.id])).toEqual([
      ['post', 'post-1'],
      ['like', 'like-1'],
    ]);
    expect(items[0]).toMatchObject({ kind: 'post', payload: { body: 'Hallo' }, images: [{ localId: 'img-1', width: 4, height: 3, serverId: null }] });
    expect(store.imageBytes('img-1')?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(store.list('t1', 'someone-else')).toEqual([]);
    db.close();
  });
});

describe('outbox migration 0002', () => {
  it('keeps writes queued before it as grant-less writes, sent with their author’s session', () => {
    const db = new Database(':memory:');
    migrate(db, outboxMigrations(cipher).slice(0, 1));
    db.prepare(
      `INSERT INTO outbox (id, tenant_id, person_id, kind, post_id, payload, idempotency_key, created_at) VALUES ('like-1', 't1', 'p1', 'like', 'post-1', '{"liked":true}', 'k1', '2025-01-01T00:00:00.000Z')`,
    ).run();
    expect(migrate(db, outboxMigrations(cipher))).toEqual({ from: 1, to: outboxMigrations(cipher).at(-1)!.version });
    const store = createOutboxStore(db, cipher);
    expect(store.list('t1', 'p1')).toMatchObject([{ id: 'like-1', grant: null }]);
    expect(store.nextDeliverable(new Date(), { tenantId: 't1', personId: 'p1' })).toMatchObject({ credential: 'session' });
    store.add({ ...base, kind: 'like', id: 'like-2', postId: 'post-2', idempotencyKey: 'k2', payload: { liked: true }, grant: { token: 'g', expiresAt: '2099-01-01T00:00:00.000Z' } });
    expect(store.list('t1', 'p1')[1]).toMatchObject({ grant: { token: 'g', expiresAt: '2099-01-01T00:00:00.000Z', refused: false } });
  });
});

describe('outbox migration 0003', () => {
  const body = 'Overdracht 3B: mevrouw Jansen (kamer 4) krijgt vanaf vandaag sondevoeding.';
  const grant = 'grant-9f2c1e7a-anna-3b-pc1';
  const photo = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 17) % 251));

  /** A version-2 outbox file as a ward PC has it today: two of Anna's writes, in plain text. */
  function plainOutbox(dataDir: string) {
    const db = new Database(path.join(dataDir, OUTBOX_FILE_NAME));
    db.pragma('journal_mode = WAL');
    db.pragma('secure_delete = ON');
    migrate(db, outboxMigrations(cipher).slice(0, 2));
    const insert = db.prepare(
      `INSERT INTO outbox (id, tenant_id, person_id, kind, post_id, payload, idempotency_key, created_at, grant_token, grant_expires_at)
       VALUES (?, 't1', 'anna', ?, 'post-1', ?, ?, '2025-03-03T08:00:00.000Z', ?, '2099-01-01T00:00:00.000Z')`,
    );
    insert.run('post-1', 'post', JSON.stringify({ body, groupId: 'g-3b' }), 'k1', grant);
    insert.run('comment-1', 'comment', JSON.stringify({ body: `${body} (aanvulling)` }), 'k2', grant);
    db.prepare(`INSERT INTO outbox_images (item_id, position, local_id, mime, width, height, bytes) VALUES ('post-1', 0, 'img-1', 'image/png', 64, 64, ?)`).run(photo);
    db.close();
  }

  const holding = (dataDir: string) =>
    readdirSync(dataDir).flatMap((name) => {
      const bytes = readFileSync(path.join(dataDir, name));
      const found = [
        bytes.includes(Buffer.from('mevrouw Jansen')) && 'the body',
        bytes.includes(Buffer.from(grant)) && 'the grant',
        bytes.includes(photo.subarray(1000, 1064)) && 'the photo',
      ].filter((x): x is string => x !== false);
      return found.map((what) => `${name} holds ${what}`);
    });

  it('seals the writes already waiting, in place: they are delivered as before, and none of them is readable in the file', () => {
    const dataDir = tempDir();
    plainOutbox(dataDir);
    expect(holding(dataDir)).not.toEqual([]);
    const secrets = memorySecretStore();
    const time = manualTime();

    const store = openOutboxStore({ dataDir, secrets, log: memoryLog(), clock: time.clock });
    expect(store.list('t1', 'anna')).toMatchObject([
      { id: 'post-1', kind: 'post', payload: { body, groupId: 'g-3b' }, grant: { token: grant, refused: false }, images: [{ localId: 'img-1' }] },
      { id: 'comment-1', kind: 'comment', payload: { body: `${body} (aanvulling)` }, grant: { token: grant } },
    ]);
    expect(Buffer.from(store.imageBytes('img-1')!.bytes)).toEqual(photo);
    expect(holding(dataDir)).toEqual([]);
    store.close();
    expect(holding(dataDir)).toEqual([]);

    const reopened = openOutboxStore({ dataDir, secrets, log: memoryLog(), clock: time.clock });
    expect(reopened.nextDeliverable(new Date('2025-03-03T09:00:00.000Z'), null)).toMatchObject({ item: { id: 'post-1' }, credential: 'grant' });
    reopened.close();
  });

  it('deletes damaged outbox files that earlier versions renamed and kept', () => {
    const dataDir = tempDir();
    plainOutbox(dataDir);
    const kept = `${OUTBOX_FILE_NAME}.corrupt-2025-01-01T00-00-00-000Z`;
    writeFileSync(path.join(dataDir, kept), `SQLite format 3 … ${body}`);
    openOutboxStore({ dataDir, secrets: memorySecretStore(), log: memoryLog(), clock: manualTime().clock }).close();
    expect(readdirSync(dataDir)).not.toContain(kept);
    expect(holding(dataDir)).toEqual([]);
  });
});

describe('outbox migration 0004', () => {
  it('keeps what was waiting, and takes a favourite and a “Was dit nuttig?” answer besides', () => {
    const db = new Database(':memory:');
    migrate(db, outboxMigrations(cipher).slice(0, 3));
    createOutboxStore(db, cipher).add({ ...base, kind: 'like', id: 'like-1', postId: 'post-1', idempotencyKey: 'k1', payload: { liked: true } });
    expect(() => db.prepare(`INSERT INTO outbox (id, tenant_id, person_id, kind, post_id, sealed_payload, idempotency_key, created_at) VALUES ('x', 't1', 'p1', 'favourite', 'page-1', x'00', 'k', '')`).run()).toThrow(/CHECK/);

    expect(migrate(db, outboxMigrations(cipher).slice(0, 4))).toEqual({ from: 3, to: 4 });

    const store = createOutboxStore(db, cipher);
    store.add({ ...base, kind: 'favourite', id: 'fav-1', postId: 'page-1', idempotencyKey: 'k2', payload: { favourite: true } });
    store.add({ ...base, kind: 'feedback', id: 'fb-1', postId: 'page-1', idempotencyKey: 'k3', payload: { helpful: false, comment: 'Verouderd' } });
    expect(store.list('t1', 'p1').map((i) => [i.kind, i.payload])).toEqual([
      ['like', { liked: true }],
      ['favourite', { favourite: true }],
      ['feedback', { helpful: false, comment: 'Verouderd' }],
    ]);
    // The indexes came back with the table: delivery order per person is still read from one.
    const indexes = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL ORDER BY name").all();
    expect(indexes.map((i) => i.name)).toEqual(['outbox_by_person', 'outbox_by_post']);
    expect(() => db.prepare(`INSERT INTO outbox (id, tenant_id, person_id, kind, post_id, sealed_payload, idempotency_key, created_at) VALUES ('y', 't1', 'p1', 'vote', 'p', x'00', 'k', '')`).run()).toThrow(/CHECK/);
  });
});

describe('outbox migration 0005', () => {
  it('keeps what was waiting, and takes joining, asking to join and leaving a group besides', () => {
    const db = new Database(':memory:');
    migrate(db, outboxMigrations(cipher).slice(0, 4));
    createOutboxStore(db, cipher).add({ ...base, kind: 'favourite', id: 'fav-1', postId: 'page-1', idempotencyKey: 'k1', payload: { favourite: true } });
    expect(() => db.prepare(`INSERT INTO outbox (id, tenant_id, person_id, kind, post_id, sealed_payload, idempotency_key, created_at) VALUES ('x', 't1', 'p1', 'join', 'group-1', x'00', 'k', '')`).run()).toThrow(/CHECK/);

    expect(migrate(db, outboxMigrations(cipher).slice(0, 5))).toEqual({ from: 4, to: 5 });

    const store = createOutboxStore(db, cipher);
    store.add({ ...base, kind: 'join', id: 'join-1', postId: 'group-1', idempotencyKey: 'k2', payload: { name: 'Fietsclub' } });
    store.add({ ...base, kind: 'request', id: 'request-1', postId: 'group-2', idempotencyKey: 'k3', payload: { name: 'Koor' } });
    store.add({ ...base, kind: 'leave', id: 'leave-1', postId: 'group-3', idempotencyKey: 'k4', payload: { name: 'Team 3B' } });
    expect(store.list('t1', 'p1').map((i) => [i.kind, i.postId, i.payload])).toEqual([
      ['favourite', 'page-1', { favourite: true }],
      ['join', 'group-1', { name: 'Fietsclub' }],
      ['request', 'group-2', { name: 'Koor' }],
      ['leave', 'group-3', { name: 'Team 3B' }],
    ]);
    const indexes = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL ORDER BY name").all();
    expect(indexes.map((i) => i.name)).toEqual(['outbox_by_person', 'outbox_by_post']);
    // The group's name is sealed like a post's body: a shared PC's file does not say which groups she left.
    expect(db.prepare<[], { sealed_payload: Buffer }>("SELECT sealed_payload FROM outbox WHERE id = 'leave-1'").get()!.sealed_payload.toString('latin1')).not.toContain('Team 3B');
  });
});

describe('outbox migration 0006', () => {
  it('keeps what was waiting, and takes asking a poll and voting besides, the choice sealed', () => {
    const db = new Database(':memory:');
    migrate(db, outboxMigrations(cipher).slice(0, 5));
    createOutboxStore(db, cipher).add({ ...base, kind: 'join', id: 'join-1', postId: 'group-1', idempotencyKey: 'k1', payload: { name: 'Fietsclub' } });
    expect(() => db.prepare(`INSERT INTO outbox (id, tenant_id, person_id, kind, post_id, sealed_payload, idempotency_key, created_at) VALUES ('x', 't1', 'p1', 'vote', 'poll-1', x'00', 'k', '')`).run()).toThrow(/CHECK/);

    expect(migrate(db, outboxMigrations(cipher).slice(0, 6))).toEqual({ from: 5, to: 6 });

    const store = createOutboxStore(db, cipher);
    const draft = { question: 'Welke dag?', options: ['Dinsdag', 'Donderdag'], multiple: false, anonymous: true, showResults: 'after_vote' as const, closesAt: null, groupId: 'group-1' };
    store.add({ ...base, kind: 'poll', id: 'poll-1', postId: 'poll-1', idempotencyKey: 'k2', payload: draft });
    store.add({ ...base, kind: 'vote', id: 'vote-1', postId: 'poll-2', idempotencyKey: 'k3', payload: { optionIds: ['optie-nee'] } });
    expect(store.list('t1', 'p1').map((i) => [i.kind, i.postId, i.payload])).toEqual([
      ['join', 'group-1', { name: 'Fietsclub' }],
      ['poll', 'poll-1', draft],
      ['vote', 'poll-2', { optionIds: ['optie-nee'] }],
    ]);
    const indexes = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL ORDER BY name").all();
    expect(indexes.map((i) => i.name)).toEqual(['outbox_by_person', 'outbox_by_post']);
    // In an anonymous poll the waiting vote is the one place her choice exists: sealed, never readable in the file.
    expect(db.prepare<[], { sealed_payload: Buffer }>("SELECT sealed_payload FROM outbox WHERE id = 'vote-1'").get()!.sealed_payload.toString('latin1')).not.toContain('optie-nee');
  });
});

describe('outbox migration 0007', () => {
  it('lets "Gelezen", "Later" and "lezen verplicht" wait in the outbox, keeping what waited before', () => {
    const db = new Database(':memory:');
    const all = outboxMigrations(cipher);
    const at = all.findIndex((m) => m.name === '0007_read_writes');
    migrate(db, all.slice(0, at));
    const store = createOutboxStore(db, cipher);
    store.add({ ...base, kind: 'like', id: 'like-1', postId: 'post-1', idempotencyKey: 'k1', payload: { liked: true } });
    expect(() => store.add({ ...base, kind: 'readConfirm', id: 'read-0', postId: 'post-1', idempotencyKey: 'k0', payload: {} })).toThrow();
    migrate(db, all);
    const after = createOutboxStore(db, cipher);
    after.add({ ...base, kind: 'readConfirm', id: 'read-1', postId: 'post-1', idempotencyKey: 'k2', payload: {} });
    after.add({ ...base, kind: 'readLater', id: 'read-2', postId: 'post-2', idempotencyKey: 'k3', payload: {} });
    after.add({ ...base, kind: 'readRequire', id: 'read-3', postId: 'post-3', idempotencyKey: 'k4', payload: { audience: { everyone: true, locationIds: [], departmentIds: [], groupIds: [] } } });
    expect(after.list('t1', 'p1').map((i) => i.kind)).toEqual(['like', 'readConfirm', 'readLater', 'readRequire']);
  });

  it('adds its kinds to whatever list an earlier step left, so other kinds stay allowed', () => {
    const db = new Database(':memory:');
    const all = outboxMigrations(cipher);
    const at = all.findIndex((m) => m.name === '0007_read_writes');
    migrate(db, all.slice(0, at));
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'outbox'").get()!.sql;
    expect(table).toContain("'leave', 'poll', 'vote')");
    db.exec(`DROP TABLE outbox; ${table.replace("'vote')", "'vote', 'kudos')")}`);
    all[at]!.up(db);
    const sql = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'outbox'").get()!.sql;
    expect(sql).toContain("'poll', 'vote', 'kudos', 'readRequire', 'readConfirm', 'readLater'");
  });

  it('gives an outbox that ran it as version 6, before polls came in front of it, the poll kinds too, keeping what waited', () => {
    const db = new Database(':memory:');
    const all = outboxMigrations(cipher);
    const at = all.findIndex((m) => m.name === '0007_read_writes');
    // The step as main shipped it then: the read kinds added to the list 0005 left.
    const shippedAsSix = {
      version: 6,
      name: '0007_read_writes',
      up: (d: Database.Database) =>
        widenOutboxKinds(
          d,
          "CHECK (kind IN ('post', 'comment', 'like', 'delete', 'favourite', 'feedback', 'join', 'request', 'leave'))",
          "CHECK (kind IN ('post', 'comment', 'like', 'delete', 'favourite', 'feedback', 'join', 'request', 'leave', 'readRequire', 'readConfirm', 'readLater'))",
        ),
    };
    // Everything before the polls step (which sits just in front of it now), then the step as it shipped.
    expect(migrate(db, [...all.slice(0, at - 1), shippedAsSix])).toEqual({ from: 0, to: 6 });
    const before = createOutboxStore(db, cipher);
    before.add({ ...base, kind: 'readConfirm', id: 'read-1', postId: 'post-1', idempotencyKey: 'k1', payload: {} });
    expect(() => before.add({ ...base, kind: 'vote', id: 'vote-0', postId: 'poll-1', idempotencyKey: 'k0', payload: { optionIds: ['ja'] } })).toThrow();

    expect(migrate(db, all.slice(0, at + 1))).toEqual({ from: 6, to: 7 });
    const after = createOutboxStore(db, cipher);
    after.add({ ...base, kind: 'vote', id: 'vote-1', postId: 'poll-1', idempotencyKey: 'k2', payload: { optionIds: ['ja'] } });
    after.add({ ...base, kind: 'readLater', id: 'read-2', postId: 'post-2', idempotencyKey: 'k3', payload: {} });
    expect(after.list('t1', 'p1').map((i) => i.kind)).toEqual(['readConfirm', 'vote', 'readLater']);
  });

  it('lets reports and moderators’ decisions wait in the outbox, the note sealed, keeping what waited and any kind an earlier step added', () => {
    const db = new Database(':memory:');
    const all = outboxMigrations(cipher);
    const at = all.findIndex((m) => m.name === '0008_moderation_writes');
    migrate(db, all.slice(0, at));
    const store = createOutboxStore(db, cipher);
    store.add({ ...base, kind: 'readConfirm', id: 'read-1', postId: 'post-1', idempotencyKey: 'k1', payload: {} });
    const report = { itemKind: 'post' as const, reason: 'privacy' as const, note: 'Naam van een bewoner' };
    expect(() => store.add({ ...base, kind: 'report', id: 'report-0', postId: 'post-1', idempotencyKey: 'k0', payload: report })).toThrow();
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'outbox'").get()!.sql;
    db.exec(`CREATE TABLE kept AS SELECT * FROM outbox; DROP TABLE outbox; ${table.replace("'readLater')", "'readLater', 'kudos')")}; INSERT INTO outbox SELECT * FROM kept; DROP TABLE kept;`);
    expect(migrate(db, all.slice(0, at + 1))).toEqual({ from: 7, to: 8 });
    const after = createOutboxStore(db, cipher);
    after.add({ ...base, kind: 'report', id: 'report-1', postId: 'post-2', idempotencyKey: 'k2', payload: report });
    after.add({ ...base, kind: 'moderate', id: 'mod-1', postId: 'post-3', idempotencyKey: 'k3', payload: { action: 'hide', itemKind: 'comment', reason: 'Kwetsend' } });
    expect(after.list('t1', 'p1').map((i) => i.kind)).toEqual(['readConfirm', 'report', 'moderate']);
    expect(after.list('t1', 'p1')[1]!.payload).toEqual(report);
    expect(db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'outbox'").get()!.sql).toContain("'kudos'");
    const raw = db.prepare<[], { sealed_payload: Buffer }>("SELECT sealed_payload FROM outbox WHERE id = 'report-1'").get()!;
    expect(raw.sealed_payload.toString('latin1')).not.toContain('bewoner');
  });
});

describe('outbox migration 0010', () => {
  it('lets a coach’s note or decision and a reviewed post wait in the outbox, from an outbox at 9', () => {
    const db = new Database(':memory:');
    const all = outboxMigrations(cipher);
    const at = all.findIndex((m) => m.name === '0010_review_writes');
    expect(migrate(db, all.slice(0, at))).toEqual({ from: 0, to: 9 });
    const before = createOutboxStore(db, cipher);
    before.add({ ...base, kind: 'readConfirm', id: 'read-1', postId: 'post-1', idempotencyKey: 'k1', payload: {} });
    expect(() => before.add({ ...base, kind: 'reviewPublish', id: 'rev-0', postId: 'draft-1', idempotencyKey: 'k0', payload: { body: 'Klaar' } })).toThrow();
    expect(migrate(db, all.slice(0, at + 1))).toEqual({ from: 9, to: 10 });
    const after = createOutboxStore(db, cipher);
    after.add({ ...base, kind: 'reviewNote', id: 'rev-1', postId: 'draft-1', idempotencyKey: 'k2', payload: { noteId: 'n1', note: 'suggestion', body: 'Beter zo' } });
    after.add({ ...base, kind: 'reviewDecide', id: 'rev-2', postId: 'draft-1', idempotencyKey: 'k3', payload: { approve: true, comment: null } });
    after.add({ ...base, kind: 'reviewPublish', id: 'rev-3', postId: 'draft-1', idempotencyKey: 'k4', payload: { body: 'Beter zo' } });
    expect(after.list('t1', 'p1').map((i) => i.kind)).toEqual(['readConfirm', 'reviewNote', 'reviewDecide', 'reviewPublish']);
    // The suggested text is sealed like a post's body.
    expect(db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE CAST(sealed_payload AS TEXT) LIKE '%Beter zo%'").get()!.n).toBe(0);
  });

  it('adds its kinds to whatever list an earlier step left, so kinds of work merged beside it stay allowed', () => {
    const db = new Database(':memory:');
    const all = outboxMigrations(cipher);
    const at = all.findIndex((m) => m.name === '0010_review_writes');
    migrate(db, all.slice(0, at));
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'outbox'").get()!.sql;
    // The end of the list of kinds, whichever kind is last: one more kind made by work merged beside it.
    db.exec(`DROP TABLE outbox; ${table.replace("'))", "', 'kudos'))")}`);
    all[at]!.up(db);
    const sql = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'outbox'").get()!.sql;
    expect(sql).toContain("'kudos', 'reviewNote', 'reviewDecide', 'reviewPublish'");
  });
});

describe('outbox migration 0011', () => {
  it('keeps a post that waited, and lets a post wait with its video sealed, served back only by its local id', () => {
    const db = new Database(':memory:');
    const all = outboxMigrations(cipher);
    const at = all.findIndex((m) => m.name === '0011_video_writes');
    migrate(db, all.slice(0, at));
    createOutboxStore(db, cipher).add({ ...base, kind: 'comment', id: 'c-1', postId: 'post-1', idempotencyKey: 'k1', payload: { body: 'Mooi' } });
    expect(migrate(db, all.slice(0, at + 1))).toEqual({ from: 10, to: 11 });

    const store = createOutboxStore(db, cipher);
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from('beelden van de dagbesteding')]));
    store.add({ ...base, kind: 'post', id: 'post-2', postId: 'post-2', idempotencyKey: 'k2', payload: { body: 'Met video', groupId: null, photoConsent: true } }, [], [{ localId: 'v-1', mime: 'video/mp4', bytes }]);
    const post = store.list('t1', 'p1').find((i) => i.kind === 'post');
    expect(post && post.kind === 'post' ? post.videos : null).toEqual([{ localId: 'v-1', mime: 'video/mp4', serverId: null }]);
    expect(store.videoBytes('v-1')).toEqual({ bytes, mime: 'video/mp4' });
    expect(db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox_videos WHERE CAST(sealed_bytes AS TEXT) LIKE '%dagbesteding%'").get()!.n).toBe(0);

    store.setVideoServerId('v-1', 'server-video');
    const again = store.list('t1', 'p1').find((i) => i.kind === 'post');
    expect(again && again.kind === 'post' ? again.videos[0]!.serverId : null).toBe('server-video');
    store.remove('post-2');
    expect(store.videoBytes('v-1')).toBeNull();
  });
});

describe('outbox migration 0012', () => {
  it('lets her answer to the tour, a restart for a colleague and marking an ambassador wait in the outbox, from an outbox at 11', () => {
    const db = new Database(':memory:');
    const all = outboxMigrations(cipher);
    const at = all.findIndex((m) => m.name === '0012_ambassador_writes');
    expect(migrate(db, all.slice(0, at))).toEqual({ from: 0, to: 11 });
    const before = createOutboxStore(db, cipher);
    before.add({ ...base, kind: 'readConfirm', id: 'read-1', postId: 'post-1', idempotencyKey: 'k1', payload: {} });
    expect(() => before.add({ ...base, kind: 'tourDone', id: 'tour-0', postId: 'p1', idempotencyKey: 'k0', payload: { outcome: 'done' } })).toThrow();
    expect(migrate(db, all)).toEqual({ from: 11, to: 12 });
    const after = createOutboxStore(db, cipher);
    after.add({ ...base, kind: 'tourDone', id: 'tour-1', postId: 'p1', idempotencyKey: 'k2', payload: { outcome: 'skipped' } });
    after.add({ ...base, kind: 'tourRestart', id: 'tour-2', postId: 'p2', idempotencyKey: 'k3', payload: { name: 'Bram Jansen' } });
    after.add({ ...base, kind: 'ambassadorMark', id: 'amb-1', postId: 'p2', idempotencyKey: 'k4', payload: { ambassador: true, line: 'Vraag mij over: roosters', name: 'Bram Jansen' } });
    expect(after.list('t1', 'p1').map((i) => i.kind)).toEqual(['readConfirm', 'tourDone', 'tourRestart', 'ambassadorMark']);
    // Her line and his name are sealed like a post's body.
    expect(db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE CAST(sealed_payload AS TEXT) LIKE '%roosters%' OR CAST(sealed_payload AS TEXT) LIKE '%Bram%'").get()!.n).toBe(0);
  });

  it('adds its kinds to whatever list an earlier step left, so kinds of work merged beside it stay allowed', () => {
    const db = new Database(':memory:');
    const all = outboxMigrations(cipher);
    const at = all.findIndex((m) => m.name === '0012_ambassador_writes');
    migrate(db, all.slice(0, at));
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'outbox'").get()!.sql;
    db.exec(`DROP TABLE outbox; ${table.replace("'))", "', 'kudos'))")}`);
    all[at]!.up(db);
    const sql = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'outbox'").get()!.sql;
    expect(sql).toContain("'kudos', 'tourDone', 'tourRestart', 'ambassadorMark'");
  });
});
