import type { AppliedPage } from '../cache/applySharedChanges.js';
import type { Cache } from '../cache/openCache.js';
import type { Clock } from '../clock.js';
import type { PersonalStore } from '../personal/personalStore.js';
import type { FeedSink } from './pullFeed.js';

/** What changed in one applied page: post ids, or null when too much changed to list. */
export type ChangedPosts = (postIds: string[] | null) => void;

const LISTED_AT_MOST = 200;

const report = (changed: ChangedPosts, postIds: Set<string>, everything: boolean) => {
  if (everything || postIds.size > LISTED_AT_MOST) changed(null);
  else if (postIds.size > 0) changed([...postIds]);
};

/** Told of every applied shared page; `fromStart` when it began at cursor 0 (a first or refilled cache). */
export type SharedPageApplied = (page: AppliedPage, fromStart: boolean) => void;

/** The shared feed into the on-disk cache; the time of the last page is the "last synced" time. */
export function sharedSink(cache: Cache, clock: Clock, changed: ChangedPosts, applied: SharedPageApplied): FeedSink {
  return {
    cursor: () => cache.read((c) => c.state.cursor()),
    apply(changes, next, last) {
      const fromStart = cache.read((c) => c.state.cursor()) === 0;
      const page = cache.write((c) => c.applier.applyPage(changes, next, last ? clock.now().toISOString() : null));
      report(changed, page.postIds, page.directoryChanged);
      applied(page, fromStart);
    },
  };
}

/** The personal feed into memory. */
export function personalSink(personal: PersonalStore, changed: ChangedPosts): FeedSink {
  return {
    cursor: () => personal.cursor(),
    apply(changes, next) {
      const page = personal.applyPage(changes, next);
      report(changed, page.postIds, page.groupsChanged);
    },
  };
}
