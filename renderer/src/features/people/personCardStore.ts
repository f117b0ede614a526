import { create } from 'zustand';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import type { PersonCard } from '../../../../common/src/ipc/views';
import { registerPersonalStore } from '../../app/personalStores';
import { invoke } from '../../app/samen';
import { upsertPosts } from '../timeline/timelineStore';

type PersonCardState = { personId: string | null; card: PersonCard | null; error: ClientErrorCode | null };

export const usePersonCard = create<PersonCardState>(() => ({ personId: null, card: null, error: null }));

export async function openPersonCard(personId: string): Promise<void> {
  usePersonCard.setState({ personId, card: null, error: null });
  const result = await invoke('people.card', { id: personId });
  if (usePersonCard.getState().personId !== personId) return;
  if (!result.ok) {
    usePersonCard.setState({ error: result.error.code });
    return;
  }
  // Their recent posts open in the single post view, which reads posts from the timeline store.
  upsertPosts(result.value.recentPosts);
  usePersonCard.setState({ card: result.value });
}

export function closePersonCard(): void {
  usePersonCard.setState({ personId: null, card: null, error: null });
}
registerPersonalStore(closePersonCard);
