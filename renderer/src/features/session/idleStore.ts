import { create } from 'zustand';
import { registerPersonalStore } from '../../app/personalStores';

/** When the idle lock falls (ms since the epoch), while main is warning; null otherwise. */
export const useIdleWarning = create<{ deadline: number | null }>(() => ({ deadline: null }));

/** From main's `session.idleWarning`: the seconds left, or null when the person is active again. */
export function setIdleWarning(secondsLeft: number | null): void {
  useIdleWarning.setState({ deadline: secondsLeft === null ? null : Date.now() + Math.max(0, secondsLeft) * 1000 });
}

export function clearIdleWarning(): void {
  useIdleWarning.setState({ deadline: null });
}

registerPersonalStore(clearIdleWarning);
