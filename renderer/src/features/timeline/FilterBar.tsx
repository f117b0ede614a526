import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** Says plainly that not everything is shown, with one big way back. */
export function FilterBar({ hashtag }: { hashtag: string }) {
  const { t } = useTranslation();
  return (
    <div className="filter-bar">
      <span>{t('filter.label', { tag: hashtag })}</span>
      <a className="filter-clear" href="#/" aria-label={t('filter.clear', { tag: hashtag })}>
        <X aria-hidden="true" />
      </a>
    </div>
  );
}
