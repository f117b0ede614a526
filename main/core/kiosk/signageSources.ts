import type { CacheParts } from '../cache/openCache.js';
import type { ImageUrl } from '../images/imageUrl.js';
import { nobodysPersonalView } from '../personal/personalStore.js';
import type { PollMemoryView } from '../polls/pollMemory.js';
import { openReadScope } from '../timeline/readScope.js';
import type { SignageSources } from './composeSignage.js';

/** How far back a kiosk looks for the week's most liked post and open "lezen verplicht" posts. */
const SCAN_POSTS = 300;
const PINNED_AT_MOST = 20;
/** Read this many more of the latest posts, so polls among them still leave enough. */
const POLLS_AMONG_LATEST = 10;

/** Nobody voted on a kiosk: a poll shows the counts the feed carries for everyone. */
const nobodysPolls: PollMemoryView = { fetched: () => null, remembered: () => null };

/**
 * Signage content from the cache alone, read as nobody: only organisation-wide content, whoever is
 * logged in (an editor's preview on her workstation shows what the kiosk shows, not her private groups).
 */
export function cacheSignageSources(parts: CacheParts, imageUrl: ImageUrl, now: Date): SignageSources {
  const scope = openReadScope({ parts, personal: nobodysPersonalView, me: null, sent: [], waiting: [], imageUrl, polls: nobodysPolls, now });
  // A poll is a post too; the kiosk shows it once, as a poll with its bars.
  const noPolls = (list: ReturnType<typeof scope.list>) => list.filter((x) => x.post.poll !== true);
  let scanned: ReturnType<typeof scope.list> | null = null;
  const recent = () => (scanned ??= noPolls(scope.list({}, null, SCAN_POSTS)));
  return {
    pinned: () => noPolls(scope.list({ pinnedOnly: true }, null, PINNED_AT_MOST)).slice(0, PINNED_AT_MOST).map(scope.view),
    latest: (groupIds, limit) => noPolls(scope.list({ homeGroupIds: groupIds }, null, limit + POLLS_AMONG_LATEST)).slice(0, limit).map(scope.view),
    since: (since) => recent().filter((x) => Date.parse(x.post.createdAt) >= since.getTime()).map(scope.view),
    readRequired: () => recent().filter((x) => x.post.readRequired != null).map(scope.view),
    authorOf: (postId) => {
      const found = scope.find(postId);
      return found ? scope.view(found).author.name : null;
    },
    departmentsAt: (locationId) => parts.kiosk.departmentsAt(locationId),
    imageUrl: (id) => imageUrl(id, 'full'),
  };
}
