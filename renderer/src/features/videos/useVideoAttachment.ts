import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../ui/toast/toastStore';
import { readVideo, type VideoAttachment } from './videoAttachment';

/** The one short video picked for a post: read and checked, with a clear message when it cannot go. */
export function useVideoAttachment() {
  const { t } = useTranslation();
  const [video, setVideo] = useState<VideoAttachment | null>(null);
  const [reading, setReading] = useState(false);

  const addVideo = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that picking the same video again still fires a change.
    event.target.value = '';
    if (!file) return;
    setReading(true);
    const read = await readVideo(file).finally(() => setReading(false));
    if (read === 'wrongType') showToast(t('videos.wrongType'), 'error');
    else if (read === 'tooLarge') showToast(t('videos.tooLarge'), 'error');
    else setVideo(read);
  };

  return { video, reading, addVideo, clear: () => setVideo(null) };
}
