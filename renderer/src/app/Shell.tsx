import { LogOut } from 'lucide-react';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../ui/Avatar';
import { Button } from '../ui/Button';
import { logout } from './connect';
import { Navigation } from './Navigation';
import { useAppState } from './sessionStore';
import { SyncStatus } from './SyncStatus';
import { Brand } from './theme/Brand';
import { LanguageSwitch } from '../ui/LanguageSwitch';

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const theme = useAppState((s) => s.theme);
  const person = useAppState((s) => (s.session?.state === 'loggedIn' ? s.session.person : null));
  const main = useRef<HTMLElement>(null);
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
        <Button variant="quiet" icon={<LogOut aria-hidden="true" />} onClick={() => void logout()} className="topbar-logout">
          {t('app.logout')}
        </Button>
      </header>
      <Navigation />
      <main ref={main} className="main-column" tabIndex={-1}>
        {children}
      </main>
      <footer className="powered-by">
        {t('app.poweredBy')} · <LanguageSwitch />
      </footer>
    </div>
  );
}
