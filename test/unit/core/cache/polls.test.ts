import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { cacheMigrations } from '../../../../main/core/cache/migrations/index.js';
import { openCache, type Cache } from '../../../../main/core/cache/openCache.js';
import { createPollQueries } from '../../../../main/core/cache/pollQueries.js';
import { createSyncState } from '../../../../main/core/cache/syncState.js';
import { migrate } from '../../../../main/core/db/migrate.js';
import type { SyncChange } from '../../../../common/src/api/sync.js';
import { feed, group, poll, post } from '../../../fixtures/core/entities.js';
import { memoryLog, tempDirs } from '../../../fixtures/core/harness.js';

const tempDir = tempDirs();
const clock = { now: () => new Date('2025-02-01T12:00:00.000Z') };

describe('cache migration 0009 (polls)', () => {
  it('sends sync back to the start once, so polls announced before this client knew them arrive; the binding stays', () => {
    const db = new Database(':memory:');
    migrate(db, cacheMigrations.slice(0, 5));
    const state = createSyncState(db);
    state.bind({ serverUrl: 'https://intranet.example', tenantId: 'o1' });
    state.setCursor(4321);
    state.setLastSyncedAt('2025-01-31T00:00:00.000Z');

    expect(migrate(db, cacheMigrations)).toEqual({ from: 5, to: cacheMigrations.length });

    expect(createSyncState(db).cursor()).toBe(0);
    expect(createSyncState(db).binding()).toEqual({ serverUrl: 'https://intranet.example', tenantId: 'o1' });
    expect(createPollQueries(db).open(new Date(), 10)).toEqual([]);
    // Opened again, nothing is reset a second time.
    createSyncState(db).setCursor(17);
    expect(migrate(db, cacheMigrations)).toEqual({ from: cacheMigrations.length, to: cacheMigrations.length });
    expect(createSyncState(db).cursor()).toBe(17);
  });

  it('reaches a cache that ran 0010_read_states as version 6, before polls came in front of it: polls added, read states kept', () => {
    const db = new Database(':memory:');
    const readStates = cacheMigrations.find((m) => m.name === '0010_read_states')!;
    expect(migrate(db, [...cacheMigrations.slice(0, 5), { ...readStates, version: 6 }])).toEqual({ from: 0, to: 6 });
    db.prepare("INSERT INTO read_states (tag, post_id, confirmed, later_count) VALUES ('tag-1', 'post-1', 1, 0)").run();
    const state = createSyncState(db);
    state.bind({ serverUrl: 'https://intranet.example', tenantId: 'o1' });
    state.setCursor(4321);

    expect(migrate(db, cacheMigrations)).toEqual({ from: 6, to: cacheMigrations.length });

    expect(createPollQueries(db).open(new Date(), 10)).toEqual([]);
    expect(createSyncState(db).cursor()).toBe(0);
    expect(createSyncState(db).binding()).toEqual({ serverUrl: 'https://intranet.example', tenantId: 'o1' });
    expect(db.prepare('SELECT tag, confirmed FROM read_states').all()).toEqual([{ tag: 'tag-1', confirmed: 1 }]);
  });
});

describe('polls in the cache', () => {
  let cache: Cache;
  let f: ReturnType<typeof feed>;
  const apply = (...changes: SyncChange[]) => cache.write((c) => c.applier.applyPage(changes, f.seq, null));
  const open = () => cache.read((c) => c.polls.open(clock.now(), 10).map((p) => p.question));

  beforeEach(() => {
    cache = openCache({ dataDir: tempDir(), log: memoryLog(), clock });
    f = feed();
    return () => cache.close();
  });

  it('keeps each poll as the feed last sent it, and tells the views its post changed', () => {
    const { post: p, poll: q } = poll({ question: 'Welke dag?' });
    apply(f.upsert('post', p), f.upsert('poll', q));
    const counted = { ...q, voters: 3, options: q.options.map((o, i) => ({ ...o, votes: i === 0 ? 3 : 0 })) };
    const page = apply(f.upsert('poll', counted));
    expect(page.postIds).toEqual(new Set([q.id]));
    expect(cache.read((c) => c.polls.poll(q.id))).toEqual(counted);
  });

  it('lists the polls still open, newest first, by this device’s clock', () => {
    const running = poll({ question: 'Loopt nog', closesAt: '2025-02-08T00:00:00.000Z', createdAt: '2025-01-30T00:00:00.000Z' });
    const endless = poll({ question: 'Zonder einde', createdAt: '2025-01-31T00:00:00.000Z' });
    const closed = poll({ question: 'Gesloten', closesAt: '2025-02-01T11:59:00.000Z', createdAt: '2025-01-29T00:00:00.000Z' });
    for (const x of [running, endless, closed]) apply(f.upsert('post', x.post), f.upsert('poll', x.poll));
    expect(open()).toEqual(['Zonder einde', 'Loopt nog']);
  });

  it('forgets a poll with its post, and the polls of a group that is removed', () => {
    const club = group();
    const inClub = poll({ question: 'In de club' });
    const alone = poll({ question: 'Los' });
    const other = post();
    apply(f.upsert('group', club), f.upsert('post', { ...inClub.post, groupId: club.id }), f.upsert('poll', inClub.poll));
    apply(f.upsert('post', alone.post), f.upsert('poll', alone.poll), f.upsert('post', other));

    apply(f.remove('post', alone.post.id));
    expect(open()).toEqual(['In de club']);
    apply(f.remove('group', club.id));
    expect(open()).toEqual([]);
    expect(cache.read((c) => c.posts.list({}, null, 10)).map((p) => p.id)).toEqual([other.id]);
  });

  it('drops the polls when the device is bound to another organisation', () => {
    const x = poll();
    cache.write((c) => c.state.bind({ serverUrl: 'https://a.example', tenantId: 'a' }));
    apply(f.upsert('post', x.post), f.upsert('poll', x.poll));
    cache.write((c) => c.state.bind({ serverUrl: 'https://b.example', tenantId: 'b' }));
    expect(cache.read((c) => c.polls.poll(x.poll.id))).toBeNull();
  });
});
