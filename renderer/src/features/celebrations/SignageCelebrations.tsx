import { Award, Cake } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SignageItem } from '../../../../common/src/ipc/kioskViews';
import './celebrations.css';

/** 12.5 as people say it: "12½". */
const yearsText = (years: number) => (Number.isInteger(years) ? String(years) : `${Math.floor(years)}½`);

/** Today's birthdays and work anniversaries on a kiosk: first names and departments, large. */
export function SignageCelebrations({ item }: { item: Extract<SignageItem, { kind: 'celebrations' }> }) {
  const { t } = useTranslation();
  return (
    <article className="signage-card signage-celebrations">
      <h2 className="signage-question">{t('celebrations.title')}</h2>
      <div className="celebration-lists">
        {item.birthdays.length > 0 && (
          <section aria-labelledby="celebration-birthdays">
            <p className="signage-label" id="celebration-birthdays">
              <Cake aria-hidden="true" />
              <span>{t('celebrations.birthdays')}</span>
            </p>
            <ul className="celebration-people">
              {item.birthdays.map((p, i) => (
                <li key={i}>
                  <span className="celebration-name">{p.firstName}</span>
                  {p.department && <span className="celebration-meta">{p.department}</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
        {item.anniversaries.length > 0 && (
          <section aria-labelledby="celebration-anniversaries">
            <p className="signage-label" id="celebration-anniversaries">
              <Award aria-hidden="true" />
              <span>{t('celebrations.anniversaries')}</span>
            </p>
            <ul className="celebration-people">
              {item.anniversaries.map((p, i) => (
                <li key={i}>
                  <span className="celebration-name">{p.firstName}</span>
                  <span className="celebration-meta">
                    {t('celebrations.years', { years: yearsText(p.years) })}
                    {p.department ? ` · ${p.department}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <p className="signage-cta">{t('celebrations.congratulate')}</p>
    </article>
  );
}
