import { CircleAlert, CloudOff, IdCardLanyard, Newspaper, Nfc, X } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { appRootUrl } from '../../app/page';
import { useRoute } from '../../app/route';
import { useAppState } from '../../app/sessionStore';
import { Brand } from '../../app/theme/Brand';
import { Button } from '../../ui/Button';
import { PostView } from '../timeline/PostView';
import { ReadOnlyContext } from '../timeline/readOnly';
import { TimelinePage } from '../timeline/TimelinePage';
import { cancelBadgePin, noticeText } from './badgeLogin';
import { BadgePinForm, EmployeeForm } from './LockForms';
import { LockLayout } from './LockLayout';
import { setReading, showLockPanel, useLockFlow } from './lockFlow';

/** A form or message left open goes back to the tap face after a minute without input. */
const IDLE_PANEL_MS = 60_000;

/**
 * The shared PC's face while nobody is logged in (and the kiosk's tap-in): tap a badge, or log in
 * with employee number and PIN. It shows nothing about anyone. Offline it says so calmly and offers
 * the organisation's timeline to read.
 */
export function LockScreen() {
  const { t } = useTranslation();
  const session = useAppState((s) => s.session);
  const online = session?.state === 'loggedOut' ? session.online : true;
  const { panel, notice, busy, reading } = useLockFlow();
  useBackToTapFace(panel !== 'tap' || notice !== null);

  if (reading) return <ReadOnlyTimeline />;

  const banner = !online && (
    <p className="lock-offline" role="status">
      <CloudOff aria-hidden="true" />
      <span>{t('lock.offlineBanner')}</span>
    </p>
  );

  return (
    <LockLayout banner={banner} kiosk={session?.mode === 'kiosk'}>
      {panel === 'tap' ? (
        <section className="lock-tap" aria-busy={busy}>
          <span className="lock-reader" aria-hidden="true">
            <IdCardLanyard className="lock-reader-card" />
            <Nfc className="lock-reader-waves" />
          </span>
          <h1 className="lock-title">{t('lock.tap')}</h1>
          {notice && (
            <p className="lock-notice" role="alert">
              {'key' in notice && notice.key === 'offline' ? (
                <CloudOff aria-hidden="true" className="lock-notice-calm" />
              ) : (
                <CircleAlert aria-hidden="true" className="lock-notice-error" />
              )}
              <span>{noticeText(notice)}</span>
            </p>
          )}
          <div className="lock-actions">
            <Button className="lock-alt" onClick={() => showLockPanel('employee')}>
              {t('lock.useEmployeeNumber')}
            </Button>
            {!online && (
              <Button className="lock-alt" icon={<Newspaper aria-hidden="true" />} onClick={() => setReading(true)}>
                {t('lock.readTimeline')}
              </Button>
            )}
          </div>
        </section>
      ) : panel === 'badgePin' ? (
        <BadgePinForm />
      ) : (
        <EmployeeForm link={panel === 'link'} />
      )}
    </LockLayout>
  );
}

function useBackToTapFace(active: boolean): void {
  const panel = useLockFlow((s) => s.panel);
  useEffect(() => {
    if (!active) return;
    const back = () => (panel === 'badgePin' ? void cancelBadgePin() : showLockPanel('tap'));
    let timer = setTimeout(back, IDLE_PANEL_MS);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(back, IDLE_PANEL_MS);
    };
    window.addEventListener('pointerdown', restart, true);
    window.addEventListener('input', restart, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', restart, true);
      window.removeEventListener('input', restart, true);
    };
  }, [active, panel]);
}

/** Offline, nobody logged in: the organisation-wide timeline from the cache, to read only. */
function ReadOnlyTimeline() {
  const { t } = useTranslation();
  const theme = useAppState((s) => s.theme);
  const route = useRoute();
  const close = () => {
    // The hashtag or post being read is not where the next person should start.
    window.history.replaceState(null, '', appRootUrl());
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    setReading(false);
  };
  return (
    <ReadOnlyContext.Provider value>
      <div className="lock-reading">
        <header className="lock-reading-bar">
          <Brand theme={theme} inverse />
          <p className="lock-reading-offline" role="status">
            <CloudOff aria-hidden="true" />
            <span>{t('lock.offlineBanner')}</span>
          </p>
          <Button className="lock-alt lock-reading-close" icon={<X aria-hidden="true" />} onClick={close}>
            {t('lock.closeTimeline')}
          </Button>
        </header>
        <main className="main-column lock-reading-main">
          {route.name === 'post' ? <PostView id={route.id} /> : <TimelinePage hashtag={route.name === 'timeline' ? route.hashtag : null} />}
        </main>
      </div>
    </ReadOnlyContext.Provider>
  );
}
