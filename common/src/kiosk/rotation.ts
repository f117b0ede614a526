/** What the rotation needs of an item on a kiosk's screen. */
export interface Rotatable {
  /** Stable across refreshes of the playlist, so an item keeps its turn when the content is renewed. */
  key: string;
  weight: number;
  /** ISO time after which the item is skipped; null: it does not expire. */
  expiresAt: string | null;
}

/**
 * Picks the next item of a kiosk's playlist: smooth weighted round robin (each item earns its weight per
 * turn, the richest plays and pays the total), so an item of weight 3 comes three times as often as one
 * of weight 1, spread through the cycle instead of in a block. Expired items are skipped. The list may
 * change between turns (new content, a refreshed playlist); the credit of items that left is dropped,
 * so a kiosk that runs for months keeps no more state than its current playlist.
 */
export function createRotation<T extends Rotatable>() {
  const credit = new Map<string, number>();
  return {
    next(items: readonly T[], now: Date): T | null {
      const at = now.getTime();
      const live = items.filter((i) => i.expiresAt === null || Date.parse(i.expiresAt) > at);
      const keys = new Set(live.map((i) => i.key));
      for (const key of credit.keys()) if (!keys.has(key)) credit.delete(key);
      if (live.length === 0) return null;
      const total = live.reduce((sum, i) => sum + i.weight, 0);
      let best: T | null = null;
      let bestCredit = -Infinity;
      for (const item of live) {
        const c = (credit.get(item.key) ?? 0) + item.weight;
        credit.set(item.key, c);
        if (c > bestCredit) {
          best = item;
          bestCredit = c;
        }
      }
      credit.set(best!.key, bestCredit - total);
      return best;
    },
    /** How many items it keeps credit for (a test watches this stay bounded). */
    size: () => credit.size,
  };
}
