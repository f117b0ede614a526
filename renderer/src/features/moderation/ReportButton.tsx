import { Flag } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationItemKind } from '../../../../common/src/api/routes/moderation';
import { ReportDialog } from './ReportDialog';

/** "Melden" beside a post's or a comment's other actions; never on her own writing. */
export function ReportButton({ itemKind, itemId, compact = false }: { itemKind: ModerationItemKind; itemId: string; compact?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={compact ? 'link-button report-link' : 'action report-action'} onClick={() => setOpen(true)}>
        {!compact && <Flag aria-hidden="true" />}
        <span>{t('moderation.report')}</span>
      </button>
      {open && <ReportDialog itemKind={itemKind} itemId={itemId} onClose={() => setOpen(false)} />}
    </>
  );
}
