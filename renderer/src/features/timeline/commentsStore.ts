import { create } from 'zustand';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import type { CommentView } from '../../../../common/src/ipc/views';
import { registerPersonalStore } from '../../app/personalStores';
import { invoke } from '../../app/samen';
import { patchPost, useTimeline } from './timelineStore';

/**
 * Comments per post, kept while the app runs so a card that scrolls out of the virtual list and
 * back does not ask again. `forCount` is the post's comment count they were loaded for: when
 * the count changes (someone replied), the thread loads again.
 */
type Thread = { items: CommentView[]; forCount: number; loading: boolean };

export const useComments = create<Record<string, Thread>>(() => ({}));

export async function ensureComments(postId: string, commentCount: number): Promise<void> {
  const thread = useComments.getState()[postId];
  if (thread && thread.forCount === commentCount) return;
  useComments.setState({ [postId]: { items: thread?.items ?? [], forCount: commentCount, loading: true } });
  const result = await invoke('comment.list', { postId });
  useComments.setState({
    [postId]: { items: result.ok ? result.value.items : (thread?.items ?? []), forCount: commentCount, loading: false },
  });
}

export async function addComment(postId: string, body: string): Promise<ClientErrorCode | null> {
  const result = await invoke('comment.create', { postId, body });
  if (!result.ok) return result.error.code;
  const count = (useTimeline.getState().byId[postId]?.commentCount ?? 0) + 1;
  const items = useComments.getState()[postId]?.items ?? [];
  useComments.setState({ [postId]: { items: [...items, result.value], forCount: count, loading: false } });
  patchPost(postId, { commentCount: count });
  return null;
}

/**
 * Reloads the threads already shown for these posts (all shown threads when `postIds` is empty):
 * a reply that was waiting in the outbox loses its "wordt verstuurd" mark once it is delivered.
 */
export async function refreshComments(postIds: string[]): Promise<void> {
  const threads = useComments.getState();
  const ids = (postIds.length > 0 ? postIds : Object.keys(threads)).filter((id) => threads[id] && !threads[id].loading);
  await Promise.all(
    ids.map(async (postId) => {
      const result = await invoke('comment.list', { postId });
      const current = useComments.getState()[postId];
      if (result.ok && current) useComments.setState({ [postId]: { ...current, items: result.value.items } });
    }),
  );
}

export function resetComments(): void {
  useComments.setState({}, true);
}
registerPersonalStore(resetComments);
