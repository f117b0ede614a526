export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential back-off with jitter: between half and all of base·2^attempt, capped. The jitter keeps
 * a ward full of PCs from all knocking on a recovering server in the same second.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
