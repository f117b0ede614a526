import type { Notice, NoticeKind } from '../../../common/src/notify/notices.js';
import type { Clock } from '../clock.js';
import { systemTimers, type Timers } from '../session/idleTimer.js';

/** At most one operating-system notification per kind in this time; the rest of a burst is bundled. */
export const NOTICE_INTERVAL_MS = 60_000;

export type GateNotice = Notice;

/** What the gate lets through: `count` notices of one kind, the target of the latest (what a click opens). */
export type Bundle = GateNotice & { count: number };

/**
 * Paces operating-system notifications: the first of a kind is shown at once; what follows within the
 * minute is held and shown as one bundle when the minute is over ("3 nieuwe reacties"), so a lively
 * thread makes one sound a minute, not thirty. `quiet()` is asked when a notice would be shown, so
 * quiet hours that begin while a bundle waits keep it silent.
 */
export function createNoticeGate(d: { clock: Clock; timers?: Timers; quiet(): boolean; show(bundle: Bundle): void }) {
  const timers = d.timers ?? systemTimers;
  const kinds = new Map<NoticeKind, { lastShownAt: number; held: Bundle | null; timer: unknown }>();
  const now = () => d.clock.now().getTime();

  const show = (bundle: Bundle) => {
    if (!d.quiet()) d.show(bundle);
  };

  function flush(kind: NoticeKind) {
    const state = kinds.get(kind);
    if (!state?.held) return;
    const held = state.held;
    state.held = null;
    state.timer = null;
    state.lastShownAt = now();
    show(held);
  }

  return {
    offer(notice: GateNotice) {
      const state = kinds.get(notice.kind) ?? { lastShownAt: -Infinity, held: null, timer: null };
      kinds.set(notice.kind, state);
      const since = now() - state.lastShownAt;
      if (since >= NOTICE_INTERVAL_MS && !state.held) {
        state.lastShownAt = now();
        show({ ...notice, count: 1 });
        return;
      }
      state.held = { ...notice, count: (state.held?.count ?? 0) + 1, actorName: state.held?.actorName ?? notice.actorName };
      state.timer ??= timers.set(() => flush(notice.kind), NOTICE_INTERVAL_MS - since);
    },
    /** Forgets whatever is held (she logged out: nothing of hers is shown after). */
    clear() {
      for (const state of kinds.values()) if (state.timer !== null) timers.clear(state.timer);
      kinds.clear();
    },
  };
}
