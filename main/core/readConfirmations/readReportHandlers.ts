import type { Result } from '../../../common/src/ipc/contract.js';
import { plainText } from '../../../common/src/text/markdown.js';
import type { Cache } from '../cache/openCache.js';
import type { Clock } from '../clock.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';

const EXCERPT_CHARS = 140;

type ReportMethods = Pick<
  Handlers,
  'readConfirmations.audienceChoices' | 'readConfirmations.list' | 'readConfirmations.report' | 'readConfirmations.csv' | 'readConfirmations.remind' | 'readConfirmations.unrequire'
>;

/**
 * The editor's side of "lezen verplicht": the audience to pick from (this device's directory), and
 * the reports, which are worked out on the server against the people data of the moment, so they
 * need a connection; an editor offline is told so at once.
 */
export function createReadReportHandlers(d: { http: HttpClient; cache: Cache; clock: Clock; session(): ActiveSession | null }): ReportMethods {
  const online = async <T>(work: (token: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const s = d.session();
    return s ? work(s.token) : fail('not_logged_in', 'log in first');
  };
  /** The opening words of a post, cut at a word, from the cache where it has the post (the server's excerpt is cut anywhere). */
  const excerpt = (postId: string, fallback: string) => {
    const text = plainText(d.cache.read((parts) => parts.posts.get(postId)?.body) ?? fallback).replace(/\s+/g, ' ').trim();
    if (text.length <= EXCERPT_CHARS) return text;
    const cut = text.slice(0, EXCERPT_CHARS);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_CHARS / 2))}…`;
  };

  return {
    'readConfirmations.audienceChoices': async () => {
      if (!d.session()) return fail('not_logged_in', 'log in first');
      return ok(
        d.cache.read((parts) => {
          const named = (sql: string) => (parts.db.prepare(sql).all() as { id: string; name: string }[]).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
          return {
            locations: named(`SELECT id, json_extract(data, '$.name') AS name FROM locations`),
            departments: named(`SELECT id, json_extract(data, '$.name') AS name FROM departments`),
            // The cache holds no private groups; archived ones have nobody left to ask.
            groups: named(`SELECT id, json_extract(data, '$.name') AS name FROM groups WHERE json_extract(data, '$.archived') IS NOT 1`),
          };
        }),
      );
    },
    'readConfirmations.list': () =>
      online(async (token) => {
        const answer = await d.http.call('listReadRequirements', { token });
        if (!answer.ok) return failWith(answer.error);
        return ok({
          items: answer.value.items.map((i) => ({
            postId: i.postId,
            excerpt: excerpt(i.postId, i.excerpt),
            audience: i.requirement.audience,
            markedAt: i.requirement.markedAt,
            confirmedCount: i.requirement.confirmedCount,
          })),
        });
      }),
    'readConfirmations.report': ({ id }) =>
      online(async (token) => {
        const answer = await d.http.call('readReport', { token, params: { id } });
        if (!answer.ok) return failWith(answer.error);
        return ok({ ...answer.value, excerpt: excerpt(id, '') });
      }),
    'readConfirmations.csv': ({ id }) =>
      online(async (token) => {
        const answer = await d.http.bytes('readReportCsv', { token, params: { id } });
        if (!answer.ok) return failWith(answer.error);
        return ok({ fileName: `nog-niet-gelezen-${d.clock.now().toISOString().slice(0, 10)}.csv`, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(answer.value.bytes) });
      }),
    'readConfirmations.remind': ({ id }) =>
      online(async (token) => {
        const answer = await d.http.call('sendReadReminders', { token, params: { id } });
        return answer.ok ? ok(answer.value) : failWith(answer.error);
      }),
    'readConfirmations.unrequire': ({ id }) =>
      online(async (token) => {
        const answer = await d.http.call('unmarkReadRequired', { token, params: { id } });
        return answer.ok ? ok({ ok: true as const }) : failWith(answer.error);
      }),
  };
}
