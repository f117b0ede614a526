import type { SessionState } from '../../../common/src/ipc/views';
import { clearToasts } from '../ui/toast/toastStore';
import { appRootUrl, page } from './page';
import { registerPersonalStore, resetPersonalStores } from './personalStores';
import { setSession, useAppState } from './sessionStore';

// Messages can quote what someone wrote (ui/ knows nothing of sessions, so it is registered here).
registerPersonalStore(clearToasts);

/**
 * What happens when the person at the screen changes (lock, logout, idle lock, a badge switch):
 * every store is emptied at once, so the lock screen is all that is left in the DOM, and then the
 * page reloads from the app's root with `location.replace`. The reload starts everything from
 * nothing (no state, no component memory) and leaves no entry in history to go back to. The browser
 * shell lets the browser keep the app's files, so the reload costs little; in Electron the navigation
 * hands the screen to a spare window instead, and this page is destroyed (main/core/session/screenSwap.ts).
 *
 * A badge tap that is still being answered, or that waits for its PIN, holds the reload back until it
 * is settled, so the codes it keeps in memory are not lost halfway; the screen is empty meanwhile.
 */
let holds = 0;
let reloadOwed = false;

export function applySession(next: SessionState): void {
  const previous = useAppState.getState().session;
  const before = previous?.state === 'loggedIn' ? previous.person.id : null;
  const after = next.state === 'loggedIn' ? next.person.id : null;
  if (before !== null && before !== after) forgetPerson();
  // Someone logs in where nobody was: whatever the lock screen had loaded (the read-only timeline) goes.
  else if (before === null && after !== null) resetPersonalStores();
  setSession(next);
}

/** Empties the screen of the person who was using it; the page reloads as soon as nothing holds it. */
export function forgetPerson(): void {
  resetPersonalStores();
  useAppState.setState({ sync: null, cleared: true });
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  reloadOwed = true;
  settle();
}

/** Keeps the page from reloading until the returned function is called (once). */
export function holdReload(): () => void {
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
    settle();
  };
}

// A page kept in the back/forward cache and shown again after its person was forgotten: it holds
// nothing of them (that went before the reload), but it must start afresh to be of use.
if (typeof window !== 'undefined') {
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && useAppState.getState().cleared) page.replace(appRootUrl());
  });
}

function settle(): void {
  if (!reloadOwed || holds > 0) return;
  reloadOwed = false;
  page.replace(appRootUrl());
}
