import { create } from 'zustand';
import type { PostViewModel } from '../../../../common/src/ipc/views';
import { registerPersonalStore } from '../../app/personalStores';
import { invoke } from '../../app/samen';

type RunningPolls = { items: PostViewModel[]; loaded: boolean };

export const useRunningPolls = create<RunningPolls>(() => ({ items: [], loaded: false }));

const SHOWN = 3;
let generation = 0;

/** The home page's column: asked again whenever the timeline changes (a vote, a new poll, a closing). */
export async function refreshRunningPolls(): Promise<void> {
  const mine = ++generation;
  const result = await invoke('polls.running', { limit: SHOWN });
  if (mine !== generation || !result.ok) return;
  useRunningPolls.setState({ items: result.value.items, loaded: true });
}

registerPersonalStore(() => {
  generation += 1;
  useRunningPolls.setState({ items: [], loaded: false }, true);
});
