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

/**
 * Asks main again while she reads (her own data arriving, a sync): a post she turns out to have read
 * already, on another PC, leaves the queue; one she turns out to owe joins it at the end.
 */
export async function recheckFirstReads(): Promise<void> {
  const { personId, status } = useFirstReads.getState();
  if (status !== 'reading') return;
  const answer = await invoke('readConfirmations.firstReads', {});
  const now = useFirstReads.getState();
  if (!answer.ok || now.personId !== personId || now.status !== 'reading') return;
  const owed = new Set(answer.value.items.map((p) => p.id));
  upsertPosts(answer.value.items);
  const ahead = now.ids.slice(now.index).filter((id) => owed.has(id));
  const added = answer.value.items.map((p) => p.id).filter((id) => !now.ids.includes(id));
  const remaining = [...ahead, ...added];
  useFirstReads.setState(remaining.length === 0 ? { status: 'done' } : { ids: [...now.ids.slice(0, now.index), ...remaining] });
}

/** On to the next post, or to the timeline after the last. */
export function nextFirstRead(): void {
  const { index, ids } = useFirstReads.getState();
  if (index + 1 < ids.length) useFirstReads.setState({ index: index + 1 });
  else useFirstReads.setState({ status: 'done' });
}
