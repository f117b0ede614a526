import type { Result } from '../../../common/src/ipc/contract.js';
import type { Cache } from '../cache/openCache.js';
import type { Clock } from '../clock.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import type { ViewBatcher } from '../postViews/viewBatcher.js';
import { fail, ok } from '../result.js';
import type { Timers } from '../session/idleTimer.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { Reader } from '../timeline/reader.js';
import type { ReadConfirmations } from './readConfirmations.js';
import { createReadReportHandlers } from './readReportHandlers.js';

export type ReadConfirmationMethods = Pick<
  Handlers,
  | 'readConfirmations.confirm'
  | 'readConfirmations.later'
  | 'readConfirmations.firstReads'
  | 'readConfirmations.require'
  | 'readConfirmations.audienceChoices'
  | 'readConfirmations.list'
  | 'readConfirmations.report'
  | 'readConfirmations.csv'
  | 'readConfirmations.remind'
  | 'readConfirmations.unrequire'
  | 'postViews.seen'
>;

/**
 * How long "Eerst lezen" waits for her own data when the device cannot be sure (posts it never saw
 * her answer to): long enough for a personal pull on a ward's network, short enough not to keep her.
 */
const WAIT_FOR_HER_DATA_MS = 1_500;
const LOOK_EVERY_MS = 50;

/** window.samen for "lezen verplicht" and view counts. */
export function createReadConfirmationHandlers(d: {
  reads: ReadConfirmations;
  views: Pick<ViewBatcher, 'seen'>;
  read: Reader;
  http: HttpClient;
  cache: Cache;
  clock: Clock;
  session(): ActiveSession | null;
  timers: Timers;
}): ReadConfirmationMethods {
  const pause = (ms: number) => new Promise<void>((resolve) => d.timers.set(resolve, ms));
  /** Her unconfirmed posts; when the device is unsure, after her own data arrived (or a short wait). */
  const firstReadIds = async (): Promise<string[]> => {
    const first = d.reads.firstReads();
    if (first.sure || first.ids.length === 0) return first.ids;
    for (let waited = 0; waited < WAIT_FOR_HER_DATA_MS && !d.reads.personalKnown(); waited += LOOK_EVERY_MS) await pause(LOOK_EVERY_MS);
    return d.reads.firstReads().ids;
  };
  const postView = (id: string) =>
    d.read((scope) => {
      const found = scope.find(id);
      return found ? ok(scope.view(found)) : fail('not_found', 'post not found');
    });
  const written = <T>(result: Result<string>, then: (id: string) => Result<T>): Result<T> => (result.ok ? then(result.value) : result);

  return {
    'readConfirmations.confirm': async ({ id }) => written(d.reads.confirm(id), postView),
    'readConfirmations.later': async ({ id }) => written(d.reads.later(id), postView),
    'readConfirmations.firstReads': async () => {
      if (!d.session()) return fail('not_logged_in', 'log in first');
      const ids = await firstReadIds();
      return d.read((scope) => ok({ items: ids.flatMap((id) => { const found = scope.find(id); return found ? [scope.view(found)] : []; }) }));
    },
    'readConfirmations.require': async ({ id, audience }) => written(d.reads.require(id, audience), () => ok({ ok: true as const })),
    ...createReadReportHandlers(d),
    'postViews.seen': async ({ postIds }) => {
      if (!d.session()) return fail('not_logged_in', 'log in first');
      d.views.seen(postIds);
      return ok({ ok: true as const });
    },
  };
}
