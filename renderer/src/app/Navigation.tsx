import { BookOpen, Newspaper, Search, Users, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../ui/toast/toastStore';
import { useRoute } from './route';

type Item = { key: 'timeline' | 'groups' | 'kb' | 'search'; icon: LucideIcon; ready: boolean; href?: string };

/** All four destinations are shown so the layout does not shift as they arrive. */
const ITEMS: Item[] = [
  { key: 'timeline', icon: Newspaper, ready: true, href: '#/' },
  { key: 'groups', icon: Users, ready: true, href: '#/groups' },
  { key: 'kb', icon: BookOpen, ready: false },
  { key: 'search', icon: Search, ready: false },
];

/** A left rail on wide screens and a bottom bar on narrow ones: the same list, laid out by CSS. */
export function Navigation() {
  const { t } = useTranslation();
  const route = useRoute();
  const here = route.name === 'groups' || route.name === 'group' ? 'groups' : 'timeline';
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {ITEMS.map(({ key, icon: Icon, ready, href }) => (
          <li key={key}>
            {ready ? (
              <a className="nav-item" href={href} aria-current={here === key ? 'page' : undefined}>
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
