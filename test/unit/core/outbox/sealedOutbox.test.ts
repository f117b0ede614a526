import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { createExpiredWrites } from '../../../../main/core/outbox/expiredWrites.js';
import { OUTBOX_KEY_SECRET } from '../../../../main/core/outbox/outboxKey.js';
import { OUTBOX_FILE_NAME, openOutboxStore, type NewOutboxItem } from '../../../../main/core/outbox/outboxStore.js';
import { manualTime } from '../../../fixtures/core/manualTime.js';
import { memoryLog, tempDirs } from '../../../fixtures/core/harness.js';

const tempDir = tempDirs();
const DAY = 24 * 3_600_000;
const anna = { tenantId: 't1', personId: 'anna' };
const bram = { tenantId: 't1', personId: 'bram' };

function outbox(dataDir = tempDir(), secrets = memorySecretStore()) {
  const time = manualTime();
  const log = memoryLog();
  const store = openOutboxStore({ dataDir, secrets, log, clock: time.clock });
  let n = 0;
  const add = (who: typeof anna, over: Partial<NewOutboxItem> = {}) => {
    const id = `item-${++n}`;
    store.add({ ...who, kind: 'post', id, postId: id, idempotencyKey: `k${n}`, createdAt: new Date(time.now).toISOString(), payload: { body: `Bericht ${n}`, groupId: null }, ...over } as NewOutboxItem);
    return id;
  };
  return { store, add, time, log, dataDir, secrets };
}

describe('an outbox whose key is gone (the key store was reset)', () => {
  it('opens empty without crashing, and tells each author what of hers was not sent', () => {
    const first = outbox();
    const grant = { token: 'grant-anna', expiresAt: new Date(first.time.now + DAY).toISOString() };
    first.add(anna, { grant });
    first.add(anna, { kind: 'comment', postId: 'p9', payload: { body: 'Ik kom!' }, grant } as Partial<NewOutboxItem>);
    first.add(bram, { kind: 'like', postId: 'p9', payload: { liked: true } } as Partial<NewOutboxItem>);
    first.store.close();
    first.secrets.delete(OUTBOX_KEY_SECRET);

    const again = outbox(first.dataDir, first.secrets);
    expect(again.store.list('t1', 'anna')).toEqual([]);
    expect(again.store.list('t1', 'bram')).toEqual([]);
    expect(again.store.dropped(anna)).toEqual([
      { id: 'item-1', kind: 'post', createdAt: expect.any(String) },
      { id: 'item-2', kind: 'comment', createdAt: expect.any(String) },
    ]);
    expect(again.store.dropped(bram)).toEqual([{ id: 'item-3', kind: 'like', createdAt: expect.any(String) }]);
    expect(again.log.lines.some((l) => l.level === 'warn' && /key that is gone/.test(l.message))).toBe(true);

    // The new key works, and is kept for the next start.
    const id = again.add(anna);
    again.store.close();
    const third = outbox(first.dataDir, first.secrets);
    expect(third.store.list('t1', 'anna').map((i) => i.id)).toEqual([id]);
    expect(third.store.dropped(anna)).toHaveLength(2);
  });

  it('keeps the told notices until their author has seen them, and only she can dismiss them', () => {
    const first = outbox();
    first.add(anna);
    first.store.close();
    first.secrets.delete(OUTBOX_KEY_SECRET);
    const { store } = outbox(first.dataDir, first.secrets);
    const [notice] = store.dropped(anna);
    expect(store.dismissDropped(bram, [notice!.id])).toBe(0);
    expect(store.dismissDropped(anna, [notice!.id])).toBe(1);
    expect(store.dropped(anna)).toEqual([]);
  });
});

describe('a damaged outbox file', () => {
  it('is deleted with its -wal and -shm, not kept beside the new one', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, OUTBOX_FILE_NAME);
    writeFileSync(file, 'Geen database: overdracht van mevrouw Jansen, kamer 4.'.repeat(200));
    writeFileSync(`${file}-wal`, 'rest van de overdracht van mevrouw Jansen');
    const { store, add, log } = outbox(dataDir);
    add(anna);
    expect(store.list('t1', 'anna')).toHaveLength(1);
    expect(readdirSync(dataDir).filter((name) => name.includes('corrupt'))).toEqual([]);
    for (const name of readdirSync(dataDir)) expect(readFileSync(path.join(dataDir, name)).includes(Buffer.from('mevrouw Jansen'))).toBe(false);
    expect(log.lines.some((l) => /deleted and starting fresh/.test(l.message))).toBe(true);
  });
});

describe('a sealed write', () => {
  it('does not open in another row: a swapped body is dropped with a notice, not sent as someone else’s', () => {
    const { store, add, dataDir } = outbox();
    const mine = add(anna);
    const theirs = add(bram);
    const db = new Database(path.join(dataDir, OUTBOX_FILE_NAME));
    const sealed = (id: string) => (db.prepare('SELECT sealed_payload FROM outbox WHERE id = ?').get(id) as { sealed_payload: Buffer }).sealed_payload;
    db.prepare('UPDATE outbox SET sealed_payload = ? WHERE id = ?').run(sealed(mine), theirs);
    db.close();
    expect(store.list('t1', 'bram')).toEqual([]);
    expect(store.dropped(bram)).toMatchObject([{ id: theirs, kind: 'post' }]);
    expect(store.list('t1', 'anna').map((i) => i.id)).toEqual([mine]);
  });
});

describe('writes whose grant expired', () => {
  it('wait seven days for their author, then are dropped unsent with a notice; grant-less writes are never dropped', () => {
    const { store, add, time, log } = outbox();
    const expiresAt = new Date(time.now + DAY).toISOString();
    const stale = add(anna, { grant: { token: 'grant-anna', expiresAt } });
    const later = add(anna, { grant: { token: 'grant-anna-2', expiresAt: new Date(time.now + 3 * DAY).toISOString() } });
    const workstation = add(bram);
    const dropped: number[] = [];
    const expired = createExpiredWrites({ store, clock: time.clock, keepMs: 7 * DAY, log, timers: time.timers, onDropped: (n) => dropped.push(n) });

    expired.sweep();
    time.advance(DAY + 7 * DAY - 60_000);
    expect(store.list('t1', 'anna').map((i) => i.id)).toEqual([stale, later]);
    expect(store.stranded(anna, time.clock.now()).map((i) => i.id)).toEqual([stale, later]);

    time.advance(2 * 60_000);
    expect(store.list('t1', 'anna').map((i) => i.id)).toEqual([later]);
    expect(store.dropped(anna)).toEqual([{ id: stale, kind: 'post', createdAt: new Date(Date.UTC(2025, 2, 3, 8)).toISOString() }]);
    expect(dropped).toEqual([1]);

    time.advance(30 * DAY);
    expect(store.list('t1', 'anna')).toEqual([]);
    expect(store.list('t1', 'bram').map((i) => i.id)).toEqual([workstation]);
    expect(time.pendingTimers()).toBe(0);
    expired.stop();
  });
});
