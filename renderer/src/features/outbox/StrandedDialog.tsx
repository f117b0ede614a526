import { Send, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { RelativeTime } from '../../ui/RelativeTime';
import { closeStranded, resolveStranded, useStranded } from './strandedStore';

const PREVIEW_LENGTH = 120;

export function StrandedDialog() {
  const { t } = useTranslation();
  const { items, busy } = useStranded();
  if (items.length === 0) return null;
  return (
    <Dialog title={t('stranded.title', { count: items.length })} onClose={closeStranded}>
      <p className="dialog-message">{t('stranded.intro')}</p>
      <ul className="stranded-list" aria-label={t('stranded.items')}>
        {items.map((item) => (
          <li key={item.id} className="stranded-item">
            <span className="stranded-kind">{t(`stranded.kind.${item.kind}`)}</span>
            <span className="stranded-preview">
              {item.preview.length > PREVIEW_LENGTH ? `${item.preview.slice(0, PREVIEW_LENGTH - 1)}…` : item.preview}
            </span>
            <span className="stranded-time muted">
              <RelativeTime iso={item.createdAt} />
            </span>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <Button icon={<Trash2 aria-hidden="true" />} onClick={() => void resolveStranded('discard')} disabled={busy}>
          {t('stranded.discard')}
        </Button>
        <Button variant="primary" icon={<Send aria-hidden="true" />} onClick={() => void resolveStranded('send')} disabled={busy}>
          {t('stranded.send')}
        </Button>
      </div>
    </Dialog>
  );
}
