import { Lock, LogOut, Settings } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { checkStranded } from '../features/outbox/strandedStore';
import { StrandedDialog } from '../features/outbox/StrandedDialog';
import { Avatar } from '../ui/Avatar';
import { Button } from '../ui/Button';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { endSession } from './connect';
import { Navigation } from './Navigation';
import { hrefFor } from './route';
import { isSharedDevice, useAppState } from './sessionStore';
import { SyncStatus } from './SyncStatus';
import { Brand } from './theme/Brand';

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const theme = useAppState((s) => s.theme);
  const person = useAppState((s) => (s.session?.state === 'loggedIn' ? s.session.person : null));
  const shared = useAppState((s) => isSharedDevice(s.session));
  const main = useRef<HTMLElement>(null);
  const personId = person?.id;

  // Writes left over from an earlier session on a shared device: asked about once after login.
  useEffect(() => {
    if (personId) void checkStranded();
  }, [personId]);

  return (
    <div className="shell">
      {/* A button, not href="#main": the hash is the route. */}
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        {t('app.skipToContent')}
      </button>
      <header className="topbar">
        <Brand theme={theme} />
        <SyncStatus />
        {person && (
          <span className="topbar-person">
            <Avatar name={person.name} url={person.avatarUrl} size="sm" />
            <span className="topbar-name">{person.name}</span>
          </span>
        )}
        {person && (
          <a className="btn btn-quiet topbar-logout" href={hrefFor({ name: 'myMail' })}>
            <Settings aria-hidden="true" />
            <span>{t('app.settings')}</span>
          </a>
        )}
        {shared ? (
          <Button variant="secondary" icon={<Lock aria-hidden="true" />} onClick={() => void endSession('lock')} className="topbar-logout topbar-lock">
            {t('app.lock')}
          </Button>
        ) : (
          <Button variant="quiet" icon={<LogOut aria-hidden="true" />} onClick={() => void endSession('logout')} className="topbar-logout">
            {t('app.logout')}
          </Button>
        )}
      </header>
      <Navigation />
      <main ref={main} className="main-column" tabIndex={-1}>
        {children}
      </main>
      <footer className="powered-by">
        {t('app.poweredBy')} · <LanguageSwitch />
      </footer>
      <StrandedDialog />
    </div>
  );
}
