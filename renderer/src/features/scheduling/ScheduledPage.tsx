import { CalendarClock, Trash2 } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostViewModel } from '../../../../common/src/ipc/views';
import { hashtagHref, hrefFor } from '../../app/route';
import { invoke, on } from '../../app/samen';
import { useAppState } from '../../app/sessionStore';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { errorText } from '../../ui/i18n/i18n';
import { RichText } from '../../ui/RichText';
import { Skeleton } from '../../ui/Skeleton';
import { showToast } from '../../ui/toast/toastStore';
import { ImageGrid } from '../timeline/ImageGrid';
import { formatWhen } from './scheduleFormat';
import './scheduling.css';

type State = { status: 'loading' } | { status: 'ready'; items: PostViewModel[]; complete: boolean } | { status: 'error'; code: Parameters<typeof errorText>[1] };

/** "Gepland": posts waiting for their time; hers, and for an editor everyone's she may see. */
export function ScheduledPage() {
  const { t } = useTranslation();
  const me = useAppState((s) => (s.session?.state === 'loggedIn' ? s.session.person.id : null));
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    const r = await invoke('post.scheduled', {});
    setState(r.ok ? { status: 'ready', ...r.value } : { status: 'error', code: r.error.code });
  }, []);

  useEffect(() => {
    void load();
    // Sent, refused or taken back: the list follows the outbox.
    return on('timeline.changed', () => void load());
  }, [load]);

  const unschedule = async (post: PostViewModel) => {
    const r = await invoke('post.unschedule', { id: post.id });
    if (!r.ok) {
      showToast(errorText(t, r.error.code), 'error');
      return;
    }
    showToast(t('scheduling.unscheduled'));
    await load();
  };

  return (
    <>
      <h1 className="page-title">{t('scheduling.heading')}</h1>
      <p className="muted scheduled-intro">{t('scheduling.intro')}</p>
      {state.status === 'loading' && <Skeleton width="100%" height={120} />}
      {state.status === 'error' && (
        <div className="notice">
          <p>{errorText(t, state.code)}</p>
          <Button onClick={() => void load()}>{t('timeline.retry')}</Button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          {!state.complete && <p className="notice">{t('scheduling.offline')}</p>}
          {state.items.length === 0 ? (
            <div className="notice">
              <p>{t('scheduling.empty')}</p>
              <a className="btn btn-secondary" href={hrefFor({ name: 'timeline', hashtag: null })}>
                <span>{t('scheduling.toTimeline')}</span>
              </a>
            </div>
          ) : (
            <ul className="scheduled-list" aria-label={t('scheduling.listLabel')}>
              {state.items.map((post) => (
                <li key={post.id}>
                  <ScheduledCard post={post} mine={post.author.id === me} onUnschedule={() => void unschedule(post)} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

function ScheduledCard({ post, mine, onUnschedule }: { post: PostViewModel; mine: boolean; onUnschedule: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card as="article" className={`post scheduled-post${post.delivery === 'sending' ? ' post-is-sending' : ''}`} aria-labelledby={titleId}>
      <header className="scheduled-when">
        <CalendarClock aria-hidden="true" />
        <p id={titleId}>
          <strong>{t('scheduling.for', { when: formatWhen(post.scheduledFor ?? post.createdAt) })}</strong>
          {post.group && <span className="muted"> · {t('scheduling.inGroup', { name: post.group.name })}</span>}
        </p>
      </header>
      {!mine && (
        <p className="scheduled-author">
          <Avatar name={post.author.name} url={post.author.avatarUrl} size="sm" />
          <span>{post.author.name}</span>
        </p>
      )}
      <RichText source={post.body} hashtagHref={hashtagHref} />
      <ImageGrid images={post.images} />
      {post.endsAt && <p className="muted">{t('scheduling.endsOn', { when: formatWhen(post.endsAt) })}</p>}
      {post.delivery === 'sending' && <p className="muted">{t('groups.sending')}</p>}
      <div className="post-actions">
        <Button icon={<Trash2 aria-hidden="true" />} onClick={onUnschedule}>
          {t('scheduling.unschedule')}
        </Button>
      </div>
    </Card>
  );
}
