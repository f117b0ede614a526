import type { ClientMode } from '../../../common/src/ipc/views.js';
import type { Release } from './release.js';
import { withinRollout } from './rollout.js';
import { compareVersions } from './version.js';

export type ReleaseDecision = { take: true } | { take: false; reason: 'same_version' | 'downgrade' | 'not_in_rollout' };

/** Whether this device takes the feed's release: only a newer version, and only in its share of the rollout. */
export function decideRelease(o: { current: string; release: Release; deviceId: string }): ReleaseDecision {
  const order = compareVersions(o.release.version, o.current);
  if (order === null || order < 0) return { take: false, reason: 'downgrade' };
  if (order === 0) return { take: false, reason: 'same_version' };
  if (!withinRollout(o.deviceId, o.release)) return { take: false, reason: 'not_in_rollout' };
  return { take: true };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether the local time (minutes since midnight) is inside the window; a window may span midnight. */
export function insideWindow(minuteOfDay: number, window: { from: string; to: string }): boolean {
  const from = minutes(window.from);
  const to = minutes(window.to);
  if (from === to) return true;
  return from < to ? minuteOfDay >= from && minuteOfDay < to : minuteOfDay >= from || minuteOfDay < to;
}

/**
 * An update restarts Samen, so it never interrupts someone: only with nobody logged in, and on the
 * shared PCs and kiosks a ward relies on, only inside IT's maintenance window.
 */
export function mayInstall(o: { mode: ClientMode; someoneLoggedIn: boolean; minuteOfDay: number; maintenanceWindow: { from: string; to: string } }): boolean {
  if (o.someoneLoggedIn) return false;
  return o.mode === 'workstation' || insideWindow(o.minuteOfDay, o.maintenanceWindow);
}
