import { BookOpenCheck, CheckCircle2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostViewModel } from '../../../../common/src/ipc/views';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { showToast } from '../../ui/toast/toastStore';
import { answerRead } from './readActions';

/** The "lezen verplicht" band on a card: one big "Gelezen" while she owes it, a quiet tick after. */
export function ReadBand({ post, readOnly }: { post: PostViewModel; readOnly: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const my = post.myRead;
  if (!my) return null;
  if (my.state === 'confirmed') {
    return (
      <p className="read-done">
        <CheckCircle2 aria-hidden="true" />
        <span>{my.waiting ? t('readConfirmations.confirmedWaiting') : t('readConfirmations.confirmed')}</span>
      </p>
    );
  }
  const confirm = async () => {
    setBusy(true);
    const { error } = await answerRead(post, 'confirm');
    setBusy(false);
    if (error) showToast(errorText(t, error), 'error');
  };
  return (
    <div className="read-band">
      <p className="read-band-label">
        <BookOpenCheck aria-hidden="true" />
        <span>{t('readConfirmations.band')}</span>
      </p>
      {!readOnly && (
        <Button variant="primary" className="read-confirm" disabled={busy} onClick={() => void confirm()}>
          {t('readConfirmations.confirm')}
        </Button>
      )}
    </div>
  );
}
