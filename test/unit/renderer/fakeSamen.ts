import type {
  EventPayload,
  MethodInput,
  MethodOutput,
  Result,
  SamenApi,
  SamenEvent,
  SamenMethod,
} from '../../../common/src/ipc/contract.js';
import type { AuthorView, ClientMode, CommentView, PostViewModel, SessionState, Theme } from '../../../common/src/ipc/views.js';
import { badgeIdFromCodes } from '../../../common/src/badge/badgeId.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { parseHashtags } from '../../../common/src/text/hashtags.js';

/**
 * An in-memory window.samen for component tests: enough of main's behaviour to drive the UI, a
 * log of every call, and a way to push events. A test replaces any handler to make it fail or wait.
 */

export const theme: Theme = {
  organisationName: 'Zorggroep De Linde',
  intranetName: 'LINDE',
  primaryColor: '#7a1f5c',
  accentColor: '#f2b705',
  logoUrl: null,
};

export const me = {
  id: uuidv7(),
  name: 'Fatima El Amrani',
  handle: 'fatima.elamrani',
  jobTitle: 'Verzorgende IG',
  roles: ['employee' as const],
  avatarUrl: null,
};

export function author(name: string, jobTitle = 'Verpleegkundige', departmentName: string | null = 'De Beuk'): AuthorView {
  return { id: uuidv7(), name, handle: name.toLowerCase().replace(/\s+/g, '.'), jobTitle, departmentName, avatarUrl: null };
}

let minutesAgo = 1;

export function post(body: string, extra: Partial<PostViewModel> = {}): PostViewModel {
  minutesAgo += 7;
  return {
    id: uuidv7(),
    author: author('Anna de Vries'),
    group: null,
    body,
    hashtags: parseHashtags(body),
    mentions: [],
    images: [],
    pinned: false,
    likeCount: 0,
    likedByMe: false,
    commentCount: 0,
    createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    editedAt: null,
    mine: false,
    delivery: 'sent',
    likePending: false,
    ...extra,
  };
}

export function comment(postId: string, body: string, name = 'Sem Jansen'): CommentView {
  return { id: uuidv7(), postId, author: author(name), body, createdAt: new Date(Date.now() - 60_000).toISOString(), delivery: 'sent' };
}

/** Key codes a reader sends for a badge id, Enter left out (as the burst detector hands them over). */
export function readerCodes(badgeId: string): string[] {
  return [...badgeId].map((c) => (/\d/.test(c) ? `Digit${c}` : `Key${c.toUpperCase()}`));
}

/** Fatima's badge in the fake: tapping it logs her in. */
export const FATIMA_BADGE = '04A1B2C3D4';
export const FATIMA_PIN = '2580';
export const FATIMA_NUMBER = '10234';

export type StrandedItem = MethodOutput<'outbox.stranded'>['items'][number];

