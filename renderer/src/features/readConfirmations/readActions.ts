import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import type { PostViewModel } from '../../../../common/src/ipc/views';
import { invoke } from '../../app/samen';
import { patchPost, upsertPosts, useTimeline } from '../timeline/timelineStore';

type Answer = 'confirm' | 'later';

/**
 * "Gelezen" (and "Later" at tap-in) through the outbox. Optimistic: the card shows it at once, and
 * goes back if main refuses; if the server refuses later, the outbox says so in a message.
 */
export async function answerRead(post: PostViewModel, answer: Answer): Promise<{ post: PostViewModel | null; error: ClientErrorCode | null }> {
  const before = useTimeline.getState().byId[post.id]?.myRead ?? post.myRead;
  if (before && answer === 'confirm') patchPost(post.id, { myRead: { ...before, state: 'confirmed', waiting: true } });
  const result = await invoke(answer === 'confirm' ? 'readConfirmations.confirm' : 'readConfirmations.later', { id: post.id });
  if (result.ok) {
    upsertPosts([result.value]);
    return { post: result.value, error: null };
  }
  patchPost(post.id, { myRead: before ?? null });
  return { post: null, error: result.error.code };
}
