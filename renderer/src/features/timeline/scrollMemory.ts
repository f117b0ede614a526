import type { VirtualItem } from '@tanstack/react-virtual';

/**
 * Where the person was in the feed when they opened a single post, so "back" lands on the same
 * card. Forgotten whenever the feed itself is loaded afresh.
 */
type Memory = { scrollY: number; measurements: VirtualItem[] };

let memory: Memory | null = null;

export function rememberScroll(value: Memory): void {
  memory = value;
}

export function recallScroll(): Memory | null {
  return memory;
}

export function forgetScroll(): void {
  memory = null;
}
