import type { ClientError, Result } from '../../../../common/src/ipc/contract';
import type { SessionState } from '../../../../common/src/ipc/views';
import { invoke } from '../../app/samen';
import { applySession, forgetPerson, holdReload } from '../../app/sessionEnd';
import { useAppState } from '../../app/sessionStore';
import { errorText, i18n } from '../../ui/i18n/i18n';
import { showToast } from '../../ui/toast/toastStore';
import { resetLockScreen, retryTime, setLockBusy, setLockNotice, showLockPanel, useLockFlow, type LockNotice } from './lockFlow';

/**
 * Logging in on a shared device: badge taps, the PIN a tap may need, and employee number + PIN.
 * Main decides what a tap means (log in, log out, switch); this module passes the reader's key codes
 * and shows the answer on the lock screen.
 *
 * The codes of a tap that needs a PIN stay only here, in memory, for at most a minute: they are
 * never put in a store, the DOM, storage or a log, and they are dropped on success.
 */
const PENDING_MS = 60_000;
/** However long a question stays open, the reload owed for the previous person comes after this. */
const REST_MAX_MS = 2 * 60_000;

type Pending = { codes: string[]; timer: ReturnType<typeof setTimeout>; release: () => void };
let pending: Pending | null = null;
let answering = false;

function keepCodes(codes: string[]): void {
  dropCodes();
  pending = { codes, timer: setTimeout(() => void expire(), PENDING_MS), release: holdReload() };
}

function dropCodes(): void {
  if (!pending) return;
  clearTimeout(pending.timer);
  const { release } = pending;
  pending = null;
  release();
}

/**
 * Someone else's tap emptied the screen of the person logged in, and the lock screen now asks or
 * says something (link your badge, PIN locked until 14:05). The reload owed for the previous person
 * waits until the lock screen is back at rest, so that question is not wiped away with it.
 */
let restHold: (() => void) | null = null;

function holdUntilRest(): void {
  if (restHold) return;
  const release = holdReload();
  const done = () => {
    unsubscribe();
    clearTimeout(timer);
    restHold = null;
    void lockIfCleared().finally(release);
  };
  const unsubscribe = useLockFlow.subscribe((s) => {
    if (s.panel === 'tap' && s.notice === null) done();
  });
  const timer = setTimeout(done, REST_MAX_MS);
  restHold = done;
}

/** A minute after the tap nobody entered the PIN: back to the tap face, and nobody stays logged in. */
async function expire(): Promise<void> {
  const release = holdReload();
  dropCodes();
  showLockPanel('tap');
  await lockIfCleared();
  release();
}

/** The previous person's screen was emptied for this tap but main still has them logged in: end it. */
async function lockIfCleared(): Promise<void> {
  const { session, cleared } = useAppState.getState();
  if (!cleared || session?.state !== 'loggedIn') return;
  const result = await invoke('session.lock', {});
  if (result.ok) applySession(result.value);
}

function loggedInNow(): boolean {
  const { session, cleared } = useAppState.getState();
  return session?.state === 'loggedIn' && !cleared;
}

/** A complete reader burst, from the key capture. */
export async function tapBadge(codes: string[]): Promise<void> {
  const session = useAppState.getState().session;
  if (!session || session.state === 'deviceUnlinked' || answering) return;
  await askMain(codes, undefined, loggedInNow());
}

/** The PIN for the badge tapped just before (after pin_required). */
export async function submitBadgePin(pin: string): Promise<boolean> {
  if (!pending) {
    showLockPanel('tap', { key: 'tapAgain' });
    return false;
  }
  // The last answer's message goes while this one is asked: a new one is news again.
  setLockNotice(null);
  return askMain(pending.codes, pin, false);
}

/** Stops asking for the tapped badge's PIN. */
export async function cancelBadgePin(): Promise<void> {
  const release = holdReload();
  dropCodes();
  showLockPanel('tap');
  await lockIfCleared();
  release();
}

/** A reader-fast run that did not end as this reader ends a read (a partial or garbled read). */
export function badgeGarbled(): void {
  if (loggedInNow()) showToast(i18n.t('lock.errors.badge_unreadable'), 'error');
  else if (useAppState.getState().session?.state !== 'deviceUnlinked') showLockPanel('tap', { key: 'badge_unreadable' });
}

