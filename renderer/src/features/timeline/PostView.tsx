import { ArrowLeft } from 'lucide-react';
import { useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import { hrefFor } from '../../app/route';
import { errorText } from '../../ui/i18n/i18n';
import { PostCard } from './PostCard';
import { PostSkeleton } from './PostSkeleton';
import { loadPost, useTimeline } from './timelineStore';

/** One post with all its comments, reached from its time link, a person card or a notification. */
export function PostView({ id }: { id: string }) {
  const { t } = useTranslation();
  const post = useTimeline((s) => s.byId[id]);
  const backTo = useTimeline((s) => hrefFor({ name: 'timeline', hashtag: s.hashtag }));
  const [error, setError] = useState<ClientErrorCode | null>(null);

  // A block body on purpose: newer Chromium returns a promise from scrollTo, and React would take it for a cleanup.
  useLayoutEffect(() => {
    window.scrollTo(0, 0);
  }, [id]);

  useEffect(() => {
    setError(null);
    void loadPost(id).then(setError);
  }, [id]);

  return (
    <>
      <a className="back-link" href={backTo}>
        <ArrowLeft aria-hidden="true" />
        {t('postView.back')}
      </a>
      <h1 className="sr-only">{t('postView.title')}</h1>
      {post ? (
        <PostCard post={post} detail />
      ) : error ? (
        <p className="notice">{error === 'not_found' ? t('postView.notFound') : errorText(t, error)}</p>
      ) : (
        <PostSkeleton />
      )}
    </>
  );
}
