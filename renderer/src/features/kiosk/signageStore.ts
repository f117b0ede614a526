import { create } from 'zustand';
import type { SignageView } from '../../../../common/src/ipc/kioskViews';
import { invoke, on } from '../../app/samen';

type SignageState = { view: SignageView | null; failed: boolean };

export const useSignage = create<SignageState>(() => ({ view: null, failed: false }));

async function load(): Promise<void> {
  const result = await invoke('kiosk.signage', {});
  // A failed read keeps what is playing: a kiosk never goes blank because one read did not work.
  if (result.ok) useSignage.setState({ view: result.value, failed: false });
  else useSignage.setState({ failed: true });
}

/** Loads the signage and follows main's word that it changed; returns the way to stop following. */
export function followSignage(): () => void {
  void load();
  const off = on('kiosk.changed', () => void load());
  return () => {
    off();
    useSignage.setState({ view: null, failed: false });
  };
}
