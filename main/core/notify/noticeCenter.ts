import type { EventPayload } from '../../../common/src/ipc/contract.js';
import type { ClientMode } from '../../../common/src/ipc/views.js';
import { targetOf, type Language, type Notice, type NoticeSettings, type NoticeTarget } from '../../../common/src/notify/notices.js';
import type { Clock } from '../clock.js';
import type { Timers } from '../session/idleTimer.js';
import { createNoticeGate } from './noticeGate.js';
import { isQuiet, wanted } from './noticePolicy.js';
import type { NoticeSettingsStore } from './noticeSettingsStore.js';
import { noticeText } from './noticeTexts.js';

/** An operating-system notification, ready to show: clicking it opens its post or group. */
export type DesktopNotice = { title: string; body: string } & NoticeTarget;

/** What the tray shows. */
export interface TrayState {
  unread: number;
  language: Language;
  doNotDisturb: boolean;
}

/**
 * Everything told to the person logged in: on screen always (if she wants the kind), and on a
 * workstation also by the operating system, paced by the gate and silent when she asked for quiet.
 * Shared PCs and kiosks never use the operating system: the next person would read it. Counts what
 * she has not seen for the tray, and forgets it all when she leaves.
 */
export function createNoticeCenter(d: {
  mode: ClientMode;
  clock: Clock;
  timers?: Timers;
  settings: NoticeSettingsStore;
  personId(): string | null;
  onScreen(notice: EventPayload<'notification'>): void;
}) {
  let language: Language = 'nl';
  let unread = 0;
  const desktopListeners = new Set<(n: DesktopNotice) => void>();
  const trayListeners = new Set<(s: TrayState) => void>();
  const settings = () => {
    const id = d.personId();
    return id === null ? null : d.settings.get(id);
  };
  const trayState = (): TrayState => ({ unread, language, doNotDisturb: settings()?.doNotDisturb ?? false });
  const trayChanged = () => trayListeners.forEach((l) => l(trayState()));
  const gate = createNoticeGate({
    clock: d.clock,
    ...(d.timers ? { timers: d.timers } : {}),
    quiet: () => {
      const s = settings();
      return s === null || isQuiet(s, d.clock.now());
    },
    show: (b) => desktopListeners.forEach((l) => l({ title: 'Samen', body: noticeText(language, b.kind, b.actorName, b.count), ...targetOf(b) })),
  });

  return {
    /** A notice for whoever is logged in now (the caller checked it is still her). */
    tell(notice: Notice) {
      const s = settings();
      if (s === null || !wanted(s, notice.kind)) return;
      d.onScreen(notice);
      unread += 1;
      trayChanged();
      if (d.mode === 'workstation') gate.offer(notice);
    },
    /** She looked (the window came to the front): the count starts again. */
    seen() {
      if (unread === 0) return;
      unread = 0;
      trayChanged();
    },
    /** Someone logged in or out: nothing of the one before is shown or counted. */
    sessionChanged() {
      gate.clear();
      unread = 0;
      trayChanged();
    },
    setLanguage(next: Language) {
      language = next;
      trayChanged();
    },
    language: () => language,
    settings,
    setSettings(next: NoticeSettings): boolean {
      const id = d.personId();
      if (id === null) return false;
      d.settings.set(id, next);
      trayChanged();
      return true;
    },
    trayState,
    onDesktop(listener: (n: DesktopNotice) => void) {
      desktopListeners.add(listener);
      return () => void desktopListeners.delete(listener);
    },
    onTray(listener: (s: TrayState) => void) {
      trayListeners.add(listener);
      return () => void trayListeners.delete(listener);
    },
  };
}

export type NoticeCenter = ReturnType<typeof createNoticeCenter>;
