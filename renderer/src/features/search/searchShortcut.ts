import { openSearch } from './searchStore';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Ctrl+K (or ⌘K) anywhere, and "/" where nobody is typing, open the search box. */
export function installSearchShortcut(): () => void {
  const onKey = (event: KeyboardEvent) => {
    const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target);
    if (!ctrlK && !slash) return;
    event.preventDefault();
    openSearch();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
