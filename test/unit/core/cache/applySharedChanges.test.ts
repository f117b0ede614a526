import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../../main/core/cache/openCache.js';
import { comment, feed, group, person, post } from '../../../fixtures/core/entities.js';
import { dumpDatabaseFile, memoryLog, tempDirs } from '../../../fixtures/core/harness.js';
import type { SyncChange } from '../../../../common/src/api/sync.js';

const tempDir = tempDirs();
const clock = { now: () => new Date('2025-02-01T12:00:00.000Z') };

describe('applying the shared feed to the cache', () => {
  let cache: Cache;
  let f: ReturnType<typeof feed>;
  const apply = (...changes: SyncChange[]) => cache.write((c) => c.applier.applyPage(changes, f.seq, null));
  const posts = () => cache.read((c) => c.posts.list({}, null, 100));
  const tableCount = (table: string) => cache.read((c) => (c.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);

  beforeEach(() => {
    cache = openCache({ dataDir: tempDir(), log: memoryLog(), clock });
    f = feed();
    return () => cache.close();
  });

  it('replaces a post with its edited version, likes and comment count included', () => {
    const p = post({ body: 'Eerste versie #koffie', hashtags: ['koffie'] });
    apply(f.upsert('post', p));
    apply(f.upsert('post', { ...p, body: 'Tweede versie #thee', hashtags: ['thee'], likeCount: 4, editedAt: '2025-01-02T00:00:00.000Z' }));

    expect(posts()).toEqual([{ ...p, body: 'Tweede versie #thee', hashtags: ['thee'], likeCount: 4, editedAt: '2025-01-02T00:00:00.000Z' }]);
    expect(cache.read((c) => c.directory.hashtagCounts('', 10))).toEqual([{ tag: 'thee', count: 1 }]);
  });

  it('forgets a deleted post together with its comments and hashtags', () => {
    const keep = post({ hashtags: ['bhv'] });
    const gone = post({ hashtags: ['bhv'] });
    apply(f.upsert('post', keep), f.upsert('post', gone), f.upsert('comment', comment(gone.id)), f.upsert('comment', comment(keep.id)));
    expect(cache.read((c) => c.directory.hashtagCounts('bhv', 5))).toEqual([{ tag: 'bhv', count: 2 }]);

    apply(f.remove('post', gone.id));

    expect(posts().map((p) => p.id)).toEqual([keep.id]);
    expect(cache.read((c) => c.posts.comments(gone.id))).toEqual([]);
    expect(cache.read((c) => c.posts.comments(keep.id))).toHaveLength(1);
    expect(cache.read((c) => c.directory.hashtagCounts('bhv', 5))).toEqual([{ tag: 'bhv', count: 1 }]);
  });

  it('forgets a removed group together with all its posts and their comments', () => {
    const club = group();
    const inClub = post({ groupId: club.id, hashtags: ['wandelen'] });
    const elsewhere = post();
    apply(f.upsert('group', club), f.upsert('post', inClub), f.upsert('comment', comment(inClub.id)), f.upsert('post', elsewhere));

    apply(f.remove('group', club.id));

    expect(posts().map((p) => p.id)).toEqual([elsewhere.id]);
    expect(cache.read((c) => c.directory.group(club.id))).toBeNull();
    expect(tableCount('comments')).toBe(0);
    expect(cache.read((c) => c.directory.hashtagCounts('', 10))).toEqual([]);
  });

  it('forgets a group that became private, and its posts', () => {
    const club = group({ visibility: 'closed' });
    apply(f.upsert('group', club), f.upsert('post', post({ groupId: club.id })));

    apply(f.upsert('group', { ...club, visibility: 'private' }));

    expect(cache.read((c) => c.directory.group(club.id))).toBeNull();
    expect(posts()).toEqual([]);
  });

  it('never writes personal items to disk, even if the feed carries them', async () => {
    const p = post();
    const me = 'f0000000-0000-7000-8000-00000000000f';
    const privateGroup = group({ visibility: 'private', name: 'Team geheim' });
    apply(
      f.upsert('post', p),
      f.upsert('like', { postId: p.id, personId: me, createdAt: p.createdAt }),
      f.upsert('membership', { groupId: privateGroup.id, personId: me, role: 'member', showInTimeline: false, muted: false, lastVisitAt: null }),
      f.upsert('notification', { id: 'e0000000-0000-7000-8000-00000000000e', kind: 'mention', actorId: p.authorId, postId: p.id, commentId: null, createdAt: p.createdAt }),
      f.upsert('group', privateGroup),
    );
    cache.close();

    const onDisk = await dumpDatabaseFile(cache.file);
    expect(onDisk).toContain(p.id);
    expect(onDisk).not.toContain(me);
    expect(onDisk).not.toContain('e0000000-0000-7000-8000-00000000000e');
    expect(onDisk).not.toContain('Team geheim');
    cache = openCache({ dataDir: path.dirname(cache.file), log: memoryLog(), clock });
  });

  it('applies a page all or nothing: a page that fails halfway changes nothing, cursor included', () => {
    const before = post();
    apply(f.upsert('post', before));
    const cursor = f.seq;
    // The cache itself refuses what no schema should have let through: a group it may not hold.
    const broken = { ...group(), visibility: 'secret' } as unknown as ReturnType<typeof group>;

    expect(() => apply(f.upsert('post', post()), f.upsert('person', person()), f.upsert('group', broken))).toThrow(/CHECK/);

    expect(posts().map((p) => p.id)).toEqual([before.id]);
    expect(tableCount('people')).toBe(0);
    expect(cache.read((c) => c.state.cursor())).toBe(cursor);
  });

  it('records when it last caught up only with the page that completes the sync', () => {
    cache.write((c) => c.applier.applyPage([f.upsert('post', post())], f.seq, null));
    expect(cache.read((c) => c.state.lastSyncedAt())).toBeNull();
    cache.write((c) => c.applier.applyPage([f.upsert('post', post())], f.seq, clock.now().toISOString()));
    expect(cache.read((c) => c.state.lastSyncedAt())).toBe('2025-02-01T12:00:00.000Z');
  });

  it('drops everything when it is bound to another organisation', () => {
    apply(f.upsert('post', post()), f.upsert('person', person()));
    expect(cache.write((c) => c.state.bind({ serverUrl: 'https://a', tenantId: 't1' }))).toBe(false);
    expect(cache.write((c) => c.state.bind({ serverUrl: 'https://a', tenantId: 't1' }))).toBe(false);
    expect(posts()).toHaveLength(1);

    expect(cache.write((c) => c.state.bind({ serverUrl: 'https://a', tenantId: 't2' }))).toBe(true);

    expect(posts()).toEqual([]);
    expect(tableCount('people')).toBe(0);
    expect(cache.read((c) => c.state.cursor())).toBe(0);
  });
});
