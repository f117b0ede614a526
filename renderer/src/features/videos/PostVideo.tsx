import { Play } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VideoView } from '../../../../common/src/ipc/views';
import './videos.css';

const duration = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/**
 * A post's video: its poster with one large play button. Nothing is downloaded until she presses it
 * (`preload="none"`); then the browser fetches ranges through the shell as it plays and seeks.
 */
export function PostVideo({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLVideoElement>(null);
  const [started, setStarted] = useState(false);
  const ratio = video.width > 0 && video.height > 0 ? `${video.width} / ${video.height}` : '16 / 9';
  const label = video.durationMs > 0 ? t('videos.play', { duration: duration(video.durationMs) }) : t('videos.playWaiting');
  return (
    <div className="post-video" style={{ aspectRatio: ratio }}>
      <video ref={ref} src={video.url} poster={video.posterUrl ?? undefined} preload="none" controls={started} playsInline aria-label={t('videos.label')} />
      {!started && (
        <button
          type="button"
          className="post-video-play"
          aria-label={label}
          onClick={() => {
            setStarted(true);
            void ref.current?.play().catch(() => undefined);
          }}
        >
          <Play aria-hidden="true" />
          {video.durationMs > 0 && <span>{duration(video.durationMs)}</span>}
        </button>
      )}
    </div>
  );
}

export function PostVideos({ videos }: { videos: VideoView[] | undefined }) {
  if (!videos || videos.length === 0) return null;
  return (
    <>
      {videos.map((v) => (
        <PostVideo key={v.id} video={v} />
      ))}
    </>
  );
}
