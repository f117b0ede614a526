import type { Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef } from 'react';

type Anchor = { key: unknown; start: number };

/**
 * When a refetch puts new posts above the card being read, scrolls by their height so that card
 * stays where it was. At the top of the list nothing moves: new posts simply appear.
 */
export function useKeepReadingPosition(virtualizer: Virtualizer<Window, Element>, ids: string[], listTop: number): void {
  const anchor = useRef<Anchor | null>(null);
  const previousIds = useRef(ids);

  useLayoutEffect(() => {
    const current = anchor.current;
    if (previousIds.current !== ids && current && window.scrollY > listTop) {
      const moved = virtualizer.measurementsCache.find((m) => m.key === current.key);
      if (moved && moved.start !== current.start) window.scrollTo(0, window.scrollY + moved.start - current.start);
    }
    previousIds.current = ids;
    const reading = virtualizer.getVirtualItems().find((v) => v.end > window.scrollY);
    anchor.current = reading ? { key: reading.key, start: reading.start } : null;
  });
}