async function askMain(codes: string[], pin: string | undefined, wasLoggedIn: boolean): Promise<boolean> {
  answering = true;
  setLockBusy(true);
  const release = holdReload();
  try {
    const result = await invoke('session.badge', pin ? { codes, pin } : { codes });
    return await onAnswer(result, codes, pin !== undefined, wasLoggedIn);
  } finally {
    answering = false;
    setLockBusy(false);
    release();
  }
}

async function onAnswer(result: Result<SessionState>, codes: string[], withPin: boolean, wasLoggedIn: boolean): Promise<boolean> {
  if (result.ok) {
    dropCodes();
    resetLockScreen();
    applySession(result.value);
    return true;
  }
  const { error } = result;
  // Someone else tapped while this person was logged in: their screen goes before the next
  // person is asked anything (main ends their session; the screen does not wait for that).
  const someoneElse = error.code === 'pin_required' || error.code === 'unknown_badge' || error.code === 'pin_locked';
  if (wasLoggedIn && someoneElse) {
    forgetPerson();
    if (error.code !== 'pin_required') holdUntilRest();
  }
  switch (error.code) {
    case 'pin_required':
      keepCodes(codes);
      showLockPanel('badgePin', withPin ? { key: 'wrong_pin' } : null);
      return false;
    case 'invalid_credentials':
      if (withPin && pending) {
        setLockNotice({ key: 'wrong_pin' });
        return false;
      }
      dropCodes();
      return notify({ key: 'badge_unreadable' }, wasLoggedIn);
    case 'unknown_badge':
      dropCodes();
      showLockPanel('link', { key: 'unknown_badge' });
      return false;
    case 'pin_locked':
      dropCodes();
      showLockPanel('tap', pinLocked(error));
      return false;
    case 'device_unlinked':
      dropCodes();
      await reloadState();
      return false;
    case 'badge_unreadable':
    case 'offline':
      dropCodes();
      return notify({ key: error.code }, wasLoggedIn);
    default:
      dropCodes();
      return notify({ code: error.code }, wasLoggedIn);
  }
}

/** On the lock screen a message there; over someone's timeline a toast, and they stay logged in. */
function notify(notice: LockNotice, wasLoggedIn: boolean): false {
  if (wasLoggedIn) showToast(noticeText(notice), 'error');
  else showLockPanel('tap', notice);
  return false;
}

export function pinLocked(error: ClientError): LockNotice {
  const time = retryTime(error.retryAfter);
  return time ? { key: 'pin_locked', time } : { key: 'pin_locked_later' };
}

export function noticeText(notice: LockNotice): string {
  if ('code' in notice) return errorText(i18n.t, notice.code);
  if (notice.key === 'tapAgain') return i18n.t('lock.tapAgain');
  return i18n.t(`lock.errors.${notice.key}`, { time: 'time' in notice ? notice.time : '' });
}

/** Employee number + PIN; `link` after an unknown badge, so that badge is linked to this person. */
export async function submitEmployeePin(employeeNumber: string, pin: string, link: boolean): Promise<boolean> {
  setLockNotice(null);
  setLockBusy(true);
  const release = holdReload();
  try {
    const result = await invoke('session.pin', { employeeNumber, pin, linkPendingBadge: link });
    if (result.ok) {
      dropCodes();
      resetLockScreen();
      applySession(result.value);
      if (link && result.value.state === 'loggedIn') showToast(i18n.t('lock.linked'));
      return true;
    }
    const { error } = result;
    if (error.code === 'device_unlinked') await reloadState();
    else if (error.code === 'pin_locked') setLockNotice(pinLocked(error));
    else if (error.code === 'invalid_credentials' || error.code === 'offline' || error.code === 'invalid_input') setLockNotice({ key: error.code });
    else setLockNotice({ code: error.code });
    return false;
  } finally {
    setLockBusy(false);
    release();
  }
}

async function reloadState(): Promise<void> {
  const state = await invoke('session.state', {});
  if (state.ok) applySession(state.value);
}

/** For tests: forget a tap in progress. */
export function resetBadgeLogin(): void {
  dropCodes();
  restHold?.();
  answering = false;
}
