import { BookCheck, Heart, MessageCircle, Pin, Sparkles, Trophy } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SignageItem } from '../../../../common/src/ipc/kioskViews';
import type { PostViewModel } from '../../../../common/src/ipc/views';
import { plainText } from '../../../../common/src/text/markdown';
import { Avatar } from '../../ui/Avatar';
import { RelativeTime } from '../../ui/RelativeTime';

const LABEL_ICONS = { pinned: Pin, new: Sparkles, topOfWeek: Trophy, readRequired: BookCheck } as const;

/** A post as a kiosk shows it: large, the first photo beside the text, counts without names. */
function PostFace({ post, label, band = false }: { post: PostViewModel; label: keyof typeof LABEL_ICONS; band?: boolean }) {
  const { t } = useTranslation();
  const Icon = LABEL_ICONS[label];
  const image = post.images[0];
  return (
    <article className={`signage-card signage-post${image ? ' has-image' : ''}${band ? ' signage-required' : ''}`}>
      <p className={`signage-label${band ? ' signage-band' : ''}`}>
        <Icon aria-hidden="true" />
        <span>{t(`kiosk.label.${label}`)}</span>
      </p>
      <div className="signage-post-body">
        <header className="signage-author">
          <Avatar name={post.author.name} url={post.author.avatarUrl} size="lg" />
          <span>
            <span className="signage-author-name">{post.author.name}</span>
            <span className="signage-author-meta">
              {post.group ? `${post.group.name} · ` : ''}
              <RelativeTime iso={post.createdAt} />
            </span>
          </span>
        </header>
        <p className="signage-text">{plainText(post.body)}</p>
        <p className="signage-counts">
          <span>
            <Heart aria-hidden="true" /> {t('kiosk.likes', { count: post.likeCount })}
          </span>
          <span>
            <MessageCircle aria-hidden="true" /> {t('kiosk.comments', { count: post.commentCount })}
          </span>
        </p>
        {band && <p className="signage-cta">{t('kiosk.confirmHint')}</p>}
      </div>
      {image && <img className="signage-image" src={image.url} alt="" />}
    </article>
  );
}

export const SignagePost = ({ item }: { item: Extract<SignageItem, { kind: 'post' }> }) => <PostFace post={item.post} label={item.label} />;

export const SignageReadRequired = ({ item }: { item: Extract<SignageItem, { kind: 'readRequired' }> }) => <PostFace post={item.post} label="readRequired" band />;
