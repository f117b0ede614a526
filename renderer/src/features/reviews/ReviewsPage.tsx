import { useTranslation } from 'react-i18next';
import type { ReviewViewModel } from '../../../../common/src/ipc/reviewViews';
import { reviewHref } from '../../app/route';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { useIsEditor } from '../mailings/roles';
import { ApprovalSetting } from './ApprovalSetting';
import { useIsReviewer } from './reviewRoles';
import { useApproval } from './useApprovalRequired';
import { useReviewList, type ListState } from './useReviewQueue';
import './reviews.css';

/** "Meekijken": for coaches and editors what waits for them; for everyone her own drafts with a coach. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const reviewer = useIsReviewer();
  const editor = useIsEditor();
  const approval = useApproval(null);
  const [queue, reloadQueue] = useReviewList('reviews.queue', reviewer);
  const [mine, reloadMine] = useReviewList('reviews.mine');
  return (
    <>
      <h1 className="page-title">{t('reviews.heading')}</h1>
      <p className="muted">{t('reviews.intro')}</p>
      {editor && approval && <ApprovalSetting groupId={null} initial={approval.organisation} />}
      {reviewer && <ReviewList title={t('reviews.queue')} empty={t('reviews.queueEmpty')} state={queue} reload={reloadQueue} showAuthor />}
      <ReviewList title={t('reviews.mine')} empty={t('reviews.mineEmpty')} state={mine} reload={reloadMine} />
    </>
  );
}

function ReviewList({ title, empty, state, reload, showAuthor = false }: { title: string; empty: string; state: ListState; reload: () => Promise<void>; showAuthor?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="review-list" aria-label={title}>
      <h2>{title}</h2>
      {state.status === 'loading' && <Skeleton width="100%" height={96} />}
      {state.status === 'error' && (
        <div className="notice">
          <p>{errorText(t, state.code)}</p>
          <Button onClick={() => void reload()}>{t('timeline.retry')}</Button>
        </div>
      )}
      {state.status === 'ready' && !state.complete && <p className="notice">{t('reviews.incomplete')}</p>}
      {state.status === 'ready' && state.items.length === 0 && <p className="muted">{empty}</p>}
      {state.status === 'ready' && (
        <ul className="review-items">
          {state.items.map((r) => (
            <li key={r.id}>
              <ReviewItem review={r} showAuthor={showAuthor} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReviewItem({ review, showAuthor }: { review: ReviewViewModel; showAuthor: boolean }) {
  const { t } = useTranslation();
  return (
    <Card as="article" className="review-item">
      <p className="review-meta">
        <span className={`review-status review-status-${review.status}`}>{review.sending ? t('reviews.sending') : t(`reviews.status.${review.status}`)}</span>
        {showAuthor && <span>{t('reviews.by', { name: review.authorName })}</span>}
        {review.groupName && <span>{t('reviews.inGroup', { group: review.groupName })}</span>}
      </p>
      <p className="review-text review-excerpt">{review.body}</p>
      {!review.sending && (
        <a className="btn btn-secondary" href={reviewHref(review.id)}>
          <span>{t('reviews.open')}</span>
        </a>
      )}
    </Card>
  );
}
