import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/samen';
import { useAppState } from '../../app/sessionStore';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { AmbassadorBadge } from './AmbassadorBadge';
import './ambassadors.css';

const STEPS = ['welcome', 'timeline', 'groups', 'kb', 'ask'] as const;

/**
 * The first-time tour: asked of main once per session (the server knows whether this person has seen
 * it, on any device), five short steps with big buttons. Finishing, skipping or closing is an outbox
 * write, so it holds offline and on a ward PC after she tapped out; the screen keeps nothing.
 */
export function FirstTour() {
  const { t } = useTranslation();
  const intranetName = useAppState((s) => s.theme?.intranetName ?? 'Samen');
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState(0);

  useEffect(() => {
    let live = true;
    void invoke('tour.mine', {}).then((r) => live && r.ok && setOpen(r.value.pending));
    return () => {
      live = false;
    };
  }, []);

  if (!open) return null;
  const finish = (outcome: 'done' | 'skipped') => {
    setOpen(false);
    void invoke('tour.finish', { outcome });
  };
  const key = STEPS[step]!;
  const last = step === STEPS.length - 1;
  return (
    <Dialog title={t(`tour.${key}Title`, { name: intranetName })} onClose={() => finish('skipped')}>
      <div className="tour-step" aria-live="polite">
        <p className="muted">{t('tour.progress', { step: step + 1, total: STEPS.length })}</p>
        <p>{t(`tour.${key}Text`)}</p>
        {key === 'ask' && (
          <p>
            <AmbassadorBadge ambassador={{ line: null }} />
          </p>
        )}
        <div className="tour-buttons">
          {!last && (
            <Button variant="quiet" onClick={() => finish('skipped')}>
              {t('tour.skip')}
            </Button>
          )}
          <Button variant="primary" onClick={() => (last ? finish('done') : setStep(step + 1))}>
            {last ? t('tour.done') : t('tour.next')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
