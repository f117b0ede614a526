import type { SearchResult } from '../../../common/src/api/routes/search.js';
import type { MethodOutput, MethodParsedInput, Result } from '../../../common/src/ipc/contract.js';
import type { SynonymEntry } from '../../../common/src/search/synonyms.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';

/** What the server's results add to the offline ones: at most this many, best first. */
export const SERVER_RESULTS = 20;

export interface ServerSearchDeps {
  http: HttpClient;
  session(): ActiveSession | null;
  /** The organisation's synonyms arrived: the offline search uses them from then on. */
  synonymsKnown(entries: readonly SynonymEntry[]): void;
}

/**
 * Search through the server: what the person may see that this device does not keep (private
 * groups), the clicks for the statistics, the statistics and the synonym list. A device with
 * nobody logged in searches as the device (what everyone may see).
 */
export function createServerSearch(d: ServerSearchDeps) {
  const token = () => d.session()?.token ?? null;
  let synonymsAsked = false;

  const refreshSynonyms = async () => {
    const answer = await d.http.call('getSynonyms', { token: token() });
    if (answer.ok) d.synonymsKnown(answer.value.items);
    return answer;
  };

  return {
    async search({ q, searchId }: MethodParsedInput<'search.remote'>): Promise<Result<{ results: SearchResult[] }>> {
      if (!synonymsAsked) {
        synonymsAsked = true;
        void refreshSynonyms();
      }
      const answer = await d.http.call('search', { token: token(), query: { q, limit: SERVER_RESULTS, searchId } });
      return answer.ok ? ok({ results: answer.value.results }) : failWith(answer.error);
    },
    /** For the statistics only: a click that cannot be told is not worth a retry. */
    async click(input: MethodParsedInput<'search.click'>): Promise<Result<{ ok: true }>> {
      const answer = await d.http.call('recordSearchClick', { token: token(), body: input });
      return answer.ok ? ok({ ok: true as const }) : failWith(answer.error);
    },
    async stats(query: MethodParsedInput<'search.stats'>): Promise<Result<MethodOutput<'search.stats'>>> {
      const t = token();
      if (!t) return fail('not_logged_in', 'log in first');
      const answer = await d.http.call('searchStats', { token: t, query });
      return answer.ok ? ok(answer.value) : failWith(answer.error);
    },
    async synonyms(): Promise<Result<MethodOutput<'search.synonyms'>>> {
      const answer = await refreshSynonyms();
      return answer.ok ? ok(answer.value) : failWith(answer.error);
    },
    async setSynonyms(body: MethodParsedInput<'search.setSynonyms'>): Promise<Result<MethodOutput<'search.setSynonyms'>>> {
      const t = token();
      if (!t) return fail('not_logged_in', 'log in first');
      const answer = await d.http.call('setSynonyms', { token: t, body });
      if (!answer.ok) return failWith(answer.error);
      d.synonymsKnown(answer.value.items);
      return ok(answer.value);
    },
  };
}

export type ServerSearch = ReturnType<typeof createServerSearch>;
