import { RotateCcw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { showToast } from '../../ui/toast/toastStore';

/** For an ambassador (editor, admin) on a colleague's card: she sees the tour again at her next start. */
export function RestartTourButton({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation();
  const restart = async () => {
    const r = await invoke('tour.restart', { personId });
    showToast(r.ok ? t('ambassadors.restarted', { name }) : errorText(t, r.error.code), r.ok ? 'info' : 'error');
  };
  return (
    <Button icon={<RotateCcw aria-hidden="true" />} onClick={() => void restart()}>
      {t('ambassadors.restartTour')}
    </Button>
  );
}
