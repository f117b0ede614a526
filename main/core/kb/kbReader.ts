import type { Cache, CacheParts } from '../cache/openCache.js';
import type { DeliveredOverlay } from '../outbox/deliveredOverlay.js';
import type { OutboxItem, OutboxStore } from '../outbox/outboxStore.js';
import { nobodysPersonalView, type PersonalStore, type PersonalView } from '../personal/personalStore.js';
import type { ActiveSession } from '../session/sessionManager.js';
import { noPendingKbWrites, type OwnKbState } from './kbViews.js';

export type KbReader = <T>(work: (parts: CacheParts, personal: PersonalView, own: OwnKbState) => T) => T;

/**
 * Her favourites and answers as they will be once sent: confirmed-but-unsynced ones, then waiting
 * ones, oldest first, so the last she made wins.
 */
export function foldOwnKbWrites(sent: readonly OutboxItem[], waiting: readonly OutboxItem[]): OwnKbState {
  const favourites = new Map<string, boolean>();
  const answers = new Map<string, { helpful: boolean; comment: string | null }>();
  const pending = new Set<string>();
  const add = (item: OutboxItem, isWaiting: boolean) => {
    if (item.kind === 'favourite') favourites.set(item.postId, item.payload.favourite);
    else if (item.kind === 'feedback') answers.set(item.postId, item.payload);
    else return;
    if (isWaiting) pending.add(item.postId);
  };
  for (const item of sent) add(item, false);
  for (const item of waiting) add(item, true);
  return { favourite: (id) => favourites.get(id), feedback: (id) => answers.get(id), pending: (id) => pending.has(id) };
}

/** Reads the knowledge base as the logged-in person (or nobody) sees it: cache, own items, outbox. */
export function createKbReader(d: { cache: Cache; personal: PersonalStore; outbox: OutboxStore; delivered: DeliveredOverlay; session(): ActiveSession | null }): KbReader {
  return (work) => {
    const session = d.session();
    if (!session) return d.cache.read((parts) => work(parts, nobodysPersonalView, noPendingKbWrites));
    const mine = (i: OutboxItem) => i.personId === session.person.id && i.tenantId === session.organisation.id;
    const own = foldOwnKbWrites(d.delivered.items().filter(mine), d.outbox.list(session.organisation.id, session.person.id));
    return d.cache.read((parts) => work(parts, d.personal, own));
  };
}
