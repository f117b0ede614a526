import { useSyncExternalStore } from 'react';

/**
 * Hash routes, so the same build works from a file in Electron and from the browser shell, and
 * the browser's back button just works:  #/  ·  #/tag/<hashtag>  ·  #/post/<id>  ·  #/groups  ·  #/group/<id>
 */
export type Route = { name: 'timeline'; hashtag: string | null } | { name: 'post'; id: string } | { name: 'groups' } | { name: 'group'; id: string };

export function parseHash(hash: string): Route {
  if (hash === '#/groups') return { name: 'groups' };
  const [, kind, value] = /^#\/(tag|post|group)\/(.+)$/.exec(hash) ?? [];
  if (kind === 'tag' && value) return { name: 'timeline', hashtag: decodeURIComponent(value) };
  if (kind === 'post' && value) return { name: 'post', id: decodeURIComponent(value) };
  if (kind === 'group' && value) return { name: 'group', id: decodeURIComponent(value) };
  return { name: 'timeline', hashtag: null };
}

export function hrefFor(route: Route): string {
  if (route.name === 'post') return `#/post/${encodeURIComponent(route.id)}`;
  if (route.name === 'groups') return '#/groups';
  if (route.name === 'group') return `#/group/${encodeURIComponent(route.id)}`;
  return route.hashtag ? `#/tag/${encodeURIComponent(route.hashtag)}` : '#/';
}

export const hashtagHref = (tag: string) => hrefFor({ name: 'timeline', hashtag: tag });
export const postHref = (id: string) => hrefFor({ name: 'post', id });
export const groupHref = (id: string) => hrefFor({ name: 'group', id });

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
