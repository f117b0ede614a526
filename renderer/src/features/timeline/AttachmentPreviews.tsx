import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../ui/IconButton';
import type { Attachment } from './attachments';

export function AttachmentPreviews({ items, onRemove }: { items: Attachment[]; onRemove: (key: string) => void }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="attachments" aria-label={t('composer.images')}>
      {items.map((item) => (
        <li key={item.key}>
          <img src={item.preview} alt={item.upload.name} />
          <IconButton
            label={t('composer.removeImage', { name: item.upload.name })}
            icon={<X aria-hidden="true" />}
            className="attachment-remove"
            onClick={() => onRemove(item.key)}
          />
        </li>
      ))}
    </ul>
  );
}
