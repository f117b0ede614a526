import { create } from 'zustand';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import type { ReactionKind } from '../../../../common/src/api/entities';
import type { PostViewModel } from '../../../../common/src/ipc/views';
import { registerPersonalStore } from '../../app/personalStores';
import { invoke } from '../../app/samen';
import { forgetScroll } from './scrollMemory';

/**
 * Posts are kept once, by id, and the lists hold ids: a like in the single post view or a person
 * card shows in the timeline too, and a refetch replaces each post in one place.
 */
type TimelineState = {
  byId: Record<string, PostViewModel>;
  pinnedIds: string[];
  feedIds: string[];
  hashtag: string | null;
  nextCursor: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadingMore: boolean;
  error: ClientErrorCode | null;
};

const initialState: TimelineState = {
  byId: {},
  pinnedIds: [],
  feedIds: [],
  hashtag: null,
  nextCursor: null,
  status: 'idle',
  loadingMore: false,
  error: null,
};

export const useTimeline = create<TimelineState>(() => initialState);

const PAGE = 20;
const MAX_PAGE = 100;

/** Answers to an older request (another filter, a logout) are dropped when they arrive late. */
let generation = 0;

const { getState: get, setState: set } = useTimeline;

function withPosts(posts: PostViewModel[]): Record<string, PostViewModel> {
  const byId = { ...get().byId };
  for (const post of posts) byId[post.id] = post;
  return byId;
}

export function upsertPosts(posts: PostViewModel[]): void {
  set({ byId: withPosts(posts) });
}

export function patchPost(id: string, patch: Partial<PostViewModel>): void {
  const post = get().byId[id];
  if (post) set({ byId: { ...get().byId, [id]: { ...post, ...patch } } });
}

/** Private data must not outlive a session on a shared PC. */
export function resetTimeline(): void {
  generation += 1;
  forgetScroll();
  set(initialState, true);
}
registerPersonalStore(resetTimeline);

export async function showTimeline(hashtag: string | null): Promise<void> {
  const mine = ++generation;
  forgetScroll();
  set({ hashtag, feedIds: [], pinnedIds: [], nextCursor: null, status: 'loading', error: null, loadingMore: false });
  const [page, pinned] = await Promise.all([
    invoke('timeline.list', { limit: PAGE, ...(hashtag ? { hashtag } : {}) }),
    hashtag ? null : invoke('timeline.pinned', {}),
  ]);
  if (mine !== generation) return;
  if (!page.ok) {
    set({ status: 'error', error: page.error.code });
    return;
  }
  const pinnedItems = pinned?.ok ? pinned.value.items : [];
  set({
    byId: withPosts([...pinnedItems, ...page.value.items]),
    pinnedIds: pinnedItems.map((p) => p.id),
    feedIds: page.value.items.map((p) => p.id),
    nextCursor: page.value.nextCursor,
    status: 'ready',
  });
}

export async function loadMore(): Promise<void> {
  const { nextCursor, loadingMore, hashtag, status } = get();
  if (!nextCursor || loadingMore || status !== 'ready') return;
  const mine = generation;
  set({ loadingMore: true });
  const page = await invoke('timeline.list', { limit: PAGE, cursor: nextCursor, ...(hashtag ? { hashtag } : {}) });
  if (mine !== generation) return;
  if (!page.ok) {
    set({ loadingMore: false, error: page.error.code });
    return;
  }
  const known = new Set(get().feedIds);
  set({
    byId: withPosts(page.value.items),
    feedIds: [...get().feedIds, ...page.value.items.filter((p) => !known.has(p.id)).map((p) => p.id)],
    nextCursor: page.value.nextCursor,
    loadingMore: false,
    error: null,
  });
}

/**
 * After `timeline.changed`: fetch again what is on screen, as far down as the person has scrolled,
 * and keep the ids of what lies beyond so the list does not shrink under their thumb.
 */
