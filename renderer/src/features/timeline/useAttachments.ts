import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../ui/toast/toastStore';
import { IMAGES_MAX, readAttachment, type Attachment } from './attachments';

/** The photos picked for a post: read, checked, and capped at ten with a clear message. */
export function useAttachments() {
  const { t } = useTranslation();
  const [attachments, setAttachments] = useState<Attachment[]>([]);

  const addFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Cleared so that picking the same photo again still fires a change.
    event.target.value = '';
    const room = IMAGES_MAX - attachments.length;
    if (files.length > room) showToast(t('composer.tooMany', { max: IMAGES_MAX }), 'error');
    const read = await Promise.all(files.slice(0, Math.max(0, room)).map(readAttachment));
    if (read.includes('wrongType')) showToast(t('composer.wrongType'), 'error');
    if (read.includes('tooLarge')) showToast(t('composer.tooLarge'), 'error');
    const added = read.filter((r): r is Attachment => typeof r === 'object');
    setAttachments((current) => [...current, ...added].slice(0, IMAGES_MAX));
  };

  return {
    attachments,
    full: attachments.length >= IMAGES_MAX,
    addFiles,
    remove: (key: string) => setAttachments((list) => list.filter((a) => a.key !== key)),
    clear: () => setAttachments([]),
  };
}
