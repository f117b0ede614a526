import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { PostCard } from './PostCard';
import { recallScroll, rememberScroll } from './scrollMemory';
import { loadMore, useTimeline } from './timelineStore';
import { useKeepReadingPosition } from './useKeepReadingPosition';

/** Roughly a post with two lines and a comment; real heights are measured as cards render. */
const ESTIMATED_HEIGHT = 280;
/** Start fetching the next page this many posts before the end, so scrolling never hits a wall. */
const PREFETCH = 4;

/**
 * The feed, virtualised over the window's own scroll (the composer scrolls away with it). Heights
 * are measured per card; when a refetch puts new posts above, the card being read stays put.
 */
export function VirtualPostList({ ids, hasMore }: { ids: string[]; hasMore: boolean }) {
  const listRef = useRef<HTMLDivElement>(null);
  const hashtag = useTimeline((s) => s.hashtag);
  const byId = useTimeline((s) => s.byId);
  const [listTop, setListTop] = useState(0);
  const [restore] = useState(recallScroll);

  const virtualizer = useWindowVirtualizer({
    count: ids.length,
    estimateSize: () => ESTIMATED_HEIGHT,
    getItemKey: (index) => ids[index]!,
    overscan: 3,
    scrollMargin: listTop,
    ...(restore ? { initialOffset: restore.scrollY, initialMeasurementsCache: restore.measurements } : {}),
  });
  const items = virtualizer.getVirtualItems();

  // What sits above the list (composer, pinned posts, filter bar) changes height now and then.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => setListTop(list.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    if (list.parentElement) observer.observe(list.parentElement);
    return () => observer.disconnect();
  }, []);

  // Once per visit: back where the person left off, and remember it when they leave again.
  useLayoutEffect(() => {
    if (restore) window.scrollTo(0, restore.scrollY);
    return () => rememberScroll({ scrollY: window.scrollY, measurements: virtualizer.takeSnapshot() });
  }, [restore, virtualizer]);

  useKeepReadingPosition(virtualizer, ids, listTop);

  const last = items[items.length - 1];
  useEffect(() => {
    if (hasMore && last && last.index >= ids.length - PREFETCH) void loadMore();
  }, [hasMore, last, ids.length]);

  return (
    <div ref={listRef} role="feed" className="feed-list" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const post = byId[ids[item.index]!];
        return (
          <div
            key={item.key as string}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="feed-row"
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            {post && <PostCard post={post} activeHashtag={hashtag} feedPosition={{ index: item.index, size: hasMore ? -1 : ids.length }} />}
          </div>
        );
      })}
    </div>
  );
}
