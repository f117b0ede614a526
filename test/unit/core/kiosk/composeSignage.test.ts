import { describe, expect, it } from 'vitest';
import type { Poll } from '../../../../common/src/api/entities.js';
import type { KioskSignage, PlaylistEntry } from '../../../../common/src/api/routes/kiosks.js';
import { uuidv7 } from '../../../../common/src/ids.js';
import type { PostViewModel } from '../../../../common/src/ipc/views.js';
import { composeSignage, FALLBACK_POSTS, type SignageSources } from '../../../../main/core/kiosk/composeSignage.js';

const now = new Date('2026-03-02T10:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const LOCATION = uuidv7();
const WARD_GROUP = uuidv7();

function post(body: string, over: Partial<PostViewModel> = {}): PostViewModel {
  return {
    id: uuidv7(), body, hashtags: [], mentions: [], pinned: false, likeCount: 0, commentCount: 0, createdAt: daysAgo(1), editedAt: null,
    author: { id: uuidv7(), name: 'Carla Smit', handle: 'carla', jobTitle: 'Communicatie', departmentName: null, avatarUrl: null },
    group: null, images: [], likedByMe: false, mine: false, delivery: 'sent', likePending: false, poll: null, ...over,
  };
}

function sources(posts: PostViewModel[]): SignageSources {
  const newest = [...posts].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    pinned: () => newest.filter((p) => p.pinned),
    latest: (groupIds, limit) => newest.filter((p) => p.group === null || groupIds.includes(p.group.id)).slice(0, limit),
    since: (since) => newest.filter((p) => p.createdAt >= since.toISOString()),
    readRequired: () => newest.filter((p) => p.readRequired),
    authorOf: (id) => newest.find((p) => p.id === id)?.author.name ?? null,
    departmentsAt: () => [],
    imageUrl: (id) => `/images/${id}`,
  };
}

function signage(entries: PlaylistEntry[] | null, polls: Poll[] = []): KioskSignage {
  return {
    kiosk: { id: uuidv7(), name: 'Kiosk pauzeruimte', locationId: LOCATION, locationName: 'De Linde' },
    playlist: entries && { scope: 'location', targetId: LOCATION, entries, updatedAt: daysAgo(1) },
    groupIds: [WARD_GROUP],
    polls,
    at: now.toISOString(),
  };
}

const timing = { seconds: 20, weight: 2, until: null };
const slide = (title: string, until: string | null = null): PlaylistEntry => ({ kind: 'slide', id: uuidv7(), seconds: 30, weight: 1, until, title, text: 'Tekst', imageId: null });

