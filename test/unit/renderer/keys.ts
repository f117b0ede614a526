import { act } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * Keys as a keyboard or a badge reader delivers them, for tests under fake timers: each keydown
 * goes to the focused element (or the body), and the clock moves on between keys.
 */
export function codeFor(char: string): string {
  if (/^[a-z]$/i.test(char)) return `Key${char.toUpperCase()}`;
  if (/^\d$/.test(char)) return `Digit${char}`;
  if (char === ' ') return 'Space';
  if (char === '.') return 'Period';
  if (char === ',') return 'Comma';
  throw new Error(`no key code for ${JSON.stringify(char)} in this test helper`);
}

let sent: KeyboardEvent[] = [];

export function keydown(code: string, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const target = document.activeElement ?? document.body;
  const event = new KeyboardEvent('keydown', { code, key, bubbles: true, cancelable: true, ...init });
  sent.push(event);
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

/** The keydowns sent since the last call. */
export function takeSentKeys(): KeyboardEvent[] {
  const keys = sent;
  sent = [];
  return keys;
}

export function wait(ms: number): void {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

/** A person typing `text`, `gapMs` between keys (60-120 ms for a fast typist). */
export function typeLikeAPerson(text: string, gapMs = 100): void {
  for (const char of text) {
    keydown(codeFor(char), char, { shiftKey: char !== char.toLowerCase() });
    wait(gapMs);
  }
}

/** A badge reader: the id's keys `gapMs` apart, then Enter. Returns the codes it typed (Enter left out). */
export function tapBadge(badgeId: string, gapMs = 10): string[] {
  const codes = [...badgeId].map(codeFor);
  for (const [i, code] of codes.entries()) {
    keydown(code, badgeId[i]!);
    wait(gapMs);
  }
  keydown('Enter', 'Enter');
  return codes;
}

/** Fake timers for the keys only; the rest of a test waits on real ones (Testing Library's findBy). */
export async function withFakeTimers<T>(run: () => T | Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
  try {
    const result = await run();
    wait(1_000);
    return result;
  } finally {
    vi.useRealTimers();
  }
}
