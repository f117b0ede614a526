import type { MailingChoices, Result } from '../../../common/src/ipc/contract.js';
import { plainText } from '../../../common/src/text/markdown.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { Reader } from '../timeline/reader.js';

const RECENT_POSTS = 40;
const PREVIEW_CHARS = 140;

type MailingMethods = Pick<
  Handlers,
  'mailings.choices' | 'mailings.list' | 'mailings.preview' | 'mailings.create' | 'mailings.send' | 'mailings.get' | 'mail.preference' | 'mail.setPreference' | 'mailSettings.get' | 'mailSettings.set' | 'mailSettings.test'
>;

/**
 * Mailings are editors' work at a workstation and need the server: nothing is queued in the outbox,
 * so an editor offline is told so at once instead of a mailing going out later unseen.
 */
export function createMailingHandlers(d: { http: HttpClient; read: Reader; session: () => ActiveSession | null }): MailingMethods {
  const online = async <T>(work: (token: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const s = d.session();
    return s ? work(s.token) : fail('not_logged_in', 'log in first');
  };
  const answer = <T>(r: { ok: true; value: T } | { ok: false; error: Parameters<typeof failWith>[0] }): Result<T> => (r.ok ? ok(r.value) : failWith(r.error));

  return {
    'mailings.choices': () =>
      online(async (token) => {
        const [tree, required, polls] = await Promise.all([
          d.http.call('getKbTree', { token }),
          d.http.call('listReadRequirements', { token }),
          d.http.call('listMailingPolls', { token }),
        ]);
        if (!tree.ok) return failWith(tree.error);
        if (!required.ok) return failWith(required.error);
        if (!polls.ok) return failWith(polls.error);
        // A poll is a post; it is offered once, as a poll. The server's list also covers a cache that
        // was filled before the feed carried the poll flag.
        const pollIds = new Set(polls.value.items.map((p) => p.id));
        const local = d.read((scope, parts) => {
          const posts = scope
            .list({}, null, RECENT_POSTS)
            .slice(0, RECENT_POSTS)
            .filter((x) => x.post.poll !== true && !pollIds.has(x.post.id))
            .map(scope.view)
            // Only what everyone may read can go in a mailing.
            .filter((p) => p.delivery === 'sent' && (p.group === null || parts.directory.group(p.group.id)?.visibility !== 'private'))
            .map((p) => ({ id: p.id, preview: plainText(p.body).slice(0, PREVIEW_CHARS), authorName: p.author.name, createdAt: p.createdAt }));
          const named = (sql: string) => (parts.db.prepare(sql).all() as { id: string; name: string }[]).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
          return {
            posts,
            groups: named(`SELECT id, json_extract(data, '$.name') AS name FROM groups WHERE json_extract(data, '$.visibility') <> 'private'`),
            locations: named(`SELECT id, json_extract(data, '$.name') AS name FROM locations`),
            departments: named(`SELECT id, json_extract(data, '$.name') AS name FROM departments`),
          };
        });
        const choices: MailingChoices = {
          ...local,
          pages: tree.value.pages.map((p) => ({ id: p.id, title: p.title })).sort((a, b) => a.title.localeCompare(b.title, 'nl')),
          requiredPosts: required.value.items.map((r) => ({ id: r.postId, preview: plainText(r.excerpt).slice(0, PREVIEW_CHARS) })),
          polls: polls.value.items,
        };
        return ok(choices);
      }),
    'mailings.list': () => online(async (token) => answer(await d.http.call('listMailings', { token }))),
    'mailings.preview': (body) => online(async (token) => answer(await d.http.call('previewMailing', { token, body }))),
    'mailings.create': (body) => online(async (token) => answer(await d.http.call('createMailing', { token, body }))),
    'mailings.send': ({ id, at }) => online(async (token) => answer(await d.http.call('sendMailing', { token, params: { id }, body: at ? { at } : {} }))),
    'mailings.get': ({ id }) => online(async (token) => answer(await d.http.call('getMailing', { token, params: { id } }))),
    'mail.preference': () => online(async (token) => answer(await d.http.call('getMailPreference', { token }))),
    'mail.setPreference': ({ optedOut }) => online(async (token) => answer(await d.http.call('setMailPreference', { token, body: { optedOut } }))),
    'mailSettings.get': () => online(async (token) => answer(await d.http.call('getMailSettings', { token }))),
    'mailSettings.set': (body) => online(async (token) => answer(await d.http.call('setMailSettings', { token, body }))),
    'mailSettings.test': (body) => online(async (token) => answer(await d.http.call('testMailSettings', { token, body }))),
  };
}
