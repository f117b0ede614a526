import { useSyncExternalStore } from 'react';

/**
 * Hash routes, so the same build works from a file in Electron and from the browser shell, and
 * the browser's back button just works:  #/  ·  #/tag/<hashtag>  ·  #/post/<id>  ·  #/kb  ·
 * #/kb/page/<id>  ·  #/kb/edit/<id>  ·  #/kb/new/<sectionId?>  ·  #/kb/review  ·  #/kb/stats  ·  #/groups  ·  #/group/<id>  ·
 * #/statistieken  ·  #/lezen-verplicht  ·  #/lezen-verplicht/<postId>  ·  #/kiosks  ·  #/gepland  ·  #/categorieen  ·  #/gespreksstarters  ·  #/moderatie  ·  #/ambassadeurs  ·  #/hr-gegevens
 */
export type Route =
  | { name: 'timeline'; hashtag: string | null }
  | { name: 'post'; id: string }
  | { name: 'kb' }
  | { name: 'kbPage'; id: string }
  | { name: 'kbEdit'; id: string }
  | { name: 'kbNew'; sectionId: string | null }
  | { name: 'kbReview' }
  | { name: 'searchStats' }
  | { name: 'groups' }
  | { name: 'group'; id: string }
  | { name: 'mailings' }
  | { name: 'mailingNew' }
  | { name: 'mailing'; id: string }
  | { name: 'mailSettings' }
  | { name: 'myMail' }
  | { name: 'noticeSettings' }
  | { name: 'kiosks' }
  | { name: 'scheduled' }
  | { name: 'categories' }
  | { name: 'statistics' }
  | { name: 'readRequirements' }
  | { name: 'readReport'; id: string }
  | { name: 'reviews' }
  | { name: 'review'; id: string }
  | { name: 'starters' }
  | { name: 'moderation' }
  | { name: 'ambassadors' }
  | { name: 'hrImport' };

export function parseHash(hash: string): Route {
  if (hash === '#/groups') return { name: 'groups' };
  if (hash === '#/meekijken') return { name: 'reviews' };
  const review = /^#\/meekijken\/(.+)$/.exec(hash);
  if (review?.[1]) return { name: 'review', id: decodeURIComponent(review[1]) };
  if (hash === '#/gepland') return { name: 'scheduled' };
  if (hash === '#/categorieen') return { name: 'categories' };
  if (hash === '#/gespreksstarters') return { name: 'starters' };
  if (hash === '#/meldingen') return { name: 'noticeSettings' };
  if (hash === '#/statistieken') return { name: 'statistics' };
  if (hash === '#/kb') return { name: 'kb' };
  if (hash === '#/kb/review') return { name: 'kbReview' };
  if (hash === '#/kb/stats') return { name: 'searchStats' };
  if (hash === '#/mailings') return { name: 'mailings' };
  if (hash === '#/mailings/new') return { name: 'mailingNew' };
  if (hash === '#/mailings/settings') return { name: 'mailSettings' };
  if (hash === '#/me/mail') return { name: 'myMail' };
  if (hash === '#/kiosks') return { name: 'kiosks' };
  if (hash === '#/lezen-verplicht') return { name: 'readRequirements' };
  if (hash === '#/moderatie') return { name: 'moderation' };
  if (hash === '#/ambassadeurs') return { name: 'ambassadors' };
  if (hash === '#/hr-gegevens') return { name: 'hrImport' };
  const required = /^#\/lezen-verplicht\/(.+)$/.exec(hash);
  if (required?.[1]) return { name: 'readReport', id: decodeURIComponent(required[1]) };
  const kb = /^#\/kb\/(page|edit|new)(?:\/(.*))?$/.exec(hash);
  if (kb) {
    const value = kb[2] ? decodeURIComponent(kb[2]) : null;
    if (kb[1] === 'new') return { name: 'kbNew', sectionId: value };
    if (value) return kb[1] === 'page' ? { name: 'kbPage', id: value } : { name: 'kbEdit', id: value };
  }
  const [, kind, value] = /^#\/(tag|post|group|mailing)\/(.+)$/.exec(hash) ?? [];
  if (kind === 'tag' && value) return { name: 'timeline', hashtag: decodeURIComponent(value) };
  if (kind === 'post' && value) return { name: 'post', id: decodeURIComponent(value) };
  if (kind === 'group' && value) return { name: 'group', id: decodeURIComponent(value) };
  if (kind === 'mailing' && value) return { name: 'mailing', id: decodeURIComponent(value) };
  return { name: 'timeline', hashtag: null };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'post':
      return `#/post/${encodeURIComponent(route.id)}`;
    case 'groups':
      return '#/groups';
    case 'group':
      return `#/group/${encodeURIComponent(route.id)}`;
    case 'kb':
      return '#/kb';
    case 'kbPage':
      return `#/kb/page/${encodeURIComponent(route.id)}`;
    case 'kbEdit':
      return `#/kb/edit/${encodeURIComponent(route.id)}`;
    case 'kbNew':
      return route.sectionId ? `#/kb/new/${encodeURIComponent(route.sectionId)}` : '#/kb/new';
    case 'kbReview':
      return '#/kb/review';
    case 'searchStats':
      return '#/kb/stats';
    case 'mailings':
      return '#/mailings';
    case 'mailingNew':
      return '#/mailings/new';
    case 'mailing':
      return `#/mailing/${encodeURIComponent(route.id)}`;
    case 'mailSettings':
      return '#/mailings/settings';
    case 'myMail':
      return '#/me/mail';
    case 'scheduled':
      return '#/gepland';
    case 'categories':
      return '#/categorieen';
    case 'starters':
      return '#/gespreksstarters';
    case 'noticeSettings':
      return '#/meldingen';
    case 'kiosks':
      return '#/kiosks';
    case 'statistics':
      return '#/statistieken';
    case 'readRequirements':
      return '#/lezen-verplicht';
    case 'readReport':
      return `#/lezen-verplicht/${encodeURIComponent(route.id)}`;
    case 'reviews':
      return '#/meekijken';
    case 'review':
      return `#/meekijken/${encodeURIComponent(route.id)}`;
    case 'moderation':
      return '#/moderatie';
    case 'ambassadors':
      return '#/ambassadeurs';
    case 'hrImport':
      return '#/hr-gegevens';
    case 'timeline':
      return route.hashtag ? `#/tag/${encodeURIComponent(route.hashtag)}` : '#/';
  }
}

export const hashtagHref = (tag: string) => hrefFor({ name: 'timeline', hashtag: tag });
export const postHref = (id: string) => hrefFor({ name: 'post', id });
export const kbPageHref = (id: string) => hrefFor({ name: 'kbPage', id });
export const groupHref = (id: string) => hrefFor({ name: 'group', id });
export const reviewHref = (id: string) => hrefFor({ name: 'review', id });

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
