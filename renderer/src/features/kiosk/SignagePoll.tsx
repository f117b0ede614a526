import { ChartBar } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SignageItem } from '../../../../common/src/ipc/kioskViews';

/**
 * A running poll on the kiosk: the question large, each option with a bar that grows as votes come
 * in (a CSS transition on its width, so a new count animates without a re-render of the rest).
 * Where the counts are shown only after voting or closing, the options alone.
 */
export function SignagePoll({ item }: { item: Extract<SignageItem, { kind: 'poll' }> }) {
  const { t } = useTranslation();
  const { poll } = item;
  const counted = poll.options.every((o) => o.votes !== null);
  const total = counted ? poll.options.reduce((sum, o) => sum + (o.votes ?? 0), 0) : 0;
  return (
    <article className="signage-card signage-poll">
      <p className="signage-label">
        <ChartBar aria-hidden="true" />
        <span>{t('kiosk.label.poll')}</span>
      </p>
      <h2 className="signage-question">{poll.question}</h2>
      <ul className="signage-options">
        {poll.options.map((o) => {
          const share = counted && total > 0 ? Math.round(((o.votes ?? 0) / total) * 100) : 0;
          return (
            <li key={o.id} className="signage-option">
              <span className="signage-option-bar" style={{ width: `${share}%` }} aria-hidden="true" />
              <span className="signage-option-label">{o.label}</span>
              {counted && <span className="signage-option-share">{share}%</span>}
            </li>
          );
        })}
      </ul>
      <p className="signage-poll-foot">
        {counted ? t('kiosk.votes', { count: poll.voters }) : t('kiosk.resultsLater')}
        {item.authorName ? ` · ${t('kiosk.askedBy', { name: item.authorName })}` : ''}
      </p>
      <p className="signage-cta">{t('kiosk.voteHint')}</p>
    </article>
  );
}
