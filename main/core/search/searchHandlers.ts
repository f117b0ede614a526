import type { Handlers } from '../ipc/dispatcher.js';
import { ok } from '../result.js';
import type { ClientIndex } from './clientIndex.js';
import type { ServerSearch } from './serverSearch.js';

type SearchMethod = Extract<keyof Handlers, `search.${string}`>;

/** window.samen's search box: the cache at once, the server's additions, clicks, statistics and synonyms. */
export function createSearchHandlers(d: { index: ClientIndex; server: ServerSearch }): Pick<Handlers, SearchMethod> {
  return {
    'search.local': async ({ q }) => ok({ results: q.trim() === '' ? [] : d.index.search(q) }),
    'search.remote': (input) => d.server.search(input),
    'search.click': (input) => d.server.click(input),
    'search.stats': (input) => d.server.stats(input),
    'search.synonyms': () => d.server.synonyms(),
    'search.setSynonyms': (input) => d.server.setSynonyms(input),
  };
}
