import { MessageCircle } from 'lucide-react';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostViewModel } from '../../../../common/src/ipc/views';
import { hashtagHref } from '../../app/route';
import { Card } from '../../ui/Card';
import { RichText } from '../../ui/RichText';
import { categoryColour, useCategories } from '../categories/categoryStore';
import '../categories/categories.css';
import { openPersonCard } from '../people/personCardStore';
import { votePoll } from '../polls/pollActions';
import { PollCard } from '../polls/PollCard';
import { HiddenNotice } from '../moderation/HiddenNotice';
import { ReportButton } from '../moderation/ReportButton';
import { ReactionBar } from '../reactions/ReactionBar';
import { useSeen } from '../postViews/useSeen';
import { ViewCount } from '../postViews/ViewCount';
import { ReadBand } from '../readConfirmations/ReadBand';
import { CommentForm } from './CommentForm';
import { CommentThread } from './CommentThread';
import { ImageGrid } from './ImageGrid';
import { PostVideos } from '../videos/PostVideo';
import { PostHeader } from './PostHeader';
import { useReadOnly } from './readOnly';

type Props = {
  post: PostViewModel;
  /** The single post view: every comment shown and the reply field open. */
  detail?: boolean;
  activeHashtag?: string | null;
  /** Position in a role="feed" list, for screen readers; -1 when the end is not known yet. */
  feedPosition?: { index: number; size: number };
  /** "Eerst lezen" has its own "Gelezen" and "Later" under the card. */
  showReadBand?: boolean;
};

export function PostCard({ post, detail = false, activeHashtag = null, feedPosition, showReadBand = true }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const readOnly = useReadOnly();
  const [replying, setReplying] = useState(detail && !readOnly);
  const mentions = useMemo(() => new Map(post.mentions.map((m) => [m.handle, m.personId])), [post.mentions]);
  const mentionable = useMemo(() => new Set(mentions.keys()), [mentions]);
  const categories = useCategories((s) => s.items);
  const cardRef = useRef<HTMLElement>(null);
  // "Gezien door" counts colleagues: her own post seen by herself is not one.
  useSeen(cardRef, post.id, !readOnly && post.delivery === 'sent' && !post.mine);
  const owed = post.myRead?.state === 'owed';

  return (
    <Card
      as="article"
      ref={cardRef}
      className={`post${post.delivery === 'sending' ? ' post-is-sending' : ''}${owed ? ' post-read-owed' : ''}`}
      aria-labelledby={titleId}
      aria-posinset={feedPosition ? feedPosition.index + 1 : undefined}
      aria-setsize={feedPosition?.size}
    >
      {showReadBand && <ReadBand post={post} readOnly={readOnly} />}
      <PostHeader post={post} titleId={titleId} />
      <HiddenNotice mark={post.moderation} />
      {post.poll ? (
        <PollCard poll={post.poll} readOnly={readOnly} onVote={(ids) => void votePoll(post.id, ids)} />
      ) : (
        <RichText
          source={post.body}
          hashtagHref={hashtagHref}
          currentHashtag={activeHashtag}
          mentionable={mentionable}
          categoryColour={(tag) => categoryColour(categories, tag)}
          onMention={
            readOnly
              ? undefined
              : (handle) => {
                  const id = mentions.get(handle);
                  if (id) void openPersonCard(id);
                }
          }
        />
      )}
      <ImageGrid images={post.images} />
      <PostVideos videos={post.videos} />
      {readOnly ? (
        <ReadOnlyCounts post={post} />
      ) : (
        <div className="post-actions">
          <ReactionBar post={post} />
          <button type="button" className="action" aria-expanded={replying} onClick={() => setReplying(true)}>
            <MessageCircle aria-hidden="true" />
            <span>{t('post.comments', { count: post.commentCount })}</span>
          </button>
          <ViewCount count={post.viewCount} />
          {!post.mine && post.delivery === 'sent' && <ReportButton itemKind="post" itemId={post.id} />}
        </div>
      )}
      <CommentThread post={post} unfolded={detail} />
      {replying && <CommentForm postId={post.id} autoFocus={!detail} />}
    </Card>
  );
}

/** Without anyone logged in: how the post was received, as text rather than buttons. */
function ReadOnlyCounts({ post }: { post: PostViewModel }) {
  const { t } = useTranslation();
  const parts = [
    post.likeCount > 0 ? t('post.likeCount', { count: post.likeCount }) : null,
    post.commentCount > 0 ? t('post.comments', { count: post.commentCount }) : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <p className="post-counts muted">{parts.join(' · ')}</p>;
}
