import type { PostReview } from '../../../common/src/api/routes/reviews.js';
import type { ReviewViewModel } from '../../../common/src/ipc/reviewViews.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { isReviewer, needsApproval } from '../../../common/src/reviews/approval.js';
import type { Clock } from '../clock.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import type { OutboxStore } from '../outbox/outboxStore.js';
import { stampedItem, type OutboxIntent } from '../outbox/stampedItem.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { Reader } from '../timeline/reader.js';

type ReviewMethods = Pick<
  Handlers,
  'reviews.mine' | 'reviews.queue' | 'reviews.get' | 'reviews.approvalRequired' | 'reviews.note' | 'reviews.decide' | 'reviews.publish' | 'reviews.setApproval'
>;

/**
 * Meekijken. Drafts under review are in no feed (they exist for nobody but their author and the
 * coaches), so every list is asked of the server when it is shown and handed to the screen, never
 * stored: on a shared PC nothing of them reaches the disk but the sealed outbox. Her drafts still in
 * the outbox are added, so a draft asked for offline shows at once. Notes, decisions and posting a
 * draft are outbox items; a coach's go with her own session (a grant acts as an employee).
 */
export function createReviewHandlers(d: {
  http: HttpClient;
  read: Reader;
  clock: Clock;
  outbox: Pick<OutboxStore, 'add'>;
  changed: (postId: string) => void;
  session: () => ActiveSession | null;
  catchUp: () => Promise<unknown>;
}): ReviewMethods {
  const names = (r: PostReview, sending: boolean): ReviewViewModel =>
    d.read((scope, parts) => {
      const name = (id: string) => parts.directory.person(id)?.name ?? '';
      return {
        ...r,
        authorName: name(r.authorId),
        groupName: r.groupId ? (parts.directory.group(r.groupId)?.name ?? scope.personal.group(r.groupId)?.name ?? null) : null,
        notes: r.notes.map((n) => ({ ...n, authorName: name(n.authorId) })),
        sending,
      };
    });

  /** Her drafts still in the outbox, as the server will hold them. */
  const waiting = (s: ActiveSession): (PostReview & { sent: boolean })[] =>
    d.read((scope) =>
      scope.reviewDrafts().map((p) => ({
        sent: p.sent,
        id: p.id,
        authorId: s.person.id,
        groupId: p.groupId,
        body: p.body,
        images: [],
        status: p.review === 'approval' ? 'approval' : 'look',
        createdAt: p.createdAt,
        updatedAt: p.createdAt,
        notes: [],
      })),
    );

  const enqueue = (s: ActiveSession, item: Extract<OutboxIntent, { kind: 'reviewNote' | 'reviewDecide' | 'reviewPublish' }>, grant: ActiveSession['deliveryGrant']) => {
    d.outbox.add(stampedItem(s, d.clock.now(), item, grant));
    d.changed(item.postId);
  };

  return {
    'reviews.mine': async () => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const answer = await d.http.call('listMyReviews', { token: s.token });
      if (d.session()?.person.id !== s.person.id) return fail('not_logged_in', 'the person changed');
      // The server's word wins; what it does not list yet is still on its way from this device.
      const fromServer = answer.ok ? answer.value.items : [];
      const there = new Set(fromServer.map((r) => r.id));
      const local = waiting(s).filter((r) => !there.has(r.id) && !r.sent);
      return ok({ items: [...local.map(({ sent: _, ...r }) => names(r, true)), ...fromServer.map((r) => names(r, false))], complete: answer.ok });
    },
    'reviews.queue': async () => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      if (!isReviewer(s.person.roles)) return fail('forbidden', 'coaches and editors only');
      const answer = await d.http.call('listReviewQueue', { token: s.token });
      if (!answer.ok) return failWith(answer.error);
      return ok({ items: answer.value.items.map((r) => names(r, false)), complete: true });
    },
    'reviews.get': async ({ id }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const answer = await d.http.call('getReview', { token: s.token, params: { id } });
      if (answer.ok) return ok(names(answer.value, false));
      const local = waiting(s).find((r) => r.id === id && !r.sent);
      if (!local) return failWith(answer.error);
      const { sent: _, ...draft } = local;
      return ok(names(draft, true));
    },
    'reviews.approvalRequired': async ({ groupId }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      return d.read((scope, parts) => {
        const organisation = parts.directory.organisation();
        const group = groupId ? (parts.directory.group(groupId) ?? scope.personal.group(groupId)) : null;
        return ok({ required: needsApproval(s.person.roles, organisation, group), organisation: organisation?.postApproval === true, group: group?.postApproval === true });
      });
    },
    'reviews.note': async ({ id, kind, body }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      if (!isReviewer(s.person.roles)) return fail('forbidden', 'coaches and editors only');
      enqueue(s, { kind: 'reviewNote', id: uuidv7(d.clock.now().getTime()), postId: id, payload: { noteId: uuidv7(d.clock.now().getTime()), note: kind, body } }, null);
      return ok({ ok: true as const });
    },
    'reviews.decide': async ({ id, approve, comment }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      if (!isReviewer(s.person.roles)) return fail('forbidden', 'coaches and editors only');
      if (!approve && !comment?.trim()) return fail('invalid_input', 'Schrijf waarom je het terugstuurt.');
      enqueue(s, { kind: 'reviewDecide', id: uuidv7(d.clock.now().getTime()), postId: id, payload: { approve, comment: approve ? null : comment!.trim() } }, null);
      return ok({ ok: true as const });
    },
    'reviews.publish': async ({ id, body }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      enqueue(s, { kind: 'reviewPublish', id: uuidv7(d.clock.now().getTime()), postId: id, payload: { body } }, s.deliveryGrant);
      return ok({ ok: true as const });
    },
    'reviews.setApproval': async ({ groupId, required }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const answer = await d.http.call('setPostApproval', { token: s.token, body: { groupId, required } });
      if (!answer.ok) return failWith(answer.error);
      await d.catchUp();
      return ok({ required: answer.value.required });
    },
  };
}
