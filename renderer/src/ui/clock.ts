import { create } from 'zustand';

/**
 * One ticking clock for the whole app, so relative times ("5 min geleden") and the login clock
 * move together without a timer per card.
 */
export const useNow = create<{ now: number }>(() => ({ now: Date.now() }));

export function startClock(intervalMs = 15_000): () => void {
  const timer = setInterval(() => useNow.setState({ now: Date.now() }), intervalMs);
  return () => clearInterval(timer);
}
