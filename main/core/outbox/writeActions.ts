import type { Post } from '../../../common/src/api/entities.js';
import type { GroupView } from '../../../common/src/ipc/groupViews.js';
import type { PollViewModel } from '../../../common/src/ipc/pollViews.js';
import { IMAGE_BYTES_MAX, VIDEO_BYTES_MAX } from '../../../common/src/api/routes.js';
import { sniffVideoType } from '../../../common/src/video/sniff.js';
import { SCHEDULE_DAYS_MAX } from '../../../common/src/api/routes/scheduling.js';
import type { MethodParsedInput, Result } from '../../../common/src/ipc/contract.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { Clock } from '../clock.js';
import { fail, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';
import { imageInfo } from './imageInfo.js';
import { isGroupIntent, type GroupIntent, type NewImage, type NewVideo, type OutboxStore } from './outboxStore.js';
import { stampedItem, type OutboxIntent } from './stampedItem.js';

export interface WriteActionDeps {
  store: OutboxStore;
  clock: Clock;
  session(): ActiveSession | null;
  /** A post as the person sees it now (stored, or still waiting in the outbox). */
  findPost(id: string): Post | null;
  /** A post waiting for its time that she saw in "Gepland" (the server's list, or her confirmed write). */
  scheduledKnown(id: string): { authorId: string } | null;
  groupKnown(id: string): boolean;
  /** The group as she sees it now, her waiting joins and leaves counted as done; null when unknown to her. */
  groupStanding(id: string): GroupView | null;
  pageKnown(id: string): boolean;
  /** A poll as she sees it now, her waiting vote counted; null when unknown to her. */
  pollStanding(id: string): PollViewModel | null;
  /** The item being sent right now, which can no longer be taken back. */
  inFlight(): string | null;
  /** The outbox changed: show it and try to deliver. */
  changed(postId: string): void;
  /** The same for a reader's write in the knowledge base. */
  kbChanged(): void;
  /** The same for joining, asking to join or leaving a group. */
  groupsChanged(): void;
}

/**
 * The person's writes: each is checked against what is known locally, stored in the outbox, and
 * shown at once; delivery happens in the background. Answers the id of what was written.
 */
export function createWriteActions(d: WriteActionDeps) {
  const enqueue = (session: ActiveSession, item: OutboxIntent, images: NewImage[] = [], grant = session.deliveryGrant, videos: NewVideo[] = []) => {
    d.store.add(stampedItem(session, d.clock.now(), item, grant), images, videos);
    if (item.kind === 'favourite' || item.kind === 'feedback') d.kbChanged();
    else if (isGroupIntent(item.kind)) d.groupsChanged();
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

  /**
   * A join, request or leave of this group that has not gone yet is taken back: the latest wish is the
   * one that counts, and a join taken back by a leave never reaches the server.
   */
  const takeBackIntents = (session: ActiveSession, groupId: string) => {
    for (const item of d.store.list(session.organisation.id, session.person.id)) {
      if (isGroupIntent(item.kind) && item.postId === groupId && d.inFlight() !== item.id) d.store.remove(item.id);
    }
  };
  const queueIntent = (session: ActiveSession, kind: GroupIntent, group: GroupView) =>
    enqueue(session, { kind, id: uuidv7(d.clock.now().getTime()), postId: group.id, payload: { name: group.name } });

  return {
    /** Joins an open group, or asks to join a closed one; a private group only lets in whom its admins add. */
    joinGroup: (input: MethodParsedInput<'groups.join'>): Result<string> =>
      withSession((session) => {
        const before = d.groupStanding(input.id);
        if (!before) return fail('not_found', 'unknown group');
        if (before.archived) return fail('group_archived', 'the group is archived');
        takeBackIntents(session, input.id);
        const now = d.groupStanding(input.id)!;
        if (now.myRole !== null || now.requested) {
          d.groupsChanged();
          return ok(input.id);
        }
        if (now.visibility === 'private') return fail('not_found', 'unknown group');
        queueIntent(session, now.visibility === 'open' ? 'join' : 'request', now);
        return ok(input.id);
      }),

    /** Leaves a group; a department or location group keeps her while she works there. */
    leaveGroup: (input: MethodParsedInput<'groups.leave'>): Result<string> =>
      withSession((session) => {
        const before = d.groupStanding(input.id);
        if (!before) return fail('not_found', 'unknown group');
        if (before.managedBy !== null) return fail('directory_group', 'the directory decides who is in this group');
        takeBackIntents(session, input.id);
        const now = d.groupStanding(input.id);
        if (now && now.myRole !== null) queueIntent(session, 'leave', now);
        else d.groupsChanged();
        return ok(input.id);
      }),

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
        const videos: NewVideo[] = [];
        if (input.video) {
          const bytes = new Uint8Array(Buffer.from(input.video.base64, 'base64'));
          if (bytes.length > VIDEO_BYTES_MAX) return fail('too_large', `${input.video.name} is larger than 60 MB`);
          if (!sniffVideoType(bytes)) return fail('unsupported_media_type', `${input.video.name} is not an MP4, MOV or WebM video`);
          videos.push({ localId: uuidv7(now), mime: input.video.mime, bytes });
        }
        if ((images.length > 0 || videos.length > 0) && !input.photoConsent) return fail('invalid_input', 'photoConsent: confirm that recognisable people on the photos gave permission');
        const editor = isEditor(session);
        if (input.endsAt !== undefined && !editor) return fail('forbidden', 'only editors set an end date');
        // A time already past is no plan: the post goes now, as the server would place it anyway.
        const publishAt = input.publishAt !== undefined && Date.parse(input.publishAt) > now ? input.publishAt : undefined;
        if (publishAt !== undefined && Date.parse(publishAt) > now + SCHEDULE_DAYS_MAX * DAY_MS) return fail('invalid_input', 'publishAt: at most a year ahead');
        if (input.endsAt !== undefined && Date.parse(input.endsAt) <= (publishAt ? Date.parse(publishAt) : now)) return fail('invalid_input', 'endsAt: must come after the post appears');
        const id = uuidv7(now);
        if (input.review && publishAt) return fail('invalid_input', 'a post for a coach is not scheduled');
        const timing = { ...(publishAt ? { publishAt } : {}), ...(input.endsAt ? { endsAt: input.endsAt } : {}), ...(input.review ? { review: input.review } : {}) };
        const consent = images.length > 0 || videos.length > 0 ? { photoConsent: true } : {};
        enqueue(session, { kind: 'post', id, postId: id, payload: { body: input.body, groupId: input.groupId, ...timing, ...consent } }, images, session.deliveryGrant, videos);
        return ok(id);
      }),

    /** A poll is a post with options: asked in her group, or by an editor for the whole organisation. */
    createPoll: (input: MethodParsedInput<'poll.create'>): Result<string> =>
      withSession((session) => {
        const groupId = input.groupId ?? null;
        if (groupId === null && !session.person.roles.some((r) => r === 'editor' || r === 'admin')) {
          return fail('forbidden', 'Een peiling voor de hele organisatie maakt de redactie. Stel je vraag in een groep waar je lid van bent.');
        }
        if (groupId !== null) {
          const group = d.groupStanding(groupId);
          if (!group) return fail('not_found', 'unknown group');
          if (group.archived) return fail('group_archived', 'the group is archived');
          if (group.myRole === null) return fail('forbidden', 'Word eerst lid van deze groep om er een peiling in te zetten.');
        }
        const now = d.clock.now();
        if (input.closesAt && input.closesAt <= now.toISOString()) return fail('invalid_input', 'De sluitingstijd ligt al in het verleden.');
        const id = uuidv7(now.getTime());
        const payload = {
          question: input.question,
          options: input.options,
          multiple: input.multiple,
          anonymous: input.anonymous,
          changeable: input.changeable,
          showResults: input.showResults,
          closesAt: input.closesAt ?? null,
          groupId,
          pinned: input.pinned,
        };
        enqueue(session, { kind: 'poll', id, postId: id, payload });
        return ok(id);
      }),

    /**
     * Votes, or changes her vote. A vote not sent yet is replaced by the new one, so only her last
     * choice reaches the server; choosing what is already counted sends nothing.
     */
    vote: (input: MethodParsedInput<'poll.vote'>): Result<string> =>
      withSession((session) => {
        const poll = d.pollStanding(input.id);
        if (!poll) return fail('not_found', 'unknown poll');
        if (poll.sending) return fail('invalid_input', 'the poll has not reached the server yet');
        if (poll.closed) return fail('poll_closed', 'Deze peiling is gesloten. Je kunt niet meer stemmen.');
        if (!poll.mayVote) return fail('poll_vote_final', 'Je hebt al gestemd. Bij deze peiling kun je je stem niet wijzigen.');
        const known = new Set(poll.options.map((o) => o.id));
        const chosen = [...new Set(input.optionIds)].sort();
        if (chosen.some((id) => !known.has(id))) return fail('invalid_input', 'Deze keuze hoort niet bij de peiling.');
        if (!poll.multiple && chosen.length !== 1) return fail('invalid_input', 'Bij deze peiling kies je één antwoord.');
        for (const item of d.store.list(session.organisation.id, session.person.id)) {
          if (item.kind === 'vote' && item.postId === input.id && d.inFlight() !== item.id) d.store.remove(item.id);
        }
        const now = d.pollStanding(input.id)!;
        const counted = now.voted && !now.votePending && now.options.filter((o) => o.chosen).map((o) => o.id).sort();
        if (counted && counted.length === chosen.length && counted.every((id, i) => id === chosen[i])) {
          d.changed(input.id);
          return ok(input.id);
        }
        enqueue(session, { kind: 'vote', id: uuidv7(d.clock.now().getTime()), postId: input.id, payload: { optionIds: chosen } });
        return ok(input.id);
      }),

    createComment: (input: MethodParsedInput<'comment.create'>): Result<string> =>
      withSession((session) => {
        if (!d.findPost(input.postId)) return fail('not_found', 'unknown post');
        const id = uuidv7(d.clock.now().getTime());
        enqueue(session, { kind: 'comment', id, postId: input.postId, payload: { body: input.body } });
        return ok(id);
      }),

    /** Her reaction replaces the one still waiting for this post: only the last counts, and one goes out. */
    react: (input: MethodParsedInput<'post.react'>): Result<string> =>
      withSession((session) => {
        if (!d.findPost(input.id)) return fail('not_found', 'unknown post');
        for (const item of d.store.list(session.organisation.id, session.person.id)) {
          if (item.kind === 'like' && item.postId === input.id && d.inFlight() !== item.id) d.store.remove(item.id);
        }
        const payload = input.kind === null ? { liked: false } : { liked: true, kind: input.kind };
        enqueue(session, { kind: 'like', id: uuidv7(d.clock.now().getTime()), postId: input.id, payload });
        return ok(input.id);
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
        if (post.authorId !== session.person.id && !isEditor(session)) return fail('forbidden', 'not your post');
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

    /**
     * Takes back a post written for later. Still waiting here: it is dropped and never leaves the
     * device. Already with the server: a delete goes through the outbox like any other.
     */
    unschedulePost: (input: MethodParsedInput<'post.unschedule'>): Result<string> =>
      withSession((session) => {
        const waiting = d.store.list(session.organisation.id, session.person.id).find((i) => i.kind === 'post' && i.id === input.id);
        if (waiting && d.inFlight() !== waiting.id) {
          d.store.remove(waiting.id);
          d.changed(input.id);
          return ok(input.id);
        }
        const known = d.scheduledKnown(input.id);
        if (!known && !waiting) return fail('not_found', 'unknown scheduled post');
        const authorId = known?.authorId ?? session.person.id;
        if (authorId !== session.person.id && !isEditor(session)) return fail('forbidden', 'not your post');
        const grant = authorId === session.person.id ? session.deliveryGrant : null;
        enqueue(session, { kind: 'delete', id: uuidv7(d.clock.now().getTime()), postId: input.id, payload: {} }, [], grant);
        return ok(input.id);
      }),
  };
}

const DAY_MS = 86_400_000;
const isEditor = (session: ActiveSession) => session.person.roles.some((r) => r === 'editor' || r === 'admin');

export type WriteActions = ReturnType<typeof createWriteActions>;
