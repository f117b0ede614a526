import { invoke } from '../../app/samen';

/** A post counts as seen when at least half of it was on screen for a whole second. */
export const SEEN_RATIO = 0.5;
export const SEEN_AFTER_MS = 1_000;
/** Posts seen close together go to main in one call. */
const GATHER_MS = 300;

const reported = new Set<string>();
let gathered: string[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;

/**
 * Tells main which posts were seen, each once per page life (a new person gets a new page). Main
 * gathers them into batches for the server.
 */
export function reportSeen(postId: string): void {
  if (reported.has(postId)) return;
  reported.add(postId);
  gathered.push(postId);
  timer ??= setTimeout(() => {
    const batch = gathered;
    gathered = [];
    timer = null;
    void invoke('postViews.seen', { postIds: batch });
  }, GATHER_MS);
}
