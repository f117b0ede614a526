import type { Result } from '../../../common/src/ipc/contract.js';
import type { KbPageView } from '../../../common/src/ipc/kbViews.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import type { WriteActions } from '../outbox/writeActions.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { KbEditor } from './kbEditor.js';
import type { KbReader } from './kbReader.js';
import { kbHome, kbPageView } from './kbViews.js';

type KbMethod = Extract<keyof Handlers, `kb.${string}`>;

export interface KbHandlerDeps {
  http: HttpClient;
  read: KbReader;
  editor: KbEditor;
  actions: Pick<WriteActions, 'favourite' | 'feedback'>;
  session(): ActiveSession | null;
}

/** window.samen's "Weten en regelen": reading from the cache, reader writes through the outbox, editing through the server. */
export function createKbHandlers(d: KbHandlerDeps): Pick<Handlers, KbMethod> {
  const cachedView = (id: string): Result<KbPageView> =>
    d.read((parts, personal, own) => {
      const page = parts.kb.page(id);
      return page ? ok(kbPageView(parts, personal, own, page)) : fail('not_found', 'page not found');
    });
  const written = (result: Result<string>): Result<KbPageView> => (result.ok ? cachedView(result.value) : result);

  return {
    'kb.home': async () => d.read((parts, personal, own) => ok(kbHome(parts, personal, own))),
    'kb.page': async ({ id }) => {
      const local = cachedView(id);
      if (local.ok) return local;
      // A page saved a moment ago elsewhere may not have synced yet: ask the server when it can be reached.
      const answer = await d.http.call('getPage', { token: d.session()?.token ?? null, params: { id } });
      if (!answer.ok) return answer.error.code === 'offline' ? local : failWith(answer.error);
      return d.read((parts, personal, own) => ok(kbPageView(parts, personal, own, answer.value)));
    },
    'kb.favourite': async (input) => written(d.actions.favourite(input)),
    'kb.feedback': async (input) => written(d.actions.feedback(input)),
    'kb.savePage': (input) => d.editor.savePage(input),
    'kb.deletePage': (input) => d.editor.deletePage(input),
    'kb.createSection': (input) => d.editor.createSection(input),
    'kb.move': (input) => d.editor.move(input),
    'kb.versions': (input) => d.editor.versions(input),
    'kb.diff': (input) => d.editor.diff(input),
    'kb.restore': (input) => d.editor.restore(input),
    'kb.review': () => d.editor.review(),
    'kb.saveQuickLink': (input) => d.editor.saveQuickLink(input),
    'kb.deleteQuickLink': (input) => d.editor.deleteQuickLink(input),
    'kb.uploadAttachment': (input) => d.editor.uploadAttachment(input),
    'kb.attachment': async ({ id }) => {
      const name = d.read((parts) => parts.kb.pages().flatMap((p) => p.attachments).find((a) => a.id === id)?.name ?? null);
      if (name === null) return fail('not_found', 'attachment not found');
      const answer = await d.http.bytes('getAttachment', { token: d.session()?.token ?? null, params: { id } });
      if (!answer.ok) return failWith(answer.error);
      return ok({ name, mime: answer.value.mime, base64: Buffer.from(answer.value.bytes).toString('base64') });
    },
  };
}
