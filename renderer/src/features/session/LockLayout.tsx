import { format } from 'date-fns';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../app/sessionStore';
import { Brand } from '../../app/theme/Brand';
import { useNow } from '../../ui/clock';
import { dateLocale } from '../../ui/i18n/dateLocale';
import { LanguageSwitch } from '../../ui/LanguageSwitch';

/**
 * The frame of every screen a shared device shows when nobody is logged in: full screen in the
 * organisation's colour, its name top left, and a clock readable from across the room.
 */
export function LockLayout({ banner, children, kiosk = false }: { banner?: ReactNode; children: ReactNode; kiosk?: boolean }) {
  const { t } = useTranslation();
  const theme = useAppState((s) => s.theme);
  const now = new Date(useNow((s) => s.now));
  return (
    <div className={`login-screen lock-screen${kiosk ? ' lock-kiosk' : ''}`}>
      <header className="login-top">
        <Brand theme={theme} inverse />
      </header>
      {banner}
      <main className="login-main lock-main">
        <p className="login-clock lock-clock" aria-hidden="true">
          <span className="login-time">{format(now, 'HH:mm')}</span>
          <span className="login-date">{format(now, 'EEEE d MMMM', { locale: dateLocale() })}</span>
        </p>
        {children}
      </main>
      <footer className="login-footer">
        {t('app.poweredBy')} · <LanguageSwitch />
      </footer>
    </div>
  );
}
