import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../server/src/http/apiError.js';
import { createJobLimiter } from '../../../../server/src/limits/jobLimiter.js';

const NOW = new Date('2030-05-06T07:00:00.000Z');
const limiter = () => createJobLimiter({ concurrent: 2, queue: 1, retryAfterSeconds: 5, busyMessage: 'Even druk.', now: () => NOW });

/** A job that runs until the test lets it finish, and says when it started. */
function heldJob(log: string[], name: string) {
  let finish!: (ok: boolean) => void;
  const done = new Promise<boolean>((resolve) => (finish = resolve));
  const job = async () => {
    log.push(`start ${name}`);
    if (!(await done)) throw new Error(`${name} failed`);
    return name;
  };
  return { job, finish };
}

describe('job limiter', () => {
  it('runs two jobs at once, lets one wait and refuses the next with a time to try again', async () => {
    const l = limiter();
    const log: string[] = [];
    const [a, b, c] = [heldJob(log, 'a'), heldJob(log, 'b'), heldJob(log, 'c')];
    const runs = [l.run(a.job), l.run(b.job), l.run(c.job)];
    await Promise.resolve();
    expect(log).toEqual(['start a', 'start b']);

    const refused = await l.run(async () => 'd').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'rate_limited', status: 429, message: 'Even druk.', retry: { seconds: 5, at: '2030-05-06T07:00:05.000Z' } });

    a.finish(true);
    await expect(runs[0]).resolves.toBe('a');
    expect(log).toEqual(['start a', 'start b', 'start c']);
    b.finish(true);
    c.finish(true);
    await expect(Promise.all(runs)).resolves.toEqual(['a', 'b', 'c']);
  });

  it('gives the place of a failed job to the next one, and is empty again afterwards', async () => {
    const l = limiter();
    const log: string[] = [];
    const [a, b, c] = [heldJob(log, 'a'), heldJob(log, 'b'), heldJob(log, 'c')];
    const runs = [l.run(a.job), l.run(b.job), l.run(c.job)];
    a.finish(false);
    await expect(runs[0]).rejects.toThrow('a failed');
    expect(log).toContain('start c');
    b.finish(true);
    c.finish(true);
    await Promise.all(runs.slice(1));

    const log2: string[] = [];
    const [d, e, f] = [heldJob(log2, 'd'), heldJob(log2, 'e'), heldJob(log2, 'f')];
    const again = [l.run(d.job), l.run(e.job), l.run(f.job)];
    await Promise.resolve();
    expect(log2).toEqual(['start d', 'start e']);
    for (const j of [d, e, f]) j.finish(true);
    await expect(Promise.all(again)).resolves.toEqual(['d', 'e', 'f']);
  });
});
