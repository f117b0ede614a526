import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/samen';
import { applySession } from '../../app/sessionEnd';
import { useAppState } from '../../app/sessionStore';
import { Button } from '../../ui/Button';
import { stillHere } from './activity';
import { useIdleWarning } from './idleStore';

/** After the countdown, a moment for main's own lock to arrive before the screen asks for it. */
const GRACE_MS = 1_000;

/**
 * "Je wordt zo uitgelogd": a sheet from the bottom in the last seconds before the idle lock, with
 * the seconds counting down and one big button to stay. It does not block the page: any tap or key
 * counts as being there.
 */
export function IdleSheet() {
  const deadline = useIdleWarning((s) => s.deadline);
  const loggedIn = useAppState((s) => s.session?.state === 'loggedIn' && !s.cleared);
  if (deadline === null || !loggedIn) return null;
  return <Countdown deadline={deadline} />;
}

function Countdown({ deadline }: { deadline: number }) {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const [now, setNow] = useState(Date.now);
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);

  // The big button takes the focus, so Enter or Space is enough; the focus goes back afterwards,
  // without scrolling: the sheet goes at the pointerdown of a tap anywhere, and a page that scrolled
  // back to where the focus was would take that tap's click away from what she tapped.
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    button.current?.focus({ preventScroll: true });
    return () => {
      if (before?.isConnected) before.focus({ preventScroll: true });
    };
  }, []);

  // Main locks by itself; where it cannot see the idle time (the browser shell), the screen asks.
  const expired = seconds === 0;
  useEffect(() => {
    if (!expired) return;
    const timer = setTimeout(() => {
      void invoke('session.lock', {}).then((result) => result.ok && applySession(result.value));
    }, GRACE_MS);
    return () => clearTimeout(timer);
  }, [expired]);

  return createPortal(
    <div className="idle-sheet" data-idle-sheet="" role="alertdialog" aria-modal="false" aria-labelledby={titleId} aria-describedby={textId}>
      <div className="idle-inner">
        <p className="idle-count">
          <span className="idle-number">{seconds}</span>
          <span className="idle-unit">{t('idle.unit', { count: seconds })}</span>
        </p>
        <div className="idle-text">
          <h2 id={titleId}>{t('idle.title')}</h2>
          <p id={textId}>{t('idle.intro')}</p>
        </div>
        <Button ref={button} variant="primary" className="idle-stay" onClick={stillHere}>
          {t('idle.stay')}
        </Button>
      </div>
    </div>,
    document.body,
  );
}
