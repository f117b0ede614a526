import type { SignageItem } from '../../../../common/src/ipc/kioskViews';
import { postHref } from '../../app/route';

/** How long a tapped item waits for her badge before the kiosk forgets it. */
export const WANTED_MS = 30_000;

/** The post behind a signage item she can react to (a poll is a post too); null for a slide or a card of names. */
export function postOf(item: SignageItem): string | null {
  switch (item.kind) {
    case 'post':
    case 'readRequired':
      return item.post.id;
    case 'poll':
      return item.poll.id;
    default:
      return null;
  }
}

/** The one item waiting for her badge, if any: a later tap replaces it. */
let pending: ReturnType<typeof setTimeout> | null = null;

/**
 * She tapped an item on the signage: the page's address becomes that post, so the badge tap that
 * follows (or employee number + PIN) opens it in the timeline view (the shell shows whatever the
 * address names), where she can like or comment. Nobody tapped in within the while: the address is
 * put back, so the next person starts from the timeline. The address never outlives her session
 * either: the end of a session reloads the app from its root.
 */
export function openAfterTap(postId: string, loggedIn: () => boolean): void {
  const href = postHref(postId);
  if (pending !== null) clearTimeout(pending);
  window.location.hash = href;
  pending = setTimeout(() => {
    pending = null;
    if (!loggedIn() && window.location.hash === href) history.replaceState(null, '', window.location.pathname + window.location.search);
  }, WANTED_MS);
}
