import { describe, expect, it } from 'vitest';
import type { Post } from '../../../../common/src/api/entities.js';
import { openCache } from '../../../../main/core/cache/openCache.js';
import type { OutboxItem } from '../../../../main/core/outbox/outboxStore.js';
import { createPersonalStore } from '../../../../main/core/personal/personalStore.js';
import { decodePostCursor, encodePostCursor } from '../../../../main/core/timeline/postCursor.js';
import { createPollMemory } from '../../../../main/core/polls/pollMemory.js';
import { openReadScope } from '../../../../main/core/timeline/readScope.js';
import { feed, group, person, post } from '../../../fixtures/core/entities.js';
import { memoryLog, tempDirs, testImageUrl } from '../../../fixtures/core/harness.js';

const tempDir = tempDirs();
const at = (minute: number) => new Date(Date.UTC(2025, 5, 1, 8, minute)).toISOString();

function setUp() {
  const cache = openCache({ dataDir: tempDir(), log: memoryLog(), clock: { now: () => new Date() } });
  const personal = createPersonalStore();
  const me = person({ name: 'Anna de Vries', handle: 'anna.devries' });
  const colleague = person({ name: 'Bram Jansen', handle: 'bram.jansen' });
  const team = group({ visibility: 'private', name: 'Team 3B' });
  const f = feed();
  const shared = [0, 2, 4, 6, 8, 10].map((m) => post({ authorId: colleague.id, createdAt: at(m), body: `gedeeld ${m} #koffie`, hashtags: ['koffie'], likeCount: m === 10 ? 1 : 0 }));
  const secret = [1, 5, 9].map((m) => post({ authorId: colleague.id, groupId: team.id, createdAt: at(m), body: `team ${m}` }));
  cache.write((c) => c.applier.applyPage([f.upsert('person', me), f.upsert('person', colleague), ...shared.map((p) => f.upsert('post', p))], f.seq, null));
  personal.applyPage(
    [
      f.upsert('group', team),
      ...secret.map((p) => f.upsert('post', p)),
      f.upsert('like', { postId: shared[5]!.id, personId: me.id, createdAt: at(11) }),
    ],
    f.seq,
  );
  const base = { tenantId: 't', personId: me.id, idempotencyKey: 'k', grant: null };
  const written: OutboxItem = { ...base, seq: 1, kind: 'post', id: post().id, postId: '', payload: { body: 'net geschreven @bram.jansen #koffie', groupId: null }, images: [], videos: [], createdAt: at(7) };
  written.postId = written.id;
  const unlike: OutboxItem = { ...base, seq: 2, kind: 'like', id: 'like-1', postId: shared[5]!.id, payload: { liked: false }, createdAt: at(12) };
  const removal: OutboxItem = { ...base, seq: 3, kind: 'delete', id: 'del-1', postId: shared[1]!.id, payload: {}, createdAt: at(12) };
  const scope = (waiting: OutboxItem[]) =>
    cache.read((parts) => openReadScope({ parts, personal, me: me.id, sent: [], waiting, imageUrl: testImageUrl, polls: createPollMemory(), now: new Date() }));
  return { cache, me, colleague, team, shared, secret, written, unlike, removal, scope };
}

describe('reading the timeline over cache, private groups and the outbox', () => {
  it('pages newest first through all three, each post exactly once, without what is being deleted', () => {
    const s = setUp();
    const scope = s.scope([s.written, s.removal]);
    const seen: { id: string; delivery: string }[] = [];
    let before = null;
    for (let page = 0; page < 10; page++) {
      const found = scope.list({}, before, 3);
      seen.push(...found.slice(0, 3).map((x) => ({ id: x.post.id, delivery: x.delivery })));
      if (found.length <= 3) break;
      before = decodePostCursor(encodePostCursor(found[2]!.post));
    }
    const expected = [...s.shared.filter((p) => p !== s.shared[1]), ...s.secret]
      .map((p): Pick<Post, 'id' | 'createdAt'> => p)
      .concat({ id: s.written.id, createdAt: s.written.createdAt })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((p) => ({ id: p.id, delivery: p.id === s.written.id ? 'sending' : 'sent' }));
    expect(seen).toEqual(expected);
    s.cache.close();
  });

  it('filters by hashtag and group across the sources', () => {
    const s = setUp();
    const scope = s.scope([s.written]);
    const tagged = scope.list({ hashtag: 'koffie' }, null, 50).map((x) => x.post.id);
    const [m0, m2, m4, m6, m8, m10] = s.shared.map((p) => p.id);
    expect(tagged).toEqual([m10, m8, s.written.id, m6, m4, m2, m0]);
    expect(scope.list({ groupId: s.team.id }, null, 50).map((x) => x.post.id)).toEqual(s.secret.map((p) => p.id).reverse());
    s.cache.close();
  });

  it('shows a written post as the author’s own, with its mention resolved, and a pending unlike at once', () => {
    const s = setUp();
    const scope = s.scope([s.written, s.unlike]);
    const written = scope.view(scope.find(s.written.id)!);
    expect(written).toMatchObject({ mine: true, delivery: 'sending', author: { name: 'Anna de Vries' }, mentions: [{ personId: s.colleague.id, handle: 'bram.jansen' }], hashtags: ['koffie'] });

    const liked = s.shared[5]!;
    expect(s.scope([]).view(s.scope([]).find(liked.id)!)).toMatchObject({ likedByMe: true, likeCount: 1, likePending: false });
    expect(scope.view(scope.find(liked.id)!)).toMatchObject({ likedByMe: false, likeCount: 0, likePending: true });
    s.cache.close();
  });
});
