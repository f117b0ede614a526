import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../main/core/sync/backoff.js';

describe('waiting between attempts', () => {
  const policy = { baseMs: 1_000, maxMs: 60_000 };

  it('doubles per failed attempt up to the cap, never below half of it', () => {
    const lowest = [0, 1, 2, 3, 10, 50].map((n) => backoffDelay(n, policy, () => 0));
    const highest = [0, 1, 2, 3, 10, 50].map((n) => backoffDelay(n, policy, () => 1));
    expect(lowest).toEqual([500, 1_000, 2_000, 4_000, 30_000, 30_000]);
    expect(highest).toEqual([1_000, 2_000, 4_000, 8_000, 60_000, 60_000]);
  });

  it('spreads clients that failed at the same moment', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(5, policy)));
    expect(delays.size).toBeGreaterThan(10);
  });
});
