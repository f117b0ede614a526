import type { EventPayload } from '../../../common/src/ipc/contract';
import { setIdleWarning } from '../features/session/idleStore';
import { refreshComments } from '../features/timeline/commentsStore';
import { refreshTimeline } from '../features/timeline/timelineStore';
import { errorText, i18n } from '../ui/i18n/i18n';
import { showToast } from '../ui/toast/toastStore';
import { groupHref, postHref, reviewHref } from './route';
import { invoke, on } from './samen';
import { applySession } from './sessionEnd';
import { loadSession, setSyncStatus } from './sessionStore';

/** Wires main's events to the stores; returns the way to unplug them again. */
export function connectToMain(): () => void {
  void loadSession();
  const unsubscribe = [
    on('session.changed', applySession),
    on('session.idleWarning', (payload) => setIdleWarning(payload.secondsLeft)),
    on('sync.status', setSyncStatus),
    on('timeline.changed', (payload) => coalesce(payload.postIds)),
    on('outbox.rejected', showRejected),
    on('notification', showNotice),
    on('notification.open', (target) => window.location.assign(noticeHref(target))),
    tellLanguage(),
  ];
  return () => unsubscribe.forEach((off) => off());
}

// A first sync announces a change per page; one refetch per burst is enough.
const REFRESH_DELAY_MS = 120;
let pending: { all: boolean; postIds: Set<string> } | null = null;

function coalesce(postIds: string[] | undefined): void {
  if (!pending) {
    pending = { all: false, postIds: new Set() };
    setTimeout(() => {
      const batch = pending!;
      pending = null;
      const ids = batch.all ? [] : [...batch.postIds];
      void refreshTimeline(ids);
      void refreshComments(ids);
    }, REFRESH_DELAY_MS);
  }
  if (!postIds || postIds.length === 0) pending.all = true;
  else postIds.forEach((id) => pending!.postIds.add(id));
}

/** Workstation: log out. Shared device: lock, which ends the session just the same. */
export async function endSession(how: 'logout' | 'lock'): Promise<void> {
  const result = await invoke(how === 'lock' ? 'session.lock' : 'session.logout', {});
  if (result.ok) applySession(result.value);
  else showToast(errorText(i18n.t, result.error.code), 'error');
}

/** Main says some things itself (operating-system notifications, the tray): in the language shown here. */
function tellLanguage(): () => void {
  const tell = (language: string) => void invoke('app.setLanguage', { language: language === 'en' ? 'en' : 'nl' });
  tell(i18n.language);
  i18n.on('languageChanged', tell);
  return () => i18n.off('languageChanged', tell);
}

/** A notice for whoever is logged in here, inside the window: on every kind of machine. */
function showNotice(n: EventPayload<'notification'>): void {
  const actor = n.actorName.trim() || i18n.t('notices.someone');
  // A coach's look at her draft opens the draft: it is not a post yet.
  const href = n.kind === 'post_review' && 'postId' in n ? reviewHref(n.postId) : noticeHref(n);
  showToast(i18n.t(`notices.${n.kind}`, { actor }), 'info', { label: i18n.t('notices.open'), href });
}

/** Where a notice takes her: its post, or the group she is asked to let someone into. */
const noticeHref = (target: EventPayload<'notification.open'>): string => ('postId' in target ? postHref(target.postId) : groupHref(target.groupId));

const PREVIEW_LENGTH = 60;

function showRejected(payload: EventPayload<'outbox.rejected'>): void {
  const preview = payload.preview.length > PREVIEW_LENGTH ? `${payload.preview.slice(0, PREVIEW_LENGTH - 1)}…` : payload.preview;
  showToast(i18n.t(`outbox.${payload.kind}`, { preview, reason: errorText(i18n.t, payload.code) }), 'error');
}
