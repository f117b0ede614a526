import { create } from 'zustand';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import type { KbHome } from '../../../../common/src/ipc/kbViews';
import { registerPersonalStore } from '../../app/personalStores';
import { invoke } from '../../app/samen';
import { useAppState } from '../../app/sessionStore';

type KbState = { home: KbHome | null; error: ClientErrorCode | null; editing: boolean };

export const useKb = create<KbState>(() => ({ home: null, error: null, editing: false }));

/** Her favourites are in the home: they go at logout like everything of hers. */
registerPersonalStore(() => useKb.setState({ home: null, error: null, editing: false }));

export async function loadKbHome(): Promise<void> {
  const result = await invoke('kb.home', {});
  if (result.ok) useKb.setState({ home: result.value, error: null });
  else useKb.setState({ error: result.error.code });
}

export const setKbHome = (home: KbHome) => useKb.setState({ home });

/** Editors and admins edit, on their own workstation only: never on a shared PC or a kiosk. */
export function useCanEdit(): boolean {
  return useAppState((s) => s.session?.state === 'loggedIn' && s.session.mode === 'workstation' && s.session.person.roles.some((r) => r === 'editor' || r === 'admin'));
}
