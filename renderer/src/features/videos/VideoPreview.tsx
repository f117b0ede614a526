import { Film, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../ui/IconButton';
import type { VideoAttachment } from './videoAttachment';
import './videos.css';

/** The composer's picked video: its name and size, and a large target to take it off again. */
export function VideoPreview({ video, onRemove }: { video: VideoAttachment | null; onRemove: () => void }) {
  const { t } = useTranslation();
  if (!video) return null;
  // A few seconds of video is well under a megabyte: never shown as "0 MB".
  const megabytes = Math.max(0.1, video.size / (1024 * 1024)).toLocaleString(undefined, { maximumFractionDigits: 1 });
  return (
    <div className="video-preview" role="group" aria-label={t('videos.attached')}>
      <Film aria-hidden="true" />
      <span className="video-preview-name">{video.upload.name}</span>
      <span className="muted">{t('videos.size', { megabytes })}</span>
      <IconButton label={t('videos.remove', { name: video.upload.name })} icon={<X aria-hidden="true" />} onClick={onRemove} />
    </div>
  );
}
