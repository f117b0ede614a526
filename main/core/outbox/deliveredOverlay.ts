import type { OutboxItem } from './outboxStore.js';

/**
 * Writes the server confirmed but the local stores do not show yet. They stay visible (as sent)
 * until a sync that started after their delivery has completed, so a new post never blinks out
 * between its confirmation and the sync that brings it. Memory only: wiped at logout.
 */
export function createDeliveredOverlay() {
  let delivered: { marker: number; item: OutboxItem }[] = [];
  let count = 0;

  return {
    add(item: OutboxItem) {
      delivered.push({ marker: count++, item });
    },
    /** Taken when a sync starts; everything delivered before it will be in that sync. */
    marker: () => count,
    settle(marker: number) {
      delivered = delivered.filter((d) => d.marker >= marker);
    },
    items: (): OutboxItem[] => delivered.map((d) => d.item),
    wipe() {
      delivered = [];
    },
  };
}

export type DeliveredOverlay = ReturnType<typeof createDeliveredOverlay>;
