import type { Result, StatsDashboard } from '../../../common/src/ipc/contract.js';
import type { Cache } from '../cache/openCache.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';

type StatsMethods = Pick<Handlers, 'stats.dashboard' | 'stats.export' | 'stats.filters'>;

const REPORTS = {
  activity: 'statsActivity',
  people: 'statsPeople',
  sessions: 'statsSessions',
  devices: 'statsDevices',
  posts: 'statsPosts',
  groups: 'statsGroups',
  search: 'statsSearch',
  readConfirmations: 'statsReadConfirmations',
} as const satisfies Record<keyof StatsDashboard, string>;

/**
 * The dashboard asks the server every time and keeps nothing: figures about colleagues have no place
 * in a cache, and an editor offline is told so at once. The server decides who may see them.
 */
export function createStatsHandlers(d: { http: HttpClient; cache: Pick<Cache, 'read'>; session: () => ActiveSession | null }): StatsMethods {
  return {
    'stats.dashboard': async (query) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const names = Object.keys(REPORTS) as (keyof StatsDashboard)[];
      const answers = await Promise.all(names.map((name) => d.http.call(REPORTS[name], { token: s.token, query })));
      const dashboard: Partial<Record<keyof StatsDashboard, unknown>> = {};
      for (const [i, answer] of answers.entries()) {
        if (!answer.ok) return failWith(answer.error);
        dashboard[names[i]!] = answer.value;
      }
      return ok(dashboard as StatsDashboard);
    },
    'stats.export': async ({ report, ...query }): Promise<Result<{ filename: string; csv: string }>> => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const answer = await d.http.bytes('exportStats', { token: s.token, query: { report, ...query } });
      if (!answer.ok) return failWith(answer.error);
      const period = query.from && query.to ? `-${query.from}-${query.to}` : '';
      // The byte-order mark stays: it is how a spreadsheet knows the file is UTF-8.
      return ok({ filename: `statistieken-${report}${period}.csv`, csv: new TextDecoder('utf-8', { ignoreBOM: true }).decode(answer.value.bytes) });
    },
    'stats.filters': async () => {
      if (!d.session()) return fail('not_logged_in', 'log in first');
      return ok(
        d.cache.read((c) => {
          const named = (table: 'locations' | 'departments') =>
            (c.db.prepare(`SELECT id, json_extract(data, '$.name') AS name FROM ${table}`).all() as { id: string; name: string }[]).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
          return { locations: named('locations'), departments: named('departments') };
        }),
      );
    },
  };
}
