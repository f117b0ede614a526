import { BarChart3, BookOpen, BookOpenCheck, Flag, HandHeart, Mail, MessageCircleQuestionMark, MessagesSquare, MonitorPlay, Newspaper, Search, Users, type LucideIcon } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsEditor } from '../features/mailings/roles';
import { useIsModerator } from '../features/moderation/roles';
import { ReviewCount } from '../features/reviews/ReviewCount';
import { useIsReviewer } from '../features/reviews/reviewRoles';
import { openSearch } from '../features/search/searchStore';
import { showToast } from '../ui/toast/toastStore';
import { useRoute, type Route } from './route';

type Item = { key: 'timeline' | 'groups' | 'kb' | 'search' | 'mailings' | 'readConfirmations' | 'statistics' | 'kiosks' | 'reviews' | 'starters' | 'moderation' | 'ambassadors'; icon: LucideIcon; ready: boolean; href?: string; current?: (r: Route) => boolean; action?: () => void; editors?: true; reviewers?: true; moderators?: true };

/** The five destinations everyone has are always shown, so the layout does not shift; editors also have Mailings, Statistieken, Lezen verplicht and Kiosks. Zoeken opens the search box over any screen. */
const ITEMS: Item[] = [
  { key: 'timeline', icon: Newspaper, ready: true, href: '#/', current: (r) => r.name === 'timeline' || r.name === 'post' || r.name === 'scheduled' || r.name === 'categories' },
  { key: 'groups', icon: Users, ready: true, href: '#/groups', current: (r) => r.name === 'groups' || r.name === 'group' },
  { key: 'kb', icon: BookOpen, ready: true, href: '#/kb', current: (r) => r.name.startsWith('kb') || r.name === 'searchStats' },
  { key: 'search', icon: Search, ready: true, action: openSearch },
  { key: 'ambassadors', icon: HandHeart, ready: true, href: '#/ambassadeurs', current: (r) => r.name === 'ambassadors' },
  { key: 'mailings', icon: Mail, ready: true, href: '#/mailings', current: (r) => r.name === 'mailings' || r.name === 'mailingNew' || r.name === 'mailing' || r.name === 'mailSettings', editors: true },
  { key: 'statistics', icon: BarChart3, ready: true, href: '#/statistieken', current: (r) => r.name === 'statistics', editors: true },
  { key: 'readConfirmations', icon: BookOpenCheck, ready: true, href: '#/lezen-verplicht', current: (r) => r.name === 'readRequirements' || r.name === 'readReport', editors: true },
  { key: 'kiosks', icon: MonitorPlay, ready: true, href: '#/kiosks', current: (r) => r.name === 'kiosks', editors: true },
  // Meekijken: coaches and editors, with the number waiting for them.
  { key: 'reviews', icon: MessagesSquare, ready: true, href: '#/meekijken', current: (r) => r.name === 'reviews' || r.name === 'review', reviewers: true },
  { key: 'starters', icon: MessageCircleQuestionMark, ready: true, href: '#/gespreksstarters', current: (r) => r.name === 'starters', editors: true },
  // Coaches as well as editors: the queue of what colleagues reported.
  { key: 'moderation', icon: Flag, ready: true, href: '#/moderatie', current: (r) => r.name === 'moderation', moderators: true },
];

/** A left rail on wide screens and a bottom bar on narrow ones: the same list, laid out by CSS. */
export function Navigation() {
  const { t } = useTranslation();
  const route = useRoute();
  const editor = useIsEditor();
  const reviewer = useIsReviewer();
  const moderator = useIsModerator();
  const list = useRef<HTMLUListElement>(null);
  // On a narrow window an editor's destinations may not all fit the bottom bar, which then scrolls
  // sideways: the one she is on is brought into view (the left rail never scrolls so).
  useEffect(() => {
    const show = () => {
      const bar = list.current;
      if (bar && bar.scrollWidth > bar.clientWidth) bar.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    };
    show();
    window.addEventListener('resize', show);
    return () => window.removeEventListener('resize', show);
  }, [route]);
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul ref={list}>
        {ITEMS.filter((item) => (editor || !item.editors) && (reviewer || !item.reviewers) && (moderator || !item.moderators)).map(({ key, icon: Icon, ready, href, current, action }) => (
          <li key={key}>
            {ready && action ? (
              <button type="button" className="nav-item" onClick={action} aria-keyshortcuts="Control+K /">
                <Icon aria-hidden="true" />
                <span>{t(`nav.${key}`)}</span>
              </button>
            ) : ready ? (
              <a className="nav-item" href={href} aria-current={current?.(route) ? 'page' : undefined}>
                <Icon aria-hidden="true" />
                <span>{t(`nav.${key}`)}</span>
                {key === 'reviews' && <ReviewCount />}
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
