import { create } from 'zustand';
import type { MethodOutput } from '../../../../common/src/ipc/contract';
import { registerPersonalStore } from '../../app/personalStores';
import { invoke } from '../../app/samen';
import { useAppState } from '../../app/sessionStore';
import { errorText, i18n } from '../../ui/i18n/i18n';
import { showToast } from '../../ui/toast/toastStore';

export type StrandedItem = MethodOutput<'outbox.stranded'>['items'][number];

/**
 * Writes this person queued on a shared device whose delivery grant ran out before they could be
 * sent: shown once after login, to send or throw away. Closing the question keeps them for the
 * next login; nothing is dropped without the person saying so.
 */
type StrandedState = { items: StrandedItem[]; busy: boolean };

const initial: StrandedState = { items: [], busy: false };

export const useStranded = create<StrandedState>(() => initial);

registerPersonalStore(() => useStranded.setState(initial, true));

const currentPerson = () => {
  const { session, cleared } = useAppState.getState();
  return session?.state === 'loggedIn' && !cleared ? session.person.id : null;
};

export async function checkStranded(): Promise<void> {
  const person = currentPerson();
  if (!person) return;
  const result = await invoke('outbox.stranded', {});
  // The answer is for the person who was there when it was asked.
  if (result.ok && currentPerson() === person) useStranded.setState({ items: result.value.items, busy: false });
}

export async function resolveStranded(action: 'send' | 'discard'): Promise<void> {
  const { items, busy } = useStranded.getState();
  if (busy || items.length === 0) return;
  useStranded.setState({ busy: true });
  const result = await invoke('outbox.resolve', { ids: items.map((item) => item.id), action });
  if (!result.ok) {
    useStranded.setState({ busy: false });
    showToast(errorText(i18n.t, result.error.code), 'error');
    return;
  }
  useStranded.setState(initial, true);
  showToast(i18n.t(action === 'send' ? 'stranded.sent' : 'stranded.discarded'));
}

/** Not now: they stay queued and are asked about again at the next login. */
export function closeStranded(): void {
  useStranded.setState(initial, true);
}
