import { parseHashtags } from '../../../common/src/text/hashtags.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { Reader } from '../timeline/reader.js';

type SchedulingMethods = Pick<Handlers, 'post.scheduled' | 'scheduling.bestTime'>;

/**
 * "Gepland" and the composer's tip. Scheduled posts are in no feed (they exist for nobody else yet),
 * so the list is asked of the server each time it is shown and kept in memory only, for the person
 * who asked; what still waits in her outbox is added, so a post planned offline is there at once.
 */
export function createScheduling(d: { http: HttpClient; read: Reader; session: () => ActiveSession | null }) {
  let seen: { personId: string; authors: Map<string, string> } | null = null;

  const handlers: SchedulingMethods = {
    'post.scheduled': async () => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const answer = await d.http.call('listScheduledPosts', { token: s.token });
      if (d.session()?.person.id !== s.person.id) return fail('not_logged_in', 'the person changed');
      if (answer.ok) seen = { personId: s.person.id, authors: new Map(answer.value.items.map((p) => [p.id, p.authorId])) };
      return d.read((scope) => {
        const local = scope.scheduled();
        const here = new Set(local.map((p) => p.id));
        const fromServer = answer.ok
          ? answer.value.items
              .filter((p) => !here.has(p.id) && scope.find(p.id) === null && !scope.deleted(p.id))
              .map((p) =>
                scope.view({
                  delivery: 'sent',
                  post: {
                    id: p.id,
                    authorId: p.authorId,
                    groupId: p.groupId,
                    body: p.body,
                    hashtags: parseHashtags(p.body),
                    mentions: [],
                    images: p.images,
                    pinned: p.pinned,
                    likeCount: 0,
                    commentCount: 0,
                    createdAt: p.publishAt,
                    editedAt: null,
                    ...(p.endsAt ? { endsAt: p.endsAt } : {}),
                  },
                }),
              )
              .map((v) => ({ ...v, scheduledFor: v.createdAt }))
          : [];
        const items = [...local, ...fromServer].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
        return ok({ items, complete: answer.ok });
      });
    },
    'scheduling.bestTime': async () => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const answer = await d.http.call('bestPostingTime', { token: s.token });
      return answer.ok ? ok(answer.value) : failWith(answer.error);
    },
  };

  return {
    handlers,
    /** The author of a scheduled post she was shown (the last list asked for, as this person). */
    known(id: string): { authorId: string } | null {
      const s = d.session();
      const authorId = s && seen?.personId === s.person.id ? seen.authors.get(id) : undefined;
      return authorId ? { authorId } : null;
    },
    /** At lock, logout and switch: nothing of her list outlives her session. */
    wipe() {
      seen = null;
    },
  };
}

export type Scheduling = ReturnType<typeof createScheduling>;
