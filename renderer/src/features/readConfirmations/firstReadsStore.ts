import { create } from 'zustand';
import type { PostViewModel } from '../../../../common/src/ipc/views';
import { registerPersonalStore } from '../../app/personalStores';
import { invoke } from '../../app/samen';
import { upsertPosts } from '../timeline/timelineStore';

/**
 * "Eerst lezen" after a tap-in on a shared PC: the posts she owes, asked of main once per person
 * (main answers from the device alone, no server), then shown one at a time before the timeline.
 */
type FirstReads = {
  personId: string | null;
  status: 'checking' | 'reading' | 'done';
  ids: string[];
  index: number;
};

const initial: FirstReads = { personId: null, status: 'checking', ids: [], index: 0 };
export const useFirstReads = create<FirstReads>(() => initial);

registerPersonalStore(() => useFirstReads.setState(initial, true));

export async function checkFirstReads(personId: string): Promise<void> {
  if (useFirstReads.getState().personId === personId) return;
  useFirstReads.setState({ ...initial, personId });
  const answer = await invoke('readConfirmations.firstReads', {});
  if (useFirstReads.getState().personId !== personId) return;
  const items: PostViewModel[] = answer.ok ? answer.value.items : [];
  upsertPosts(items);
  useFirstReads.setState({ status: items.length > 0 ? 'reading' : 'done', ids: items.map((p) => p.id), index: 0 });
}

/** On to the next post, or to the timeline after the last. */
export function nextFirstRead(): void {
  const { index, ids } = useFirstReads.getState();
  if (index + 1 < ids.length) useFirstReads.setState({ index: index + 1 });
  else useFirstReads.setState({ status: 'done' });
}
