import { invoke } from '../../app/samen';
import { errorText, i18n } from '../../ui/i18n/i18n';
import { showToast } from '../../ui/toast/toastStore';
import { upsertPosts } from '../timeline/timelineStore';
import { refreshRunningPolls } from './runningPollsStore';

/** Her vote: main shows it at once (from the outbox) and answers the post with the poll as it now stands. */
export async function votePoll(pollId: string, optionIds: string[]): Promise<void> {
  const result = await invoke('poll.vote', { id: pollId, optionIds });
  if (!result.ok) {
    showToast(errorText(i18n.t, result.error.code), 'error');
    return;
  }
  upsertPosts([result.value]);
  void refreshRunningPolls();
}
