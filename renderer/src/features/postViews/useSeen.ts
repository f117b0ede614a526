import { useEffect, type RefObject } from 'react';
import { reportSeen, SEEN_AFTER_MS, SEEN_RATIO } from './seenReporter';

/**
 * Watches one card: once at least half of it has stayed on screen for a second, the post is seen.
 * A card scrolled past faster, or half hidden, does not count.
 */
export function useSeen(ref: RefObject<HTMLElement | null>, postId: string, enabled: boolean): void {
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof IntersectionObserver === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = () => {
      if (timer) clearTimeout(timer);
      timer = null;
    };
    const observer = new IntersectionObserver(
      ([entry]) => {
        // A post taller than two screens is never half on screen: filling half the screen counts too.
        const enough = entry !== undefined && entry.isIntersecting &&
          (entry.intersectionRatio >= SEEN_RATIO || (entry.rootBounds !== null && entry.intersectionRect.height >= entry.rootBounds.height * SEEN_RATIO));
        if (enough) {
          timer ??= setTimeout(() => {
            reportSeen(postId);
            observer.disconnect();
          }, SEEN_AFTER_MS);
        } else stop();
      },
      { threshold: [0, 0.1, 0.25, SEEN_RATIO, 0.75, 1] },
    );
    observer.observe(element);
    return () => {
      stop();
      observer.disconnect();
    };
  }, [ref, postId, enabled]);
}
