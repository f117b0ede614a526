import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_NOTE_MAX, REPORT_REASON, type ModerationItemKind, type ReportReason } from '../../../../common/src/api/routes/moderation';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { errorText } from '../../ui/i18n/i18n';
import { showToast } from '../../ui/toast/toastStore';
import './moderation.css';

/** "Melden": one of the fixed reasons and, if she wants, a few words; it goes through the outbox. */
export function ReportDialog({ itemKind, itemId, onClose }: { itemKind: ModerationItemKind; itemId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  const countId = useId();

  const send = async () => {
    if (!reason) return;
    setBusy(true);
    const sent = await invoke('moderation.report', { itemKind, itemId, reason, ...(note.trim() ? { note: note.trim() } : {}) });
    setBusy(false);
    if (!sent.ok) {
      setError(errorText(t, sent.error.code));
      return;
    }
    showToast(t('moderation.sent'));
    onClose();
  };

  return (
    <Dialog title={t(itemKind === 'post' ? 'moderation.reportPost' : 'moderation.reportComment')} onClose={onClose}>
      <form
        className="report-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <p className="muted">{t('moderation.reportIntro')}</p>
        <fieldset className="report-reasons">
          <legend>{t('moderation.reasonLabel')}</legend>
          {REPORT_REASON.options.map((r) => (
            <label key={r} className={`report-reason${reason === r ? ' is-chosen' : ''}`}>
              <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
              <span>{t(`moderation.reasons.${r}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={noteId}>{t('moderation.noteLabel')}</label>
          <textarea id={noteId} rows={3} maxLength={REPORT_NOTE_MAX} value={note} aria-describedby={countId} onChange={(e) => setNote(e.target.value)} />
          <p id={countId} className="muted report-count">
            {t('moderation.noteCount', { count: note.length, max: REPORT_NOTE_MAX })}
          </p>
        </div>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="report-buttons">
          <Button onClick={onClose}>{t('moderation.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={!reason || busy}>
            {t('moderation.send')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
