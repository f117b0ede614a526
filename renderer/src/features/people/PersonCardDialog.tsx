import { Building2, MapPin } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { plainText } from '../../../../common/src/text/markdown';
import type { PersonCard } from '../../../../common/src/ipc/views';
import { postHref } from '../../app/route';
import { Avatar } from '../../ui/Avatar';
import { Dialog } from '../../ui/Dialog';
import { errorText } from '../../ui/i18n/i18n';
import { RelativeTime } from '../../ui/RelativeTime';
import { Skeleton } from '../../ui/Skeleton';
import { AmbassadorBadge } from '../ambassadors/AmbassadorBadge';
import { AmbassadorMarkForm } from '../ambassadors/AmbassadorMarkForm';
import { RestartTourButton } from '../ambassadors/RestartTourButton';
import { useIsEditor } from '../mailings/roles';
import { closePersonCard, usePersonCard } from './personCardStore';

export function PersonCardDialog() {
  const { t } = useTranslation();
  const { personId, card, error } = usePersonCard();
  if (!personId) return null;
  return (
    <Dialog title={card?.name ?? t('person.loading')} onClose={closePersonCard}>
      {error ? <p className="dialog-message">{errorText(t, error)}</p> : card ? <PersonDetails card={card} /> : <PersonSkeleton />}
    </Dialog>
  );
}

function PersonDetails({ card }: { card: PersonCard }) {
  const { t } = useTranslation();
  const editor = useIsEditor();
  return (
    <div className="person">
      <div className="person-intro">
        <Avatar name={card.name} url={card.avatarUrl} size="lg" />
        <p className="person-job">
          {card.jobTitle}
          <AmbassadorBadge ambassador={card.ambassador} />
        </p>
        {card.ambassador?.line && <p className="ambassador-line">{card.ambassador.line}</p>}
      </div>
      {card.mayRestartTour && <RestartTourButton personId={card.id} name={card.name} />}
      <dl className="person-facts">
        {card.departmentName && (
          <div>
            <dt>
              <Building2 aria-hidden="true" />
              {t('person.department')}
            </dt>
            <dd>{card.departmentName}</dd>
          </div>
        )}
        {card.locationName && (
          <div>
            <dt>
              <MapPin aria-hidden="true" />
              {t('person.location')}
            </dt>
            <dd>{card.locationName}</dd>
          </div>
        )}
      </dl>
      {editor && <AmbassadorMarkForm key={card.id} personId={card.id} current={card.ambassador} />}
      <h3 className="person-recent-title">{t('person.recent')}</h3>
      {card.recentPosts.length === 0 ? (
        <p className="muted">{t('person.noRecent')}</p>
      ) : (
        <ul className="person-recent">
          {card.recentPosts.map((post) => (
            <li key={post.id}>
              <a href={postHref(post.id)} onClick={closePersonCard}>
                <span className="person-recent-text">{plainText(post.body)}</span>
                <span className="muted">
                  <RelativeTime iso={post.createdAt} />
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PersonSkeleton() {
  return (
    <div className="person" aria-hidden="true">
      <div className="person-intro">
        <Skeleton width={72} height={72} round />
        <Skeleton width="60%" />
      </div>
      <Skeleton height="4em" />
    </div>
  );
}
