import type { Post } from '../../../common/src/api/entities.js';
import { IMAGE_BYTES_MAX } from '../../../common/src/api/routes.js';
import type { MethodParsedInput, Result } from '../../../common/src/ipc/contract.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { Clock } from '../clock.js';
import { fail, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';
import { imageInfo } from './imageInfo.js';
import type { DistributiveOmit, NewImage, NewOutboxItem, OutboxStore } from './outboxStore.js';

export interface WriteActionDeps {
  store: OutboxStore;
  clock: Clock;
  session(): ActiveSession | null;
  /** A post as the person sees it now (stored, or still waiting in the outbox). */
  findPost(id: string): Post | null;
  groupKnown(id: string): boolean;
  pageKnown(id: string): boolean;
  /** The item being sent right now, which can no longer be taken back. */
  inFlight(): string | null;
  /** The outbox changed: show it and try to deliver. */
  changed(postId: string): void;
  /** The same for a reader's write in the knowledge base. */
  kbChanged(): void;
}

/**
 * The person's writes: each is checked against what is known locally, stored in the outbox, and
 * shown at once; delivery happens in the background. Answers the id of what was written.
 */
export function createWriteActions(d: WriteActionDeps) {
  const enqueue = (
    session: ActiveSession,
    item: DistributiveOmit<NewOutboxItem, 'tenantId' | 'personId' | 'idempotencyKey' | 'createdAt' | 'grant'>,
    images: NewImage[] = [],
    grant = session.deliveryGrant,
  ) => {
    const now = d.clock.now();
    d.store.add(
      {
        ...item,
        tenantId: session.organisation.id,
        personId: session.person.id,
        idempotencyKey: uuidv7(now.getTime()),
        createdAt: now.toISOString(),
        // On a shared device the item carries its author's grant (never her session token), so it
        // is delivered as her even after she left.
        grant,
      },
      images,
    );
    if (item.kind === 'favourite' || item.kind === 'feedback') d.kbChanged();
    else d.changed(item.postId);
  };

  const withSession = <T>(work: (session: ActiveSession) => Result<T>): Result<T> => {
    const session = d.session();
    return session ? work(session) : fail('not_logged_in', 'log in first');
  };

  /** Repeating a favourite or an answer replaces the one still waiting: only the last counts. */
  const replaceWaiting = (session: ActiveSession, kind: 'favourite' | 'feedback', pageId: string) => {
    for (const item of d.store.list(session.organisation.id, session.person.id)) {
      if (item.kind === kind && item.postId === pageId && d.inFlight() !== item.id) d.store.remove(item.id);
    }
  };

  return {
    favourite: (input: MethodParsedInput<'kb.favourite'>): Result<string> =>
      withSession((session) => {
        if (!d.pageKnown(input.id)) return fail('not_found', 'unknown page');
        replaceWaiting(session, 'favourite', input.id);
        enqueue(session, { kind: 'favourite', id: uuidv7(d.clock.now().getTime()), postId: input.id, payload: { favourite: input.favourite } });
        return ok(input.id);
      }),

    feedback: (input: MethodParsedInput<'kb.feedback'>): Result<string> =>
      withSession((session) => {
        if (!d.pageKnown(input.id)) return fail('not_found', 'unknown page');
        replaceWaiting(session, 'feedback', input.id);
        enqueue(session, { kind: 'feedback', id: uuidv7(d.clock.now().getTime()), postId: input.id, payload: { helpful: input.helpful, comment: input.comment } });
        return ok(input.id);
      }),

    createPost: (input: MethodParsedInput<'post.create'>): Result<string> =>
      withSession((session) => {
        if (input.groupId !== null && !d.groupKnown(input.groupId)) return fail('not_found', 'unknown group');
        const now = d.clock.now().getTime();
        const images: NewImage[] = [];
        for (const upload of input.images) {
          const bytes = new Uint8Array(Buffer.from(upload.base64, 'base64'));
          if (bytes.length > IMAGE_BYTES_MAX) return fail('too_large', `${upload.name} is larger than 10 MB`);
          const info = imageInfo(bytes);
          if (!info) return fail('invalid_image', `${upload.name} is not a JPEG, PNG, WebP or GIF image`);
          images.push({ ...info, localId: uuidv7(now), bytes });
        }
        const id = uuidv7(now);
        enqueue(session, { kind: 'post', id, postId: id, payload: { body: input.body, groupId: input.groupId } }, images);
        return ok(id);
      }),

    createComment: (input: MethodParsedInput<'comment.create'>): Result<string> =>
      withSession((session) => {
        if (!d.findPost(input.postId)) return fail('not_found', 'unknown post');
        const id = uuidv7(d.clock.now().getTime());
        enqueue(session, { kind: 'comment', id, postId: input.postId, payload: { body: input.body } });
        return ok(id);
      }),

    like: (input: MethodParsedInput<'post.like'>): Result<string> =>
      withSession((session) => {
        if (!d.findPost(input.id)) return fail('not_found', 'unknown post');
        enqueue(session, { kind: 'like', id: uuidv7(d.clock.now().getTime()), postId: input.id, payload: { liked: input.liked } });
        return ok(input.id);
      }),

    deletePost: (input: MethodParsedInput<'post.delete'>): Result<string> =>
      withSession((session) => {
        const post = d.findPost(input.id);
        if (!post) return fail('not_found', 'unknown post');
        const mayDeleteAny = session.person.roles.some((r) => r === 'editor' || r === 'admin');
        if (post.authorId !== session.person.id && !mayDeleteAny) return fail('forbidden', 'not your post');
        const waiting = d.store.list(session.organisation.id, session.person.id).filter((i) => i.postId === input.id);
        const create = waiting.find((i) => i.kind === 'post');
        if (create && d.inFlight() !== create.id) {
          // Never sent: taking it back, with what hangs off it, is all a delete needs to do.
          for (const item of waiting) if (d.inFlight() !== item.id) d.store.remove(item.id);
          d.changed(input.id);
          return ok(input.id);
        }
        // A grant may only remove its author's own posts: an editor removing someone else's sends
        // that with her session, so it waits for her if she leaves before it went.
        const grant = post.authorId === session.person.id ? session.deliveryGrant : null;
        enqueue(session, { kind: 'delete', id: uuidv7(d.clock.now().getTime()), postId: input.id, payload: {} }, [], grant);
        return ok(input.id);
      }),
  };
}

export type WriteActions = ReturnType<typeof createWriteActions>;
