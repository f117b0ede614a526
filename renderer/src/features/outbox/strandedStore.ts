import { create } from 'zustand';
import type { MethodOutput } from '../../../../common/src/ipc/contract';
import { registerPersonalStore } from '../../app/personalStores';
import { invoke } from '../../app/samen';
import { useAppState } from '../../app/sessionStore';
import { errorText, i18n } from '../../ui/i18n/i18n';
import { showToast } from '../../ui/toast/toastStore';
import type { DroppedNotice } from './droppedLines';

export type StrandedItem = MethodOutput<'outbox.stranded'>['items'][number];

/**
 * Writes this person queued on a shared device whose delivery grant ran out before they could be
 * sent: shown once after login, to send or throw away. Closing the question keeps them for the
 * next login; nothing is dropped without the person saying so. With them come the notices of
 * writes the device had to drop unsent (`dropped`): told once, gone when she has seen them.
 */
type StrandedState = { items: StrandedItem[]; dropped: DroppedNotice[]; busy: boolean };

const initial: StrandedState = { items: [], dropped: [], busy: false };

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
  if (result.ok && currentPerson() === person) useStranded.setState({ items: result.value.items, dropped: result.value.dropped, busy: false });
}

/** Sends or discards the stranded writes; the notices shown with them have been seen. */
export async function resolveStranded(action: 'send' | 'discard'): Promise<void> {
  const { items, dropped, busy } = useStranded.getState();
  if (busy || items.length === 0) return;
  useStranded.setState({ busy: true });
  const result = await invoke('outbox.resolve', { ids: [...items, ...dropped].map((entry) => entry.id), action });
  if (!result.ok) {
    useStranded.setState({ busy: false });
    showToast(errorText(i18n.t, result.error.code), 'error');
    return;
  }
  useStranded.setState(initial, true);
  showToast(i18n.t(action === 'send' ? 'stranded.sent' : 'stranded.discarded'));
}

/** Not now: they stay queued and are asked about again at the next login. The notices were seen. */
export function closeStranded(): void {
  const { dropped } = useStranded.getState();
  useStranded.setState(initial, true);
  if (dropped.length > 0) void invoke('outbox.resolve', { ids: dropped.map((notice) => notice.id), action: 'discard' });
}
