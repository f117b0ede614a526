import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmbassadorList } from '../../../../common/src/ipc/ambassadorViews';
import { invoke } from '../../app/samen';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { openPersonCard } from '../people/personCardStore';
import { AmbassadorBadge } from './AmbassadorBadge';
import './ambassadors.css';

/** "Vraag het een ambassadeur": those nearest to her first, narrowed to a location or department. */
export function AmbassadorsPage() {
  const { t } = useTranslation();
  const ids = useId();
  const [locationId, setLocationId] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [list, setList] = useState<AmbassadorList | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void invoke('ambassadors.list', { ...(locationId ? { locationId } : {}), ...(departmentId ? { departmentId } : {}) }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setList(r.value);
        setProblem(null);
      } else setProblem(errorText(t, r.error.code));
    });
    return () => {
      live = false;
    };
  }, [locationId, departmentId, t]);

  return (
    <section className="ambassadors-page" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>{t('ambassadors.title')}</h1>
      <p>{t('ambassadors.intro')}</p>
      {list && (
        <div className="ambassadors-filters">
          <div className="field">
            <label htmlFor={`${ids}-location`}>{t('ambassadors.location')}</label>
            <select id={`${ids}-location`} value={locationId} onChange={(e) => setLocationId(e.target.value)}>
              <option value="">{t('ambassadors.all')}</option>
              {list.locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-department`}>{t('ambassadors.department')}</label>
            <select id={`${ids}-department`} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
              <option value="">{t('ambassadors.all')}</option>
              {list.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {problem && <p role="alert">{problem}</p>}
      {list && list.items.length === 0 && <p>{t('ambassadors.empty')}</p>}
      {list && list.items.length > 0 && (
        <ul className="ambassadors-list">
          {list.items.map(({ person, near, departmentName, locationName, avatarUrl }) => (
            <li key={person.id} className="ambassador-item">
              <Avatar name={person.name} url={avatarUrl} size="lg" />
              <div className="ambassador-who">
                <p className="ambassador-name">
                  {person.name}
                  <AmbassadorBadge ambassador={person.ambassador} />
                </p>
                <p className="muted">{[person.jobTitle, departmentName, locationName].filter(Boolean).join(' · ')}</p>
                {person.ambassador?.line && <p className="ambassador-line">{person.ambassador.line}</p>}
                <p className="muted">{t(`ambassadors.near_${near}`)}</p>
              </div>
              <Button onClick={() => void openPersonCard(person.id)}>{t('ambassadors.profile', { name: person.name.split(' ')[0] })}</Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
