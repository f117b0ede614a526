import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate.js';
import { outboxMigrations } from '../../../../main/core/outbox/migrations/index.js';
import { createOutboxCipher, newDataKey } from '../../../../main/core/outbox/outboxCipher.js';
import { createOutboxStore, type NewOutboxItem } from '../../../../main/core/outbox/outboxStore.js';

const at = (h: number) => new Date(Date.UTC(2025, 2, 3, h)).toISOString();
const now = new Date(at(12));

function store() {
  const db = new Database(':memory:');
  const cipher = createOutboxCipher(newDataKey());
  migrate(db, outboxMigrations(cipher));
  const s = createOutboxStore(db, cipher);
  let n = 0;
  const add = (personId: string, over: Partial<NewOutboxItem> & { grant?: { token: string; expiresAt: string } | null } = {}) => {
    const id = `item-${++n}`;
    s.add({ tenantId: 't', personId, kind: 'like', id, postId: `post-${n}`, idempotencyKey: `k${n}`, createdAt: at(1), payload: { liked: true }, ...over } as NewOutboxItem);
    return id;
  };
  return { s, add };
}

const annaGrant = { token: 'grant-anna', expiresAt: at(20) };
const anna = { tenantId: 't', personId: 'anna' };
const bram = { tenantId: 't', personId: 'bram' };

describe('which queued write goes next, and as whom', () => {
  it('sends Anna’s writes with her grant while Bram is logged in, and Bram’s grant-less ones with his session', () => {
    const { s, add } = store();
    const first = add('anna', { grant: annaGrant });
    const second = add('bram');
    expect(s.nextDeliverable(now, bram)).toMatchObject({ item: { id: first, grant: { token: 'grant-anna' } }, credential: 'grant' });
    s.remove(first);
    expect(s.nextDeliverable(now, bram)).toMatchObject({ item: { id: second }, credential: 'session' });
    expect(s.nextDeliverable(now, null)).toBeNull();
  });

  it('never sends someone’s grant-less write with another person’s session', () => {
    const { s, add } = store();
    add('anna');
    expect(s.nextDeliverable(now, bram)).toBeNull();
    expect(s.nextDeliverable(now, anna)).toMatchObject({ credential: 'session' });
  });

  it('keeps writes whose grant expired for Anna to decide, and holds back the rest of that conversation', () => {
    const { s, add } = store();
    const expired = { token: 'grant-old', expiresAt: at(11) };
    const post = add('anna', { kind: 'post', postId: 'p1', payload: { body: 'Hallo', groupId: null }, grant: expired } as Partial<NewOutboxItem>);
    const comment = add('anna', { kind: 'comment', postId: 'p1', payload: { body: 'En nog iets' }, grant: annaGrant } as Partial<NewOutboxItem>);
    const other = add('anna', { grant: annaGrant });

    expect(s.nextDeliverable(now, bram)).toMatchObject({ item: { id: other } });
    expect(s.stranded(anna, now).map((i) => i.id)).toEqual([post]);
    expect(s.stranded(bram, now)).toEqual([]);

    expect(s.regrant(anna, [post], annaGrant)).toBe(1);
    expect(s.stranded(anna, now)).toEqual([]);
    expect(s.nextDeliverable(now, null)).toMatchObject({ item: { id: post }, credential: 'grant' });
    s.remove(post);
    expect(s.nextDeliverable(now, null)).toMatchObject({ item: { id: comment } });
  });

  it('takes a refused grant out of use for every write that carries it', () => {
    const { s, add } = store();
    add('anna', { grant: annaGrant });
    add('anna', { grant: annaGrant });
    expect(s.refuseGrant('grant-anna')).toBe(2);
    expect(s.nextDeliverable(now, anna)).toBeNull();
    expect(s.stranded(anna, now)).toHaveLength(2);
  });

  it('lets only the author give her writes a new grant', () => {
    const { s, add } = store();
    const id = add('anna', { grant: { token: 'grant-old', expiresAt: at(11) } });
    expect(s.regrant(bram, [id], { token: 'grant-bram', expiresAt: at(20) })).toBe(0);
    expect(s.stranded(anna, now).map((i) => i.grant?.token)).toEqual(['grant-old']);
  });
});
