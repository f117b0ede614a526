/**
 * Every store that can hold something of the person at the screen registers how to empty itself
 * here, so a lock, logout or switch forgets all of them in one call and a new store cannot be
 * forgotten by the code that wipes.
 */
const resets = new Set<() => void>();

export function registerPersonalStore(reset: () => void): void {
  resets.add(reset);
}

export function resetPersonalStores(): void {
  for (const reset of resets) reset();
}