export async function refreshTimeline(changedIds: string[] = []): Promise<void> {
  const { status, hashtag, feedIds, byId } = get();
  if (status !== 'ready') return;
  const mine = generation;
  const limit = Math.min(MAX_PAGE, Math.max(PAGE, feedIds.length));
  const [page, pinned] = await Promise.all([
    invoke('timeline.list', { limit, ...(hashtag ? { hashtag } : {}) }),
    hashtag ? null : invoke('timeline.pinned', {}),
  ]);
  if (mine !== generation || !page.ok) return;
  const head = page.value.items;
  const headIds = new Set(head.map((p) => p.id));
  const tail = feedIds.slice(limit).filter((id) => !headIds.has(id));
  const pinnedItems = pinned?.ok ? pinned.value.items : null;
  const fetched = new Set([...headIds, ...(pinnedItems ?? []).map((p) => p.id)]);
  // Posts shown elsewhere (the single post view, a person card) and named by the event.
  const others = await Promise.all(
    changedIds.filter((id) => byId[id] && !fetched.has(id)).map((id) => invoke('post.get', { id }).then((r) => ({ id, r }))),
  );
  if (mine !== generation) return;
  const gone = new Set(others.filter(({ r }) => !r.ok && r.error.code === 'not_found').map(({ id }) => id));
  const nextById = withPosts([...(pinnedItems ?? []), ...head, ...others.flatMap(({ r }) => (r.ok ? [r.value] : []))]);
  for (const id of gone) delete nextById[id];
  set({
    byId: nextById,
    pinnedIds: pinnedItems ? pinnedItems.map((p) => p.id) : get().pinnedIds,
    feedIds: [...head.map((p) => p.id), ...tail.filter((id) => !gone.has(id))],
    nextCursor: tail.length > 0 ? get().nextCursor : page.value.nextCursor,
  });
}

/** Shows a post of one's own at once, before the next refresh brings it in order. */
export function addOwnPost(post: PostViewModel): void {
  const { hashtag, feedIds } = get();
  const belongs = !hashtag || post.hashtags.includes(hashtag);
  set({ byId: withPosts([post]), feedIds: belongs ? [post.id, ...feedIds.filter((id) => id !== post.id)] : feedIds });
}

export async function loadPost(id: string): Promise<ClientErrorCode | null> {
  const result = await invoke('post.get', { id });
  if (!result.ok) return result.error.code;
  upsertPosts([result.value]);
  return null;
}

/** Optimistic like a like: her reaction and the counts change at once, and go back if main refuses. */
export async function react(id: string, kind: ReactionKind | null): Promise<ClientErrorCode | null> {
  const before = get().byId[id];
  if (!before) return null;
  const tap = (likeTaps.get(id) ?? 0) + 1;
  likeTaps.set(id, tap);
  const reactions = { ...(before.reactions ?? { like: before.likeCount, hart: 0, applaus: 0, inzichtelijk: 0, bedankt: 0 }) };
  const had = before.likedByMe ? (before.myReaction ?? 'like') : null;
  if (had) reactions[had] = Math.max(0, reactions[had] - 1);
  if (kind) reactions[kind] += 1;
  patchPost(id, { likedByMe: kind !== null, myReaction: kind, reactions, likeCount: Object.values(reactions).reduce((a, b) => a + b, 0), likePending: true });
  const result = await invoke('post.react', { id, kind });
  if (likeTaps.get(id) !== tap) return null;
  if (result.ok) {
    upsertPosts([result.value]);
    return null;
  }
  patchPost(id, { likedByMe: before.likedByMe, myReaction: before.myReaction ?? null, reactions: before.reactions ?? reactions, likeCount: before.likeCount, likePending: false });
  return result.error.code;
}

/** Per post, the latest tap: an answer to an earlier tap that arrives late must not undo a later one. */
const likeTaps = new Map<string, number>();

/** Optimistic: the heart fills at once, and goes back with a message if main refuses. */
export async function toggleLike(id: string): Promise<ClientErrorCode | null> {
  const before = get().byId[id];
  if (!before) return null;
  const tap = (likeTaps.get(id) ?? 0) + 1;
  likeTaps.set(id, tap);
  const liked = !before.likedByMe;
  patchPost(id, { likedByMe: liked, likeCount: Math.max(0, before.likeCount + (liked ? 1 : -1)), likePending: true });
  const result = await invoke('post.like', { id, liked });
  if (likeTaps.get(id) !== tap) return null;
  if (result.ok) {
    upsertPosts([result.value]);
    return null;
  }
  patchPost(id, { likedByMe: before.likedByMe, likeCount: before.likeCount, likePending: false });
  return result.error.code;
}
