import { create } from 'zustand';
import type { ClientErrorCode } from '../../../common/src/ipc/contract';
import type { SessionState, SyncStatus, Theme } from '../../../common/src/ipc/views';
import { invoke } from './samen';

type AppState = {
  /** null until main has answered the first time. */
  session: SessionState | null;
  theme: Theme | null;
  sync: SyncStatus | null;
  /** Main did not answer the very first question: the app cannot show anything useful yet. */
  startError: ClientErrorCode | null;
  /**
   * The previous person's screen has been emptied (lock, logout, switch): only the lock screen is
   * shown until the page has reloaded, whatever main says meanwhile.
   */
  cleared: boolean;
};

export const useAppState = create<AppState>(() => ({ session: null, theme: null, sync: null, startError: null, cleared: false }));

export function setSession(session: SessionState): void {
  useAppState.setState((s) => ({ session, theme: ('theme' in session ? session.theme : null) ?? s.theme }));
}

export function setSyncStatus(sync: SyncStatus): void {
  useAppState.setState({ sync });
}

/** A logged-out session may not carry the theme yet; theme.get asks main for the last one it knows. */
export async function loadSession(): Promise<void> {
  useAppState.setState({ startError: null });
  const [session, sync] = await Promise.all([invoke('session.state', {}), invoke('sync.status', {})]);
  if (sync.ok) setSyncStatus(sync.value);
  if (!session.ok) {
    useAppState.setState({ startError: session.error.code });
    return;
  }
  setSession(session.value);
  if (!('theme' in session.value) || !session.value.theme) {
    const theme = await invoke('theme.get', {});
    if (theme.ok && theme.value) useAppState.setState({ theme: theme.value });
  }
}

/** Whether a badge reader and a lock screen belong on this device (not on a personal workstation). */
export function isSharedDevice(session: SessionState | null): boolean {
  return session?.mode === 'shared' || session?.mode === 'kiosk';
}
