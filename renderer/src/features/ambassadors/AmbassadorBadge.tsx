import { HandHeart } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import './ambassadors.css';

/** The mark beside an ambassador's name: an icon and the word, so it is read out and not only seen. */
export function AmbassadorBadge({ ambassador }: { ambassador?: { line: string | null } | undefined }) {
  const { t } = useTranslation();
  if (!ambassador) return null;
  return (
    <span className="ambassador-badge">
      <HandHeart aria-hidden="true" />
      {t('ambassadors.badge')}
    </span>
  );
}
