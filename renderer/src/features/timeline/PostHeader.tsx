import { Clock, Pin } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PostViewModel } from '../../../../common/src/ipc/views';
import { postHref } from '../../app/route';
import { Avatar } from '../../ui/Avatar';
import { RelativeTime } from '../../ui/RelativeTime';
import { AmbassadorBadge } from '../ambassadors/AmbassadorBadge';
import { openPersonCard } from '../people/personCardStore';
import { useReadOnly } from './readOnly';

export function PostHeader({ post, titleId }: { post: PostViewModel; titleId: string }) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const { author } = post;
  // A post can arrive before its author's directory entry; it still needs a name to tap.
  const name = author.name || t('post.someone');
  const meta = [author.jobTitle, author.departmentName].filter(Boolean).join(' · ');
  return (
    <header className="post-header">
      {readOnly ? (
        <span className="post-avatar">
          <Avatar name={name} url={author.avatarUrl} />
        </span>
      ) : (
        <button type="button" className="post-avatar" onClick={() => void openPersonCard(author.id)} aria-label={t('post.openAuthor', { name })}>
          <Avatar name={name} url={author.avatarUrl} />
        </button>
      )}
      <div className="post-who">
        <h2 id={titleId} className="post-author">
          {readOnly ? (
            name
          ) : (
            <button type="button" className="link-button" onClick={() => void openPersonCard(author.id)}>
              {name}
            </button>
          )}
          <AmbassadorBadge ambassador={author.ambassador} />
          {post.group && <span className="post-group"> {t('post.inGroup', { group: post.group.name })}</span>}
        </h2>
        <p className="post-meta">
          {meta && <span>{meta}</span>}
          {meta && <span aria-hidden="true"> · </span>}
          <a href={postHref(post.id)} className="post-time">
            <RelativeTime iso={post.createdAt} />
          </a>
        </p>
      </div>
      {post.delivery === 'sending' ? (
        <span className="post-flag post-sending">
          <Clock aria-hidden="true" />
          {t('post.sending')}
        </span>
      ) : (
        post.pinned && (
          <span className="post-flag">
            <Pin aria-hidden="true" />
            {t('post.pinned')}
          </span>
        )
      )}
    </header>
  );
}
