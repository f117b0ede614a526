import type { Notification } from '../../../common/src/api/entities.js';
import type { EventPayload } from '../../../common/src/ipc/contract.js';
import type { ClientMode } from '../../../common/src/ipc/views.js';
import type { ActiveSession } from '../session/sessionManager.js';

/**
 * Decides which notifications from the event stream are told, and to whom: a kiosk tells nobody
 * anything; elsewhere only the person logged in hears of her own, and only while she is still the one
 * at the screen once the actor's name is known.
 */
export function createNotifier(d: {
  mode: ClientMode;
  /** Whoever is logged in now: compared by identity, so a new login of the same person counts as another. */
  session(): Pick<ActiveSession, 'token'> | null;
  actorName(personId: string, token: string): Promise<string>;
  tell(notice: EventPayload<'notification'>): void;
}) {
  return async (n: Notification): Promise<void> => {
    const s = d.session();
    if (!s || d.mode === 'kiosk') return;
    // The screen's notice opens a post; a page's review reminder waits for the knowledge base screens.
    if (n.kind === 'review_due' || n.kind === 'join_request' || n.kind === 'group_added' || n.postId === null) return;
    const { kind, postId } = n;
    const actorName = await d.actorName(n.actorId, s.token);
    if (d.session() === s) d.tell({ kind, actorName, postId });
  };
}
