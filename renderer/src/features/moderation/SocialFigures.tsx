import { Heart, Users } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SocialFiguresView } from '../../../../common/src/ipc/moderationViews';
import { postHref } from '../../app/route';
import { invoke } from '../../app/samen';
import { useAppState } from '../../app/sessionStore';
import { Card } from '../../ui/Card';
import './moderation.css';

/**
 * "Samen deze maand" in the home page's side column: the share of colleagues active this month and
 * the month's most-liked post. Main asks the server and keeps the answer, so it shows offline too.
 */
export function SocialFigures() {
  const { t, i18n } = useTranslation();
  const [figures, setFigures] = useState<SocialFiguresView | null>(null);
  const online = useAppState((s) => s.sync?.state !== 'offline');

  useEffect(() => {
    let live = true;
    void invoke('stats.social', {}).then((answer) => {
      if (live && answer.ok) setFigures(answer.value);
    });
    return () => {
      live = false;
    };
  }, [online]);

  if (!figures) return null;
  const liked = figures.mostLiked;
  return (
    <Card as="section" className="social-figures" aria-labelledby="social-figures-title">
      <h2 id="social-figures-title">{t('social.title')}</h2>
      <p className="social-active">
        <Users aria-hidden="true" /> {figures.activePercent === null ? t('social.activeUnknown') : t('social.active', { percent: figures.activePercent })}
      </p>
      <h3>{t('social.mostLiked')}</h3>
      {liked ? (
        <a className="social-liked" href={postHref(liked.postId)}>
          <p>{liked.excerpt}</p>
          <p className="muted">
            {liked.author?.name ? `${t('social.by', { name: liked.author.name })} · ` : ''}
            <Heart aria-hidden="true" size={14} /> {t('social.reactions', { count: liked.reactions })}
          </p>
        </a>
      ) : (
        <p className="muted">{t('social.noneLiked')}</p>
      )}
      {!online && <p className="muted">{t('social.asOf', { date: new Date(figures.asOf).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long' }) })}</p>}
    </Card>
  );
}
