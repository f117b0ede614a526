import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import type { KbReview } from '../../../../common/src/ipc/kbViews';
import { hrefFor, kbPageHref } from '../../app/route';
import { invoke } from '../../app/samen';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';

/** "Verouderd": pages past their review date, longest overdue first, each with its owner. */
export function KbReviewPage() {
  const { t } = useTranslation();
  const [review, setReview] = useState<KbReview | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);

  useEffect(() => {
    void invoke('kb.review', {}).then((r) => (r.ok ? setReview(r.value) : setError(r.error.code)));
  }, []);

  return (
    <div className="kb-review">
      <h1>{t('kb.review.title')}</h1>
      <p>{t('kb.review.intro')}</p>
      {error ? (
        <p role="alert">{error === 'offline' ? t('kb.editorOffline') : errorText(t, error)}</p>
      ) : !review ? (
        <Skeleton width={640} height={160} />
      ) : review.items.length === 0 ? (
        <p className="kb-empty">{t('kb.review.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('kb.review.page')}</th>
              <th scope="col">{t('kb.review.owner')}</th>
              <th scope="col">{t('kb.review.date')}</th>
              <th scope="col">{t('kb.review.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {review.items.map((item) => (
              <tr key={item.pageId}>
                <td>
                  <a href={kbPageHref(item.pageId)}>{item.title}</a>
                </td>
                <td>{item.ownerName ?? t('kb.review.noOwner')}</td>
                <td>{item.reviewDate}</td>
                <td>{t('kb.review.days', { count: item.daysOverdue })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <a className="btn btn-secondary" href={hrefFor({ name: 'kb' })}>
        {t('kb.backHome')}
      </a>
    </div>
  );
}
