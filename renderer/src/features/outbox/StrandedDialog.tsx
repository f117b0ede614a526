import { format } from 'date-fns';
import { Send, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { dateLocale } from '../../ui/i18n/dateLocale';
import { RelativeTime } from '../../ui/RelativeTime';
import { droppedLines } from './droppedLines';
import { closeStranded, resolveStranded, useStranded } from './strandedStore';

const PREVIEW_LENGTH = 120;

export function StrandedDialog() {
  const { t } = useTranslation();
  const { items, dropped } = useStranded();
  if (items.length === 0 && dropped.length === 0) return null;
  return (
    <Dialog title={items.length > 0 ? t('stranded.title', { count: items.length }) : t('stranded.dropped.title')} onClose={closeStranded}>
      {dropped.length > 0 && (
        <section className="stranded-dropped">
          <ul className="stranded-dropped-lines">
            {droppedLines(dropped).map((line) => (
              <li key={`${line.kind}-${line.day.toISOString()}`}>
                {t(`stranded.dropped.${line.kind}`, { count: line.count, date: format(line.day, 'd MMMM', { locale: dateLocale() }) })}
              </li>
            ))}
          </ul>
          <p className="dialog-message">{t('stranded.dropped.why')}</p>
        </section>
      )}
      {items.length > 0 ? (
        <StrandedItems />
      ) : (
        <div className="dialog-actions">
          <Button variant="primary" onClick={closeStranded}>
            {t('stranded.dropped.ok')}
          </Button>
        </div>
      )}
    </Dialog>
  );
}

function StrandedItems() {
  const { t } = useTranslation();
  const { items, busy } = useStranded();
  return (
    <>
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
    </>
  );
}
