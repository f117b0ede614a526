import { useTranslation } from 'react-i18next';
import { useReviewList } from './useReviewQueue';

/** The number waiting for a coach, beside "Meekijken" in the navigation. */
export function ReviewCount() {
  const { t } = useTranslation();
  const [state] = useReviewList('reviews.queue');
  const count = state.status === 'ready' ? state.items.length : 0;
  if (count === 0) return null;
  return (
    <span className="nav-count" aria-label={t('reviews.count', { count })}>
      {count}
    </span>
  );
}
