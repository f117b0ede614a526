import { Eye } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** How many colleagues saw the post; never who. */
export function ViewCount({ count }: { count: number | undefined }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <span className="view-count muted">
      <Eye aria-hidden="true" />
      <span>{t('postViews.seenBy', { count })}</span>
    </span>
  );
}
