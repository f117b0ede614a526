import type { Cache } from '../cache/openCache.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';

type CategoryMethods = Pick<Handlers, 'categories.list' | 'categories.set'>;

/**
 * The organisation's fixed categories. Reading is local (they come with the organisation in the
 * cache, so the composer and the filter work offline). Setting them is an editor's choice for the
 * whole organisation, like the knowledge base's editor writes: it needs the server and says so at
 * once, rather than changing everyone's categories later, unseen. After it, the cache catches up
 * before answering, so the next read shows the new list.
 */
export function createCategoryHandlers(d: { http: HttpClient; cache: Cache; session: () => ActiveSession | null; catchUp: () => Promise<unknown> }): CategoryMethods {
  return {
    'categories.list': async () => ok({ items: d.cache.read((c) => c.directory.organisation()?.categories ?? []) }),
    'categories.set': async ({ items }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const answer = await d.http.call('setCategories', { token: s.token, body: { items } });
      if (!answer.ok) return failWith(answer.error);
      await d.catchUp();
      return ok(answer.value);
    },
  };
}
