import type { Cache, CacheParts } from '../cache/openCache.js';
import type { Clock } from '../clock.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { DeliveredOverlay } from '../outbox/deliveredOverlay.js';
import type { OutboxStore } from '../outbox/outboxStore.js';
import { nobodysPersonalView, type PersonalStore } from '../personal/personalStore.js';
import type { PollMemory, PollMemoryView } from '../polls/pollMemory.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { PostExtras } from './postViews.js';
import { openReadScope, type ReadScope, type ReadSources } from './readScope.js';

/** Builds the post extras of one read from what that read sees. */
export type PostExtrasFor = (s: Omit<ReadSources, 'extras' | 'imageUrl' | 'polls' | 'now'>) => PostExtras;

export type Reader = <T>(work: (scope: ReadScope, parts: CacheParts) => T) => T;

/**
 * Runs a read over cache, personal store and outbox as the logged-in person (or nobody) sees it.
 * While nobody is logged in the personal store is not consulted at all: a page of the previous
 * person's that landed late can never reach the lock screen.
 */
export function createReader(d: {
  cache: Cache;
  personal: PersonalStore;
  outbox: OutboxStore;
  delivered: DeliveredOverlay;
  session(): ActiveSession | null;
  imageUrl: ImageUrl;
  polls: PollMemory;
  clock: Clock;
  extras?: PostExtrasFor;
}): Reader {
  return (work) => {
    const session = d.session();
    const waiting = session ? d.outbox.list(session.organisation.id, session.person.id) : [];
    const sent = session ? d.delivered.items().filter((i) => i.personId === session.person.id && i.tenantId === session.organisation.id) : [];
    const polls: PollMemoryView = session ? d.polls : nobodysPolls;
    return d.cache.read((parts) => {
      const sources = { parts, personal: session ? d.personal : nobodysPersonalView, me: session?.person.id ?? null, sent, waiting };
      return work(openReadScope({ ...sources, imageUrl: d.imageUrl, polls, now: d.clock.now(), extras: d.extras?.(sources) }), parts);
    });
  };
}

const nobodysPolls: PollMemoryView = { fetched: () => null, remembered: () => null };
