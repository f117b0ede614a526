import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageView } from '../../../../common/src/ipc/views';
import { Lightbox } from './Lightbox';

/** Shows up to four thumbnails; the fourth says how many more there are. */
const SHOWN = 4;

export function ImageGrid({ images }: { images: ImageView[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  if (images.length === 0) return null;
  const shown = images.slice(0, SHOWN);
  const hidden = images.length - shown.length;
  return (
    <>
      <ul className={`image-grid image-grid-${shown.length}`} aria-label={t('post.images')}>
        {shown.map((image, i) => (
          <li key={image.id}>
            <button type="button" onClick={() => setOpen(i)} aria-label={t('post.openImage', { n: i + 1, total: images.length })}>
              <img src={image.thumbUrl} alt="" width={image.width} height={image.height} loading="lazy" decoding="async" />
              {hidden > 0 && i === SHOWN - 1 && (
                <span className="image-more" aria-hidden="true">
                  {t('post.moreImages', { count: hidden })}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {open !== null && <Lightbox images={images} start={open} onClose={() => setOpen(null)} />}
    </>
  );
}
