import type { Comment, Post } from '../../../common/src/api/entities.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { Clock } from '../clock.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import type { ModerationDecision, OutboxStore } from '../outbox/outboxStore.js';
import { stampedItem, type OutboxIntent } from '../outbox/stampedItem.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';
import { authorLookup } from '../timeline/postViews.js';
import type { Reader } from '../timeline/reader.js';

type ModerationMethods = Pick<Handlers, 'moderation.report' | 'moderation.queue' | 'moderation.decide'>;

/** Coaches and editors (admins have every role) handle reports; the server decides in the end. */
export const moderatesContent = (s: ActiveSession): boolean => s.person.roles.some((r) => r === 'coach' || r === 'editor' || r === 'admin');

/**
 * Reports and decisions are outbox items, so they work offline and, for a report, after a tap-out on
 * a shared PC (with her delivery grant). A decision needs the moderator's own session: a grant acts
 * as an employee. The queue is asked of the server each time it is shown and kept nowhere; entries
 * with a decision of hers still waiting are left out, so a tap takes the entry away at once.
 */
export function createModerationHandlers(d: {
  http: HttpClient;
  clock: Clock;
  read: Reader;
  store: Pick<OutboxStore, 'add' | 'list'>;
  imageUrl: ImageUrl;
  session(): ActiveSession | null;
  /** The outbox gained an item about this post: show it and deliver. */
  changed(postId: string): void;
}): ModerationMethods {
  const findItem = (kind: 'post' | 'comment', id: string): Post | Comment | null =>
    d.read((scope, parts) => (kind === 'post' ? (scope.find(id)?.post ?? null) : (parts.posts.comment(id) ?? scope.personal.comment(id))));

  const newId = () => uuidv7(d.clock.now().getTime());
  const enqueue = (s: ActiveSession, intent: OutboxIntent, grant: ActiveSession['deliveryGrant']) => d.store.add(stampedItem(s, d.clock.now(), intent, grant));
  const waiting = (s: ActiveSession) => d.store.list(s.organisation.id, s.person.id);

  return {
    'moderation.report': async ({ itemKind, itemId, reason, note }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const item = findItem(itemKind, itemId);
      if (!item) return fail('not_found', 'unknown item');
      if (item.authorId === s.person.id) return fail('invalid_input', 'one does not report one’s own writing');
      // One report per person and item: a second tap while the first waits adds nothing.
      if (waiting(s).some((w) => w.kind === 'report' && w.postId === itemId)) return ok({ ok: true as const });
      enqueue(s, { kind: 'report', id: newId(), postId: itemId, payload: { itemKind, reason, note: note || null } }, s.deliveryGrant);
      d.changed('postId' in item ? item.postId : item.id);
      return ok({ ok: true as const });
    },
    'moderation.queue': async ({ status }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      if (!moderatesContent(s)) return fail('forbidden', 'coaches and editors only');
      const answer = await d.http.call('moderationQueue', { token: s.token, query: { status } });
      if (!answer.ok) return failWith(answer.error);
      const decided = new Set(waiting(s).flatMap((w) => (w.kind === 'moderate' ? [w.postId] : [])));
      return d.read((_, parts) => {
        const author = authorLookup(parts.directory, d.imageUrl);
        return ok({ items: answer.value.items.filter((e) => !decided.has(e.itemId)).map(({ authorId, ...e }) => ({ ...e, author: author(authorId) })) });
      });
    },
    'moderation.decide': async (input) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      if (!moderatesContent(s)) return fail('forbidden', 'coaches and editors only');
      const decision: ModerationDecision =
        input.action === 'hide' ? { action: 'hide', itemKind: input.itemKind, reason: input.reason } : { action: input.action, itemKind: input.itemKind };
      // Deciding is a moderator's act: a grant (role employee) may not, so it waits for her session.
      enqueue(s, { kind: 'moderate', id: newId(), postId: input.itemId, payload: decision }, null);
      d.changed(input.itemId);
      return ok({ ok: true as const });
    },
  };
}
