import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Post } from '../../../../common/src/api/entities.js';
import type { ReadAudience } from '../../../../common/src/readConfirmations/audience.js';
import { createSharedApplier } from '../../../../main/core/cache/applySharedChanges.js';
import { cacheMigrations } from '../../../../main/core/cache/migrations/index.js';
import { createSyncState } from '../../../../main/core/cache/syncState.js';
import { migrate } from '../../../../main/core/db/migrate.js';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { myRead, pendingReads } from '../../../../main/core/readConfirmations/myRead.js';
import { createReadStateStore, readStateKey, requiredPosts } from '../../../../main/core/readConfirmations/readStateStore.js';
import type { OutboxItem } from '../../../../main/core/outbox/outboxStore.js';
import { feed, person, post } from '../../../fixtures/core/entities.js';
import { tempDirs } from '../../../fixtures/core/harness.js';

const tempDir = tempDirs();
const everyone: ReadAudience = { everyone: true, locationIds: [], departmentIds: [], groupIds: [] };
const required = (extra: Partial<Post> = {}, audience = everyone): Post =>
  post({ ...extra, readRequired: { audience, markedAt: '2025-03-01T09:00:00.000Z', markedBy: 'editor', confirmedCount: 0 } });

function cacheWith(posts: Post[]) {
  const file = path.join(tempDir(), 'cache.sqlite');
  const db = new Database(file);
  migrate(db, cacheMigrations);
  const f = feed();
  createSharedApplier(db, createSyncState(db)).applyPage(posts.map((p) => f.upsert('post', p)), f.seq, null);
  return { db, file };
}

describe('read states on a shared PC (cache migration 0010)', () => {
  it('finds only the "lezen verplicht" posts, oldest first', () => {
    const a = required({ createdAt: '2025-03-01T08:00:00.000Z' });
    const b = required({ createdAt: '2025-03-02T08:00:00.000Z' });
    const { db } = cacheWith([b, post(), a]);
    expect(requiredPosts(db).map((p) => p.id)).toEqual([a.id, b.id]);
  });

  it('keeps who read what under a key from the key store: the file names neither the person nor the post with her', () => {
    const anna = person({ name: 'Anna de Vries' });
    const p = required();
    const { db, file } = cacheWith([p]);
    const secrets = memorySecretStore();
    const states = createReadStateStore(readStateKey(secrets));
    states.put(db, anna.id, p.id, { confirmed: true, laterCount: 1 });
    expect(states.get(db, anna.id, p.id)).toEqual({ confirmed: true, laterCount: 1 });
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes(Buffer.from(anna.id))).toBe(false);

    // The same key (the next start) reads it; another key (a reset key store) finds nothing and clears the old states.
    expect(createReadStateStore(readStateKey(secrets)).get(db, anna.id, p.id)).toEqual({ confirmed: true, laterCount: 1 });
    const other = createReadStateStore(readStateKey(memorySecretStore()));
    expect(other.get(db, anna.id, p.id)).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM read_states').get()).toEqual({ n: 0 });
  });

  it('forgets states of posts that are no longer required', () => {
    const kept = required();
    const gone = required();
    const { db } = cacheWith([kept, gone]);
    const states = createReadStateStore(readStateKey(memorySecretStore()));
    states.put(db, 'anna', kept.id, { confirmed: true, laterCount: 0 });
    states.put(db, 'anna', gone.id, { confirmed: false, laterCount: 2 });
    const f = feed(10);
    createSharedApplier(db, createSyncState(db)).applyPage([f.upsert('post', { ...gone, readRequired: null })], f.seq, null);
    states.prune(db);
    expect(states.get(db, 'anna', kept.id)).not.toBeNull();
    expect(states.get(db, 'anna', gone.id)).toBeNull();
  });
});

describe('what a "lezen verplicht" post asks of her', () => {
  const anna = { active: true, departmentId: 'ward-3b', locationId: 'linde' };
  const none = { person: anna, memberOf: null, receipt: null, stored: null, pending: null, laterLimit: 3 };

  it('asks the audience and nobody else; someone who left is never asked', () => {
    expect(myRead(required({}, { ...everyone, everyone: false, departmentIds: ['ward-3b'] }), none)).toMatchObject({ state: 'owed', laterCount: 0 });
    expect(myRead(required({}, { ...everyone, everyone: false, locationIds: ['elders'] }), none)).toBeNull();
    expect(myRead(required(), { ...none, person: { ...anna, active: false } })).toBeNull();
    expect(myRead(post(), none)).toBeNull();
  });

  it('counts her in a group audience once her groups are known, or when the PC remembered she owes it', () => {
    const forGroup = required({}, { ...everyone, everyone: false, groupIds: ['valpreventie'] });
    expect(myRead(forGroup, none)).toBeNull();
    expect(myRead(forGroup, { ...none, memberOf: new Set(['valpreventie']) })).toMatchObject({ state: 'owed' });
    expect(myRead(forGroup, { ...none, stored: { confirmed: false, laterCount: 1 } })).toMatchObject({ state: 'owed', laterCount: 1 });
  });

  it('counts a confirmation from any source, and each "Later" once however many places know of it', () => {
    const p = required();
    const receipt = { postId: p.id, personId: 'anna', confirmedAt: null, laterCount: 2 };
    expect(myRead(p, { ...none, stored: { confirmed: false, laterCount: 2 }, receipt })).toMatchObject({ state: 'owed', laterCount: 2 });
    expect(myRead(p, { ...none, stored: { confirmed: true, laterCount: 2 }, receipt })).toMatchObject({ state: 'confirmed' });
    const item = (kind: 'readConfirm' | 'readLater'): OutboxItem =>
      ({ seq: 1, id: kind, tenantId: 't', personId: 'anna', postId: p.id, idempotencyKey: kind, createdAt: '', grant: null, kind, payload: {} }) as OutboxItem;
    const pending = pendingReads([item('readLater')], [item('readConfirm')]).get(p.id) ?? null;
    expect(myRead(p, { ...none, receipt, pending })).toEqual({ state: 'confirmed', laterCount: 3, laterLimit: 3, waiting: true });
  });
});
