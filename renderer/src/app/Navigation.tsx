import { BookOpen, Newspaper, Search, Users, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../ui/toast/toastStore';

type Item = { key: 'timeline' | 'groups' | 'kb' | 'search'; icon: LucideIcon; ready: boolean };

/** All four destinations are shown so the layout does not shift as they arrive; only Tijdlijn works yet. */
const ITEMS: Item[] = [
  { key: 'timeline', icon: Newspaper, ready: true },
  { key: 'groups', icon: Users, ready: false },
  { key: 'kb', icon: BookOpen, ready: false },
  { key: 'search', icon: Search, ready: false },
];

/** A left rail on wide screens and a bottom bar on narrow ones: the same list, laid out by CSS. */
export function Navigation() {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {ITEMS.map(({ key, icon: Icon, ready }) => (
          <li key={key}>
            {ready ? (
              <a className="nav-item" href="#/" aria-current="page">
                <Icon aria-hidden="true" />
                <span>{t(`nav.${key}`)}</span>
              </a>
            ) : (
              // aria-disabled rather than disabled: it can still be tapped, and says why nothing opens.
              <button type="button" className="nav-item" aria-disabled="true" onClick={() => showToast(t('nav.soonToast', { name: t(`nav.${key}`) }))}>
                <Icon aria-hidden="true" />
                <span className="nav-text">
                  <span>{t(`nav.${key}`)}</span>
                  <span className="nav-soon">{t('nav.soon')}</span>
                </span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
