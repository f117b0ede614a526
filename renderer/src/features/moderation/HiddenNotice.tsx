import { EyeOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ModerationMark } from '../../../../common/src/api/entities';

/** What the author of a hidden post or comment sees on it: hidden, why, and that only she sees it. */
export function HiddenNotice({ mark }: { mark: ModerationMark | undefined }) {
  const { t } = useTranslation();
  if (!mark) return null;
  return (
    <p className="hidden-notice" role="note">
      <EyeOff aria-hidden="true" />
      <span>
        <strong>{t('moderation.hiddenNotice', { reason: mark.reason })}</strong> {t('moderation.hiddenHint')}
      </span>
    </p>
  );
}
