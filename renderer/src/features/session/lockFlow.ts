import { create } from 'zustand';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import type { Messages } from '../../ui/i18n/nl';

/**
 * What the lock screen shows: the tap face, or one of its small forms, and a message. Nothing here
 * names a person or a badge.
 * - `tap`: "Tik je pas op de lezer";
 * - `badgePin`: the PIN for the badge just tapped (pin_required);
 * - `employee`: employee number + PIN;
 * - `link`: the same, after an unknown badge: logging in links the badge.
 */
export type LockPanel = 'tap' | 'badgePin' | 'employee' | 'link';

export type LockNotice =
  | { key: keyof Messages['lock']['errors']; time?: string }
  | { key: 'tapAgain' }
  | { code: ClientErrorCode };

type LockFlowState = {
  panel: LockPanel;
  notice: LockNotice | null;
  busy: boolean;
  /** Offline: the organisation's timeline, read-only, in front of the lock screen. */
  reading: boolean;
};

const initial: LockFlowState = { panel: 'tap', notice: null, busy: false, reading: false };

export const useLockFlow = create<LockFlowState>(() => initial);

export function showLockPanel(panel: LockPanel, notice: LockNotice | null = null): void {
  useLockFlow.setState({ panel, notice, reading: false });
}

export function setLockNotice(notice: LockNotice | null): void {
  useLockFlow.setState({ notice, reading: notice ? false : useLockFlow.getState().reading });
}

export function setLockBusy(busy: boolean): void {
  useLockFlow.setState({ busy });
}

export function setReading(reading: boolean): void {
  useLockFlow.setState({ reading, notice: null });
}

export function resetLockScreen(): void {
  useLockFlow.setState(initial, true);
}

/** "Probeer het om 14:05 opnieuw": the ward's clock, whatever the machine's time zone. */
export function retryTime(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}
