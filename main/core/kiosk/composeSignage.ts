import type { KioskSignage, PlaylistEntry } from '../../../common/src/api/routes/kiosks.js';
import type { SignageItem, SignageView } from '../../../common/src/ipc/kioskViews.js';
import type { PostViewModel } from '../../../common/src/ipc/views.js';
import { amsterdamDay, dayKey, endOfAmsterdamDay } from '../../../common/src/celebrations/dates.js';

const WEEK_MS = 7 * 24 * 3600_000;
/** When the playlist had nothing to show: this many of the latest posts, each this long. */
export const FALLBACK_POSTS = 5;
export const FALLBACK_SECONDS = 12;

/** What a kiosk plays while no editor has set a playlist for it. */
export const DEFAULT_PLAYLIST: readonly PlaylistEntry[] = [
  { kind: 'pinned', seconds: 15, weight: 2, until: null },
  { kind: 'newPosts', seconds: 12, weight: 1, until: null, count: 5 },
  { kind: 'polls', seconds: 15, weight: 2, until: null },
  { kind: 'readRequired', seconds: 15, weight: 1, until: null },
  { kind: 'topOfWeek', seconds: 12, weight: 1, until: null },
  { kind: 'celebrations', seconds: 12, weight: 1, until: null },
];

/** Where signage content comes from: the kiosk's synced cache, read as nobody (organisation-wide only). */
export interface SignageSources {
  /** Pinned posts, newest first. */
  pinned(): PostViewModel[];
  /** The newest posts outside any group and in these groups. */
  latest(groupIds: readonly string[], limit: number): PostViewModel[];
  /** Posts newer than `since`, newest first (bounded by the caller's scan). */
  since(since: Date): PostViewModel[];
  /** Posts that are "lezen verplicht" now, newest first. */
  readRequired(): PostViewModel[];
  /** The name of a poll's author (its post's), when the cache knows the post. */
  authorOf(postId: string): string | null;
  departmentsAt(locationId: string): string[];
  imageUrl(id: string): string;
}

const earliest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * Turns a kiosk's playlist into the items its screen rotates through. Each entry names a source and
 * expands to one item per post, poll or slide; an item that two entries name plays once, at the
 * first. A post shows without the names of who liked or commented: a kiosk shows counts only.
 */
export function composeSignage(signage: KioskSignage | null, src: SignageSources, now: Date): SignageView {
  const entries = signage?.playlist?.entries ?? DEFAULT_PLAYLIST;
  const locationId = signage?.kiosk.locationId ?? null;
  const groupIds = signage?.groupIds ?? [];
  const items: SignageItem[] = [];
  const seen = new Set<string>();
  const add = (item: SignageItem) => {
    if (seen.has(item.key)) return;
    seen.add(item.key);
    items.push(item);
  };

  for (const entry of entries) {
    const turn = { seconds: entry.seconds, weight: entry.weight, expiresAt: entry.until };
    if (entry.until !== null && Date.parse(entry.until) <= now.getTime()) continue;
    switch (entry.kind) {
      case 'pinned':
        for (const post of src.pinned()) add({ kind: 'post', key: `post:${post.id}`, label: 'pinned', post, ...turn });
        break;
      case 'newPosts':
        for (const post of src.latest(groupIds, entry.count)) add({ kind: 'post', key: `post:${post.id}`, label: 'new', post, ...turn });
        break;
      case 'topOfWeek': {
        const top = src
          .since(new Date(now.getTime() - WEEK_MS))
          .filter((p) => p.likeCount > 0)
          .reduce<PostViewModel | null>((best, p) => (best === null || p.likeCount > best.likeCount ? p : best), null);
        if (top) add({ kind: 'post', key: `top:${top.id}`, label: 'topOfWeek', post: top, ...turn });
        break;
      }
      case 'readRequired': {
        const departments = locationId ? new Set(src.departmentsAt(locationId)) : new Set<string>();
        for (const post of src.readRequired()) {
          const a = post.readRequired?.audience;
          const forHere = a && (a.everyone || (locationId !== null && a.locationIds.includes(locationId)) || a.departmentIds.some((d) => departments.has(d)) || a.groupIds.some((g) => groupIds.includes(g)));
          if (forHere) add({ kind: 'readRequired', key: `read:${post.id}`, post, ...turn });
        }
        break;
      }
      case 'polls':
        for (const poll of signage?.polls ?? []) {
          if (poll.closesAt !== null && Date.parse(poll.closesAt) <= now.getTime()) continue;
          add({ kind: 'poll', key: `poll:${poll.id}`, poll, authorName: src.authorOf(poll.id), ...turn, expiresAt: earliest(entry.until, poll.closesAt) });
        }
        break;
      case 'celebrations': {
        // The server's answer is for one Amsterdam day: a kiosk playing on from its cache past midnight drops it.
        const c = signage?.celebrations;
        if (!c || c.day !== dayKey(amsterdamDay(now)) || c.birthdays.length + c.anniversaries.length === 0) break;
        const endOfDay = endOfAmsterdamDay(now).toISOString();
        add({ kind: 'celebrations', key: `celebrations:${c.day}`, birthdays: c.birthdays, anniversaries: c.anniversaries, ...turn, expiresAt: earliest(entry.until, endOfDay) });
        break;
      }
      case 'slide':
        add({ kind: 'slide', key: `slide:${entry.id}`, title: entry.title, text: entry.text, imageUrl: entry.imageId ? src.imageUrl(entry.imageId) : null, ...turn });
        break;
    }
  }

  const view = { kioskName: signage?.kiosk.name ?? null, locationName: signage?.kiosk.locationName ?? null };
  if (items.length > 0) return { items, fallback: false, ...view };
  const latest = src.latest(groupIds, FALLBACK_POSTS).map((post): SignageItem => ({ kind: 'post', key: `post:${post.id}`, label: 'new', post, seconds: FALLBACK_SECONDS, weight: 1, expiresAt: null }));
  return { items: latest, fallback: true, ...view };
}