type Handler<M extends SamenMethod> = (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>> | Result<MethodOutput<M>>;
type Handlers = { [M in SamenMethod]: Handler<M> };

export type Call = { method: SamenMethod; input: unknown };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (code: 'not_found' | 'invalid_credentials' | 'badge_unreadable' | 'unknown_badge' | 'invalid_enrolment_code' | 'not_logged_in') => ({
  ok: false as const,
  error: { code, message: code },
});

export type FakeOptions = {
  loggedIn?: boolean;
  /** workstation (password login) unless said otherwise. */
  mode?: ClientMode;
  /** For a logged-out shared device: whether the server can be reached. */
  online?: boolean;
  /** A shared device without a device token. */
  unlinked?: 'not_enrolled' | 'revoked';
  posts?: PostViewModel[];
  comments?: CommentView[];
  stranded?: StrandedItem[];
};

export function loggedInAs(mode: ClientMode, person = me, via: 'password' | 'badge' | 'pin' = mode === 'workstation' ? 'password' : 'badge'): SessionState {
  return { state: 'loggedIn', mode, theme, person, via, idle: { idleSeconds: mode === 'workstation' ? 900 : 120 } };
}

export function loggedOut(mode: ClientMode, online = true): SessionState {
  return { state: 'loggedOut', mode, theme, online };
}

export function createFakeSamen(options: FakeOptions = {}) {
  const mode = options.mode ?? 'workstation';
  let online = options.online ?? true;
  let session: SessionState = options.unlinked
    ? { state: 'deviceUnlinked', mode, reason: options.unlinked }
    : options.loggedIn
      ? loggedInAs(mode)
      : loggedOut(mode, online);
  let stranded = [...(options.stranded ?? [])];
  const posts = [...(options.posts ?? [])];
  const comments = [...(options.comments ?? [])];
  const calls: Call[] = [];
  const listeners = new Map<SamenEvent, Set<(payload: never) => void>>();

  const find = (id: string) => posts.find((p) => p.id === id);

  const handlers: Handlers = {
    'session.state': () => ok(session),
    'session.loginPassword': ({ employeeNumber, password }) => {
      if (employeeNumber !== FATIMA_NUMBER || password !== 'geheim') return fail('invalid_credentials');
      session = loggedInAs(mode, me, 'password');
      return ok(session);
    },
    'session.logout': () => {
      session = loggedOut(mode, online);
      return ok(session);
    },
    // Like main: her badge logs her in, or out when she is the one logged in; anything else is unknown.
    'session.badge': ({ codes }) => {
      if (!online) return { ok: false as const, error: { code: 'offline' as const, message: 'offline' } };
      const badgeId = badgeIdFromCodes(codes);
      if (!badgeId) return fail('badge_unreadable');
      if (badgeId !== FATIMA_BADGE) return fail('unknown_badge');
      session = session.state === 'loggedIn' && session.person.id === me.id ? loggedOut(mode, online) : loggedInAs(mode, me, 'badge');
      return ok(session);
    },
    'session.pin': ({ employeeNumber, pin }) => {
      if (employeeNumber !== FATIMA_NUMBER || pin !== FATIMA_PIN) return fail('invalid_credentials');
      session = loggedInAs(mode, me, 'pin');
      return ok(session);
    },
    'session.lock': () => {
      session = loggedOut(mode, online);
      return ok(session);
    },
    'session.activity': () => ok({ ok: true as const }),
    'device.enrol': ({ code }) => {
      if (code.trim() !== 'KOP-4821') return fail('invalid_enrolment_code');
      session = loggedOut(mode, online);
      return ok(session);
    },
    'outbox.stranded': () => (session.state === 'loggedIn' ? ok({ items: stranded }) : fail('not_logged_in')),
    'outbox.resolve': ({ ids }) => {
      stranded = stranded.filter((item) => !ids.includes(item.id));
      return ok({ ok: true as const });
    },
    'theme.get': () => ok(theme),
    'timeline.list': ({ hashtag }) => {
      const items = posts.filter((p) => !p.pinned && (!hashtag || p.hashtags.includes(hashtag)));
      return ok({ items, nextCursor: null });
    },
    'timeline.pinned': () => ok({ items: posts.filter((p) => p.pinned) }),
    'post.get': ({ id }) => {
      const found = find(id);
      return found ? ok(found) : fail('not_found');
    },
    'post.create': ({ body, images }) => {
      const created = post(body, { author: { ...me, departmentName: 'De Beuk' }, mine: true, delivery: 'sending', images: (images ?? []).map((img, i) => ({ id: `${i}`, width: 10, height: 10, thumbUrl: `data:${img.mime};base64,${img.base64}`, url: '' })) });
      created.createdAt = new Date().toISOString();
      posts.unshift(created);
      return ok(created);
    },
    'post.delete': () => ok({ ok: true as const }),
    'post.like': ({ id, liked }) => {
      const found = find(id);
      if (!found) return fail('not_found');
      if (found.likedByMe !== liked) found.likeCount += liked ? 1 : -1;
      found.likedByMe = liked;
      return ok({ ...found });
    },
    'comment.list': ({ postId }) => ok({ items: comments.filter((c) => c.postId === postId) }),
    'comment.create': ({ postId, body }) => {
      const created = { ...comment(postId, body, me.name), delivery: 'sending' as const };
      comments.push(created);
      return ok(created);
    },
    'people.card': ({ id }) => {
      const person = posts.find((p) => p.author.id === id)?.author;
      if (!person) return fail('not_found');
      return ok({ ...person, locationName: 'Locatie Lindenhof', recentPosts: posts.filter((p) => p.author.id === id) });
    },
    'people.suggest': ({ prefix }) =>
      ok({
        items: [
          { id: uuidv7(), name: 'Anna de Vries', handle: 'anna.devries', jobTitle: 'Verpleegkundige', avatarUrl: null },
          { id: uuidv7(), name: 'Ahmed Bakker', handle: 'ahmed.bakker', jobTitle: 'Teamleider', avatarUrl: null },
        ].filter((p) => p.handle.startsWith(prefix)),
      }),
    'hashtags.suggest': ({ prefix }) =>
      ok({ items: [{ tag: 'bhv', count: 12 }, { tag: 'bijscholing', count: 4 }].filter((h) => h.tag.startsWith(prefix)) }),
    'groups.mine': () => ok({ items: [] }),
    'sync.status': () => ok({ state: 'online' as const, lastSyncedAt: new Date().toISOString(), offlineSince: null, pendingWrites: 0 }),
    'sync.now': () => ok({ state: 'online' as const, lastSyncedAt: new Date().toISOString(), offlineSince: null, pendingWrites: 0 }),
  };

  const api: SamenApi = {
    async invoke(method, input) {
      calls.push({ method, input });
      const handler = handlers[method] as Handler<typeof method>;
      return handler(input);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };

  return {
    api,
    calls,
    posts,
    handlers,
    callsTo: (method: SamenMethod) => calls.filter((c) => c.method === method).map((c) => c.input),
    /** What main would say now (for events a test pushes). */
    session: () => session,
    setOnline(value: boolean) {
      online = value;
      if (session.state === 'loggedOut') session = loggedOut(mode, online);
    },
    emit<E extends SamenEvent>(event: E, payload: EventPayload<E>) {
      for (const listener of listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
    },
  };
}

export type FakeSamen = ReturnType<typeof createFakeSamen>;
