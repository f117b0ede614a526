import { ApiError, retryAt } from '../http/apiError.js';

/**
 * Runs heavy jobs a few at a time on this node, with a short queue behind them. A job that finds the
 * queue full is refused at once (`rate_limited` with Retry-After) instead of waiting with its input
 * in memory, so a burst costs a bounded amount of memory whatever its size.
 */
export interface JobLimiter {
  run<T>(job: () => Promise<T>): Promise<T>;
}

export interface JobLimits {
  /** Jobs that run at once. */
  concurrent: number;
  /** Jobs that may wait for a place; one more is refused. */
  queue: number;
  /** Told to a refused caller: try again after this many seconds. */
  retryAfterSeconds: number;
  /** Why a refused caller has to wait, in the words of the user. */
  busyMessage: string;
  now: () => Date;
}

export function createJobLimiter(limits: JobLimits): JobLimiter {
  let running = 0;
  const waiting: (() => void)[] = [];

  // A finished job hands its place to the longest waiting one, so the count never dips in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    async run(job) {
      if (running < limits.concurrent) {
        running++;
      } else {
        if (waiting.length >= limits.queue) {
          const now = limits.now();
          throw new ApiError('rate_limited', limits.busyMessage, undefined, retryAt(new Date(now.getTime() + limits.retryAfterSeconds * 1000), now));
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      try {
        return await job();
      } finally {
        release();
      }
    },
  };
}
