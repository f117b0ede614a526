import type { Page } from '../../../common/src/api/entities.js';
import type { MethodOutput, MethodParsedInput, Result } from '../../../common/src/ipc/contract.js';
import type { KbHome, KbPageView } from '../../../common/src/ipc/kbViews.js';
import type { HttpClient } from '../net/httpClient.js';
import type { NetResult } from '../net/netError.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { KbReader } from './kbReader.js';
import { kbHome, kbPageView } from './kbViews.js';

export interface KbEditorDeps {
  http: HttpClient;
  session(): ActiveSession | null;
  /** Brings the server's change into the cache before answering, so what the editor sees next is it. */
  catchUp(): Promise<unknown>;
  read: KbReader;
}

/** A refused save tells why: "someone else saved first" is its own code, with its own Dutch text. */
const refused = <T>(answer: NetResult<T>): { ok: false; error: ReturnType<typeof failWith>['error'] } | null => {
  if (answer.ok) return null;
  return answer.error.serverCode === 'conflict' ? fail('conflict', answer.error.message) : failWith(answer.error);
};

/**
 * What editors do in "Weten en regelen". These writes need the server (the answer says `offline`
 * otherwise, and the renderer tells the editor so in Dutch): a page is a shared document that
 * others may be editing, so it is not saved blind the way a like is.
 */
export function createKbEditor(d: KbEditorDeps) {
  const home = (): KbHome => d.read((parts, personal, own) => kbHome(parts, personal, own));
  /** The page as the cache has it now, or (when the catch-up failed) as the server answered it. */
  const pageView = (answered: Page): Result<KbPageView> =>
    d.read((parts, personal, own) => ok(kbPageView(parts, personal, own, parts.kb.page(answered.id) ?? answered)));
  const personName = (id: string) => d.read((parts) => parts.directory.person(id)?.name ?? null);

  const withSession = async <T>(work: (token: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const s = d.session();
    return s ? work(s.token) : fail('not_logged_in', 'log in first');
  };
  const thenPage = async (answer: NetResult<Page>): Promise<Result<KbPageView>> => {
    const no = refused(answer);
    if (no || !answer.ok) return no ?? fail('server_error', 'unreachable');
    await d.catchUp();
    return pageView(answer.value);
  };
  const thenHome = async (answer: NetResult<unknown>): Promise<Result<KbHome>> => {
    const no = refused(answer);
    if (no) return no;
    await d.catchUp();
    return ok(home());
  };

  return {
    savePage: (input: MethodParsedInput<'kb.savePage'>) =>
      withSession(async (token) => {
        const { id, title, body, sectionId, baseVersion } = input;
        const answer = id
          ? await d.http.call('updatePage', { token, params: { id }, body: { title, body, sectionId, ...(baseVersion ? { baseVersion } : {}) } })
          : await d.http.call('createPage', { token, body: { title, body, sectionId } });
        return thenPage(answer);
      }),
    deletePage: ({ id }: MethodParsedInput<'kb.deletePage'>) =>
      withSession(async (token) => {
        const no = refused(await d.http.call('deletePage', { token, params: { id } }));
        if (no) return no;
        await d.catchUp();
        return ok({ ok: true as const });
      }),
    createSection: ({ title, parentId }: MethodParsedInput<'kb.createSection'>) =>
      withSession(async (token) => {
        const answer = await d.http.call('createSection', { token, body: { title, parentId } });
        const no = refused(answer);
        if (no || !answer.ok) return no ?? fail('server_error', 'unreachable');
        await d.catchUp();
        return ok(answer.value);
      }),
    move: ({ kind, id, parentId, position }: MethodParsedInput<'kb.move'>) =>
      withSession(async (token) =>
        thenHome(
          kind === 'section'
            ? await d.http.call('updateSection', { token, params: { id }, body: { parentId, position } })
            : await d.http.call('updatePage', { token, params: { id }, body: { sectionId: parentId, position } }),
        ),
      ),
    versions: ({ id }: MethodParsedInput<'kb.versions'>) =>
      withSession(async (token): Promise<Result<MethodOutput<'kb.versions'>>> => {
        const answer = await d.http.call('listPageVersions', { token, params: { id } });
        if (!answer.ok) return failWith(answer.error);
        return ok({ items: answer.value.items.map((v) => ({ ...v, savedByName: v.savedBy ? personName(v.savedBy) : null })) });
      }),
    diff: ({ id, from, to }: MethodParsedInput<'kb.diff'>) =>
      withSession(async (token): Promise<Result<MethodOutput<'kb.diff'>>> => {
        const answer = await d.http.call('diffPageVersions', { token, params: { id }, query: { from, ...(to ? { to } : {}) } });
        return answer.ok ? ok(answer.value) : failWith(answer.error);
      }),
    restore: ({ id, version }: MethodParsedInput<'kb.restore'>) =>
      withSession(async (token) => thenPage(await d.http.call('restorePageVersion', { token, params: { id, version } }))),
    review: () =>
      withSession(async (token): Promise<Result<MethodOutput<'kb.review'>>> => {
        const answer = await d.http.call('reviewOverview', { token });
        if (!answer.ok) return failWith(answer.error);
        const { today, items } = answer.value;
        return ok({ today, items: items.map(({ pageId, title, ownerName, reviewDate, daysOverdue }) => ({ pageId, title, ownerName, reviewDate, daysOverdue })) });
      }),
    saveQuickLink: ({ id, ...link }: MethodParsedInput<'kb.saveQuickLink'>) =>
      withSession(async (token) =>
        thenHome(id ? await d.http.call('updateQuickLink', { token, params: { id }, body: link }) : await d.http.call('createQuickLink', { token, body: link })),
      ),
    deleteQuickLink: ({ id }: MethodParsedInput<'kb.deleteQuickLink'>) =>
      withSession(async (token) => thenHome(await d.http.call('deleteQuickLink', { token, params: { id } }))),
    uploadAttachment: ({ pageId, name, base64 }: MethodParsedInput<'kb.uploadAttachment'>) =>
      withSession(async (token): Promise<Result<MethodOutput<'kb.uploadAttachment'>>> => {
        const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
        // The server sniffs the type from the bytes; the name's extension is only a hint to it.
        const answer = await d.http.call('uploadAttachment', { token, params: { id: pageId }, query: { name }, body: { bytes, mime: 'application/octet-stream' } });
        const no = refused(answer);
        if (no || !answer.ok) return no ?? fail('server_error', 'unreachable');
        await d.catchUp();
        return ok(answer.value);
      }),
  };
}

export type KbEditor = ReturnType<typeof createKbEditor>;
