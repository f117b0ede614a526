import { useTranslation } from 'react-i18next';
import { wordDiff } from '../../../../common/src/text/wordDiff';

/** Her own text beside the coach's suggestion, and the changes word by word (added marked, removed struck through). */
export function SuggestionView({ mine, suggested, coach }: { mine: string; suggested: string; coach: string }) {
  const { t } = useTranslation();
  return (
    <div className="review-compare">
      <section aria-label={t('reviews.yourText')}>
        <h3>{t('reviews.yourText')}</h3>
        <p className="review-text">{mine}</p>
      </section>
      <section aria-label={t('reviews.suggested', { name: coach })}>
        <h3>{t('reviews.suggested', { name: coach })}</h3>
        <p className="review-text">{suggested}</p>
      </section>
      <section className="review-diff" aria-label={t('reviews.changes')}>
        <h3>{t('reviews.changes')}</h3>
        <p className="review-text">
          {wordDiff(mine, suggested).map((part, i) =>
            part.kind === 'added' ? <ins key={i}>{part.text}</ins> : part.kind === 'removed' ? <del key={i}>{part.text}</del> : <span key={i}>{part.text}</span>,
          )}
        </p>
      </section>
    </div>
  );
}
