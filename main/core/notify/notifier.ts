import type { Notification } from '../../../common/src/api/entities.js';
import type { Notice, NoticeTarget } from '../../../common/src/notify/notices.js';
import type { ActiveSession } from '../session/sessionManager.js';
import { noticeKindOf } from './noticePolicy.js';

/**
 * Turns a notification from the event stream into a notice for the person logged in: only kinds
 * the policy announces, only while someone is logged in, and only if she is still the one at the
 * screen once the actor's name is known.
 */
export function createNotifier(d: {
  /** Whoever is logged in now: compared by identity, so a new login of the same person counts as another. */
  session(): Pick<ActiveSession, 'token'> | null;
  actorName(personId: string, token: string): Promise<string>;
  tell(notice: Notice): void;
}) {
  return async (n: Notification): Promise<void> => {
    const s = d.session();
    const kind = noticeKindOf(n.kind);
    // A request to join opens its group; everything else, its post.
    const target: NoticeTarget | null = n.postId ? { postId: n.postId } : n.groupId ? { groupId: n.groupId } : null;
    if (!s || kind === null || target === null) return;
    const actorName = await d.actorName(n.actorId, s.token);
    if (d.session() === s) d.tell({ kind, actorName, ...target });
  };
}