describe('what a kiosk plays, from its playlist', () => {
  it('expands each entry into its items, with the entry\'s time on screen and weight', () => {
    const pinned = post('Vastgezet nieuws', { pinned: true });
    const view = composeSignage(signage([{ kind: 'pinned', ...timing }, slide('Koffie')]), sources([pinned, post('Gewoon')]), now);
    expect(view.fallback).toBe(false);
    expect(view.items.map((i) => [i.kind, i.seconds, i.weight])).toEqual([
      ['post', 20, 2],
      ['slide', 30, 1],
    ]);
    expect(view.items[0]).toMatchObject({ label: 'pinned', post: { body: 'Vastgezet nieuws' } });
    expect(view).toMatchObject({ kioskName: 'Kiosk pauzeruimte', locationName: 'De Linde' });
  });

  it('shows new posts of the organisation and the location\'s groups only, at most the count asked', () => {
    const elsewhere = { id: uuidv7(), name: 'Andere locatie' };
    const posts = [post('Org 1', { createdAt: daysAgo(1) }), post('Afdeling', { group: { id: WARD_GROUP, name: '3B' }, createdAt: daysAgo(2) }), post('Elders', { group: elsewhere }), post('Org oud', { createdAt: daysAgo(9) })];
    const view = composeSignage(signage([{ kind: 'newPosts', ...timing, count: 2 }]), sources(posts), now);
    expect(view.items.map((i) => i.kind === 'post' && i.post.body)).toEqual(['Org 1', 'Afdeling']);
  });

  it('finds the most liked post of the past week, not an older favourite', () => {
    const posts = [post('Oud maar geliefd', { likeCount: 90, createdAt: daysAgo(10) }), post('Deze week', { likeCount: 12, createdAt: daysAgo(3) }), post('Ook deze week', { likeCount: 4 })];
    const view = composeSignage(signage([{ kind: 'topOfWeek', ...timing }]), sources(posts), now);
    expect(view.items).toHaveLength(1);
    expect(view.items[0]).toMatchObject({ kind: 'post', label: 'topOfWeek', post: { body: 'Deze week' } });
  });

  it('shows "lezen verplicht" posts meant for this location or everyone, not for another location', () => {
    const requirement = (audience: Partial<{ everyone: boolean; locationIds: string[] }>) => ({
      readRequired: { audience: { everyone: false, locationIds: [], departmentIds: [], groupIds: [], ...audience }, markedAt: daysAgo(1), markedBy: uuidv7(), confirmedCount: 0 },
    });
    const posts = [post('Voor iedereen', requirement({ everyone: true })), post('Voor De Linde', requirement({ locationIds: [LOCATION] })), post('Voor elders', requirement({ locationIds: [uuidv7()] }))];
    const view = composeSignage(signage([{ kind: 'readRequired', ...timing }]), sources(posts), now);
    expect(view.items.map((i) => i.kind === 'readRequired' && i.post.body).sort()).toEqual(['Voor De Linde', 'Voor iedereen']);
  });

  it('plays running polls until they close, with the author\'s name', () => {
    const question = post('Soep of salade?');
    const poll = (id: string, closesAt: string | null): Poll => ({ id, options: [{ id: uuidv7(), label: 'Soep', votes: 3 }, { id: uuidv7(), label: 'Salade', votes: 1 }], multiple: false, anonymous: false, changeable: true, showResults: 'always', closesAt, voters: 4, question: 'Soep of salade?', createdAt: daysAgo(1) });
    const closing = new Date(now.getTime() + 3600_000).toISOString();
    const view = composeSignage(signage([{ kind: 'polls', ...timing }], [poll(question.id, closing), poll(uuidv7(), daysAgo(1))]), sources([question]), now);
    expect(view.items).toHaveLength(1);
    expect(view.items[0]).toMatchObject({ kind: 'poll', authorName: 'Carla Smit', expiresAt: closing });
  });

  it('leaves out entries whose end has passed, and gives the others their end', () => {
    const later = new Date(now.getTime() + 86_400_000).toISOString();
    const view = composeSignage(signage([slide('Voorbij', daysAgo(1)), slide('Tot morgen', later)]), sources([]), now);
    expect(view.items.map((i) => [i.kind === 'slide' && i.title, i.expiresAt])).toEqual([['Tot morgen', later]]);
  });

  it('plays an item that two entries name once', () => {
    const both = post('Vast en nieuw', { pinned: true });
    const view = composeSignage(signage([{ kind: 'pinned', ...timing }, { kind: 'newPosts', ...timing, count: 5 }]), sources([both]), now);
    expect(view.items).toHaveLength(1);
  });

  it('falls back to the latest posts when the playlist has nothing to show', () => {
    const posts = Array.from({ length: 8 }, (_, i) => post(`Bericht ${i}`, { createdAt: daysAgo(i + 1) }));
    const view = composeSignage(signage([{ kind: 'pinned', ...timing }, { kind: 'polls', ...timing }]), sources(posts), now);
    expect(view.fallback).toBe(true);
    expect(view.items.map((i) => i.kind === 'post' && i.post.body)).toEqual(['Bericht 0', 'Bericht 1', 'Bericht 2', 'Bericht 3', 'Bericht 4'].slice(0, FALLBACK_POSTS));
  });

  it('plays the default playlist before any heartbeat answered (a kiosk started offline)', () => {
    const view = composeSignage(null, sources([post('Vastgezet', { pinned: true }), post('Nieuw')]), now);
    expect(view.fallback).toBe(false);
    expect(view.items.map((i) => i.kind === 'post' && i.label)).toEqual(['pinned', 'new']);
  });
  it('shows today\'s birthdays and jubilea as one card until the Amsterdam day ends, and nothing when there are none', () => {
    const today = { day: '2026-03-02', birthdays: [{ firstName: 'Anna', department: 'Afdeling 3B' }], anniversaries: [{ firstName: 'Bram', department: null, years: 12.5 }] };
    const entries: PlaylistEntry[] = [{ kind: 'celebrations', ...timing }];
    const view = composeSignage({ ...signage(entries), celebrations: today }, sources([]), now);
    expect(view.items).toEqual([expect.objectContaining({ kind: 'celebrations', birthdays: today.birthdays, anniversaries: today.anniversaries, expiresAt: '2026-03-02T23:00:00.000Z' })]);
    // Switched off (null), nobody today, or yesterday's answer from the cache: the item is skipped, not an empty card.
    for (const celebrations of [null, { ...today, birthdays: [], anniversaries: [] }, { ...today, day: '2026-03-01' }]) {
      const none = composeSignage({ ...signage([...entries, slide('Koffie')]), celebrations }, sources([]), now);
      expect(none.items.map((i) => i.kind)).toEqual(['slide']);
    }
  });
});
