import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView, PostViewModel } from '../../../../common/src/ipc/views';
import { hashtagHref } from '../../app/route';
import { Avatar } from '../../ui/Avatar';
import { RelativeTime } from '../../ui/RelativeTime';
import { RichText } from '../../ui/RichText';
import { Skeleton } from '../../ui/Skeleton';
import { HiddenNotice } from '../moderation/HiddenNotice';
import { ReportButton } from '../moderation/ReportButton';
import { useAppState } from '../../app/sessionStore';
import { openPersonCard } from '../people/personCardStore';
import { AmbassadorBadge } from '../ambassadors/AmbassadorBadge';
import { ensureComments, useComments } from './commentsStore';
import { useReadOnly } from './readOnly';

/** Folded after two: the newest two show, the rest are one tap away. */
const FOLDED = 2;

export function CommentThread({ post, unfolded = false }: { post: PostViewModel; unfolded?: boolean }) {
  const { t } = useTranslation();
  const thread = useComments((s) => s[post.id]);
  const [showAll, setShowAll] = useState(unfolded);

  useEffect(() => {
    if (post.commentCount > 0) void ensureComments(post.id, post.commentCount);
  }, [post.id, post.commentCount]);

  if (post.commentCount === 0 && !thread?.items.length) return null;
  const items = thread?.items ?? [];
  const shown = showAll ? items : items.slice(-FOLDED);
  return (
    <div className="comments">
      {!showAll && items.length > FOLDED && (
        <button type="button" className="link-button comments-more" onClick={() => setShowAll(true)}>
          {t('comments.showAll', { count: items.length })}
        </button>
      )}
      {items.length === 0 && thread?.loading !== false ? (
        <CommentSkeleton />
      ) : (
        <ul className="comment-list">
          {shown.map((comment) => (
            <Comment key={comment.id} comment={comment} />
          ))}
        </ul>
      )}
    </div>
  );
}

function Comment({ comment }: { comment: CommentView }) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const { author } = comment;
  const name = author.name || t('post.someone');
  const me = useAppState((s) => (s.session?.state === 'loggedIn' ? s.session.person.id : null));
  return (
    <li className="comment">
      <Avatar name={name} url={author.avatarUrl} size="sm" />
      <div className="comment-bubble">
        <p className="comment-head">
          {readOnly ? (
            <span className="comment-author">{name}</span>
          ) : (
            <button type="button" className="link-button comment-author" onClick={() => void openPersonCard(author.id)}>
              {name}
            </button>
          )}
          <AmbassadorBadge ambassador={author.ambassador} />
          <span className="muted">
            {' · '}
            {comment.delivery === 'sending' ? t('post.sending') : <RelativeTime iso={comment.createdAt} />}
          </span>
        </p>
        <HiddenNotice mark={comment.moderation} />
        <RichText source={comment.body} hashtagHref={hashtagHref} />
        {!readOnly && author.id !== me && comment.delivery === 'sent' && <ReportButton itemKind="comment" itemId={comment.id} compact />}
      </div>
    </li>
  );
}

function CommentSkeleton() {
  return (
    <div className="comment" aria-hidden="true">
      <Skeleton width={32} height={32} round />
      <Skeleton height="2.5em" />
    </div>
  );
}
