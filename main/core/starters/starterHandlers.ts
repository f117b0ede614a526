import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { Reader } from '../timeline/reader.js';

type StarterMethods = Pick<Handlers, 'starters.current' | 'starters.settings' | 'starters.save' | 'starters.askNow'>;

/** A question older than this is no longer offered: the conversation has moved on. */
const CURRENT_DAYS = 14;

/**
 * Conversation starters. The composer's prompt is read locally (the question is a post in the cache,
 * or, for a private group, in her personal store), so it is there offline and on ward PCs. The
 * editor's settings are the organisation's, like its categories: they need the server and say so at
 * once; asking now catches up afterwards so the new question is in the timeline when it answers.
 */
export function createStarterHandlers(d: { http: HttpClient; read: Reader; session: () => ActiveSession | null; now: () => Date; catchUp: () => Promise<unknown> }): StarterMethods {
  const token = () => d.session()?.token ?? null;
  return {
    'starters.current': async ({ groupId }) =>
      d.read((scope, parts) => {
        const since = new Date(d.now().getTime() - CURRENT_DAYS * 86_400_000).toISOString();
        const cached = parts.posts.latestStarter(groupId, since);
        const personal = groupId
          ? scope.personal
              .posts()
              .filter((p) => p.groupId === groupId && p.conversationStarter && p.createdAt > since)
              .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
          : undefined;
        const post = personal && (!cached || personal.createdAt > cached.createdAt) ? personal : cached;
        return ok({ starter: post ? { id: post.id, question: post.body } : null });
      }),
    'starters.settings': async () => {
      const t = token();
      if (!t) return fail('not_logged_in', 'log in first');
      const answer = await d.http.call('getStarterSettings', { token: t });
      return answer.ok ? ok(answer.value) : failWith(answer.error);
    },
    'starters.save': async (body) => {
      const t = token();
      if (!t) return fail('not_logged_in', 'log in first');
      const answer = await d.http.call('setStarterSettings', { token: t, body });
      return answer.ok ? ok(answer.value) : failWith(answer.error);
    },
    'starters.askNow': async () => {
      const t = token();
      if (!t) return fail('not_logged_in', 'log in first');
      const answer = await d.http.call('askNextStarter', { token: t });
      if (!answer.ok) return failWith(answer.error);
      await d.catchUp();
      return ok(answer.value);
    },
  };
}
