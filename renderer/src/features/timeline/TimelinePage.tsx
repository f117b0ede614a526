import { CalendarClock, Tags } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseHashtag } from '../../../../common/src/text/hashtags';
import { hrefFor } from '../../app/route';
import { useAppState } from '../../app/sessionStore';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { CategoryFilter } from '../categories/CategoryFilter';
import { loadCategories } from '../categories/categoryStore';
import { useIsEditor } from '../mailings/roles';
import { SocialFigures } from '../moderation/SocialFigures';
import { RunningPolls } from '../polls/RunningPolls';
import { Composer } from './Composer';
import { FilterBar } from './FilterBar';
import { PostCard } from './PostCard';
import { PostSkeleton } from './PostSkeleton';
import { useReadOnly } from './readOnly';
import { loadMore, refreshTimeline, showTimeline, useTimeline } from './timelineStore';
import { VirtualPostList } from './VirtualPostList';

export function TimelinePage({ hashtag: rawHashtag }: { hashtag: string | null }) {
  const { t } = useTranslation();
  const hashtag = rawHashtag ? normaliseHashtag(rawHashtag) : null;
  const readOnly = useReadOnly();
  const editor = useIsEditor();
  const { status, error, pinnedIds, feedIds, byId, nextCursor, loadingMore } = useTimeline();
  // Before this device has ever caught up, an empty list means "not here yet", not "nothing to see".
  const sync = useAppState((s) => s.sync);
  const neverSynced = sync === null || sync.lastSyncedAt === null;

  useEffect(() => {
    void loadCategories();
    const { status: current, hashtag: shown } = useTimeline.getState();
    // Coming back from a single post: keep the list (and its scroll), just bring it up to date.
    if (current === 'ready' && shown === hashtag) void refreshTimeline();
    else void showTimeline(hashtag);
  }, [hashtag]);

  const pinned = pinnedIds.flatMap((id) => byId[id] ?? []);
  const pinnedSet = new Set(pinnedIds);
  const feed = feedIds.filter((id) => !pinnedSet.has(id));

  return (
    <div className={hashtag ? undefined : 'home-layout'}>
      <div className="home-main">
        <h1 className="page-title">{hashtag ? t('timeline.filteredHeading', { tag: hashtag }) : t('timeline.heading')}</h1>
        {readOnly ? (
          <p className="read-only-note">{t('timeline.readOnly')}</p>
        ) : (
          <>
            <Composer />
            <p className="scheduled-link">
              {editor && (
                <a href={hrefFor({ name: 'categories' })}>
                  <Tags aria-hidden="true" />
                  <span>{t('categories.manage')}</span>
                </a>
              )}
              <a href={hrefFor({ name: 'scheduled' })}>
                <CalendarClock aria-hidden="true" />
                <span>{t('scheduling.link')}</span>
              </a>
            </p>
          </>
        )}
        <CategoryFilter current={hashtag} />
        {hashtag && <FilterBar hashtag={hashtag} />}
        {pinned.length > 0 && (
          <section aria-label={t('timeline.pinned')} className="pinned">
            {pinned.map((post) => (
              <PostCard key={post.id} post={post} />
            ))}
          </section>
        )}
        <section
          aria-label={t('timeline.feed')}
          className="feed"
          aria-busy={status === 'loading' || loadingMore || (neverSynced && feed.length === 0 && sync?.state !== 'offline')}
        >
          {status === 'loading' && [0, 1, 2].map((i) => <PostSkeleton key={i} />)}
          {status === 'error' && error && (
            <div className="notice">
              <p>{errorText(t, error)}</p>
              <Button onClick={() => void showTimeline(hashtag)}>{t('timeline.retry')}</Button>
            </div>
          )}
          {status === 'ready' && feed.length === 0 && pinned.length === 0 && <EmptyFeed hashtag={hashtag} neverSynced={neverSynced} offline={sync?.state === 'offline'} />}
          {status === 'ready' && <VirtualPostList ids={feed} hasMore={nextCursor !== null} />}
          {loadingMore && <PostSkeleton />}
          {status === 'ready' && feed.length > 0 && nextCursor === null && <p className="feed-end muted">{t('timeline.end')}</p>}
          {status === 'ready' && error && !loadingMore && (
            <div className="notice">
              <p>{errorText(t, error)}</p>
              <Button onClick={() => void loadMore()}>{t('timeline.retry')}</Button>
            </div>
          )}
        </section>
      </div>
      {!hashtag && (
        <aside className="home-side">
          <RunningPolls />
          {!readOnly && <SocialFigures />}
        </aside>
      )}
    </div>
  );
}

/** Nothing to show: still arriving on a device that never caught up, or truly nothing. */
function EmptyFeed({ hashtag, neverSynced, offline }: { hashtag: string | null; neverSynced: boolean; offline: boolean }) {
  const { t } = useTranslation();
  if (neverSynced && offline) return <p className="notice">{t('timeline.notYetOffline')}</p>;
  if (neverSynced) {
    return (
      <>
        <p className="sr-only" role="status">
          {t('timeline.arriving')}
        </p>
        {[0, 1, 2].map((i) => (
          <PostSkeleton key={i} />
        ))}
      </>
    );
  }
  return <p className="notice">{hashtag ? t('timeline.emptyFilter', { tag: hashtag }) : t('timeline.empty')}</p>;
}
