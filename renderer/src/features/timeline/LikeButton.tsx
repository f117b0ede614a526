import { Heart } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PostViewModel } from '../../../../common/src/ipc/views';
import { errorText } from '../../ui/i18n/i18n';
import { showToast } from '../../ui/toast/toastStore';
import { toggleLike } from './timelineStore';

export function LikeButton({ post }: { post: PostViewModel }) {
  const { t } = useTranslation();
  const like = async () => {
    const error = await toggleLike(post.id);
    if (error) showToast(errorText(t, error), 'error');
  };
  return (
    <button
      type="button"
      className="action like"
      aria-pressed={post.likedByMe}
      title={post.likeCount > 0 ? t('post.likeCount', { count: post.likeCount }) : undefined}
      onClick={() => void like()}
    >
      <Heart aria-hidden="true" fill={post.likedByMe ? 'currentColor' : 'none'} />
      <span>{t('post.like')}</span>
      {post.likeCount > 0 && <span className="like-count">{post.likeCount}</span>}
    </button>
  );
}
