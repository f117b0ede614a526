import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageView } from '../../../../common/src/ipc/views';
import { Dialog } from '../../ui/Dialog';
import { IconButton } from '../../ui/IconButton';

export function Lightbox({ images, start, onClose }: { images: ImageView[]; start: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(start);
  const image = images[index];
  if (!image) return null;
  const title = t('lightbox.title', { n: index + 1, total: images.length });
  const go = (step: number) => setIndex((i) => (i + step + images.length) % images.length);
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowLeft') go(-1);
    if (event.key === 'ArrowRight') go(1);
  };
  return (
    <Dialog title={title} onClose={onClose} variant="lightbox" onKeyDown={onKey}>
      <div className="lightbox">
        <img src={image.url} alt={title} width={image.width} height={image.height} />
        {images.length > 1 && (
          <div className="lightbox-nav">
            <IconButton label={t('lightbox.previous')} icon={<ChevronLeft aria-hidden="true" />} onClick={() => go(-1)} />
            <IconButton label={t('lightbox.next')} icon={<ChevronRight aria-hidden="true" />} onClick={() => go(1)} />
          </div>
        )}
      </div>
    </Dialog>
  );
}
