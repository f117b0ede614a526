import type { createReviewHandlers } from './reviews/reviewHandlers.js';
import type { Result } from '../../common/src/ipc/contract.js';
import type { SessionState } from '../../common/src/ipc/views.js';
import { normaliseHashtag } from '../../common/src/text/hashtags.js';
import type { Cache } from './cache/openCache.js';
import type { Clock } from './clock.js';
import type { GroupActions } from './groups/groupActions.js';
import { findGroupView, groupsOverview, groupViewContext, type GroupViewContext } from './groups/groupView.js';
import { homeGroupIds } from './groups/homeGroups.js';
import { myGroups } from './groups/myGroups.js';
import { createCategoryHandlers } from './categories/categoryHandlers.js';
import { createStarterHandlers } from './starters/starterHandlers.js';
import { createMailingHandlers } from './mailings/mailingHandlers.js';
import type { VisitSender } from './groups/visitSender.js';
import type { ImageUrl } from './images/imageUrl.js';
import type { Handlers } from './ipc/dispatcher.js';
import type { HttpClient } from './net/httpClient.js';
import { mentionSuggestions } from './people/mentionSuggestions.js';
import { personCard } from './people/personCard.js';
import { fail, failWith, ok } from './result.js';
import type { NoticeCenter } from './notify/noticeCenter.js';
import type { DeviceEnrolment } from './devices/deviceEnrolment.js';
import { createKbHandlers, type KbHandlerDeps } from './kb/kbHandlers.js';
import type { KioskMethods } from './kiosk/kioskHandlers.js';
import type { CelebrationMethods } from './celebrations/celebrationHandlers.js';
import type { HrImportMethods } from './celebrations/hrImportHandlers.js';
import type { AmbassadorMethods } from './ambassadors/ambassadorHandlers.js';
import { createSearchHandlers } from './search/searchHandlers.js';
import { createStatsHandlers } from './stats/statsHandlers.js';
import type { StatsRecorder } from './stats/statsRecorder.js';
import type { ClientIndex } from './search/clientIndex.js';
import type { ServerSearch } from './search/serverSearch.js';
import type { Outbox } from './outbox/outbox.js';
import { createPollHandlers, type PollHandlerDeps } from './polls/pollHandlers.js';
import type { ActiveSession } from './session/sessionManager.js';
import { themeOf } from './session/sessionView.js';
import type { SyncEngine } from './sync/syncEngine.js';
import type { SyncStatusTracker } from './sync/syncStatus.js';
import { hashtagSuggestions } from './timeline/hashtagSuggestions.js';
import { decodePostCursor, encodePostCursor } from './timeline/postCursor.js';
import type { Reader } from './timeline/reader.js';
import type { ReadConfirmationMethods } from './readConfirmations/readConfirmationHandlers.js';
import { createModerationHandlers } from './moderation/moderationHandlers.js';
import { createSocialHandlers } from './stats/socialFigures.js';

const PINNED_AT_MOST = 20;

/** Who is logged in, and the device: each answers the session state after it (or why not). */
export interface SessionOps {
  current(): ActiveSession | null;
  state(): SessionState;
  loginPassword(employeeNumber: string, password: string): Promise<Result<SessionState>>;
  logout(): Promise<Result<SessionState>>;
  lock(): Promise<Result<SessionState>>;
  badge(codes: readonly string[], pin: string | undefined): Promise<Result<SessionState>>;
  pin(employeeNumber: string, pin: string, linkPendingBadge: boolean): Promise<Result<SessionState>>;
  activity(): void;
}

export interface HandlerDeps {
  http: HttpClient;
  clock: Clock;
  cache: Cache;
  read: Reader;
  sessions: SessionOps;
  devices: Pick<DeviceEnrolment, 'enrol' | 'ready'>;
  outbox: Pick<Outbox, 'actions' | 'stranded' | 'changed' | 'store'>;
  sync: SyncEngine;
  status: SyncStatusTracker;
  imageUrl: ImageUrl;
  groups: GroupActions;
  visits: Pick<VisitSender, 'enter' | 'leave'>;
  stats: Pick<StatsRecorder, 'groupVisit'>;
  kb: Pick<KbHandlerDeps, 'read' | 'editor'>;
  search: { index: ClientIndex; server: ServerSearch };
  notices: Pick<NoticeCenter, 'setLanguage' | 'settings' | 'setSettings'>;
  /** The kiosk's signage and the editors' kiosk management (kiosk/kioskHandlers.ts). */
  kiosk: KioskMethods;
  scheduling: Pick<Handlers, 'post.scheduled' | 'scheduling.bestTime'>;
  polls: Pick<PollHandlerDeps, 'clock' | 'memory'>;
  /** "Lezen verplicht" and view counts (readConfirmations/readConfirmationHandlers.ts). */
  readConfirmations: ReadConfirmationMethods;
  /** Meekijken (reviews/reviewHandlers.ts). */
  reviews: ReturnType<typeof createReviewHandlers>;
  /** Her birthday on the kiosks (celebrations/celebrationHandlers.ts). */
  celebrations: CelebrationMethods;
  /** An admin's HR import, online only (celebrations/hrImportHandlers.ts). */
  hrImport: HrImportMethods;
  /** Ambassadors and the first-time tour (ambassadors/ambassadorHandlers.ts). */
  ambassadors: AmbassadorMethods;
}

/** The handlers behind window.samen; their input has been checked against the contract already. */
export function createHandlers(d: HandlerDeps): Handlers {
  const { read } = d;
  const postView = (id: string) =>
    read((scope) => {
      const found = scope.find(id);
      return found ? ok(scope.view(found)) : fail('not_found', 'post not found');
    });
  const written = <T>(result: Result<string>, then: (id: string) => Result<T>): Result<T> => (result.ok ? then(result.value) : result);
  const withGroups = <T>(work: (c: GroupViewContext) => Result<T>): Result<T> => {
    const me = d.sessions.current()?.person.id;
    if (!me) return fail('not_logged_in', 'log in first');
    return read((scope, parts) => work(groupViewContext(scope, parts, me, d.imageUrl)));
  };
  const groupById = (id: string) =>
    withGroups((c) => {
      const view = findGroupView(c, id);
      return view ? ok(view) : fail('not_found', 'group not found');
    });

  return {
    'session.state': async () => {
      // An enrolment begun at start is waited for, so the first screen is the right one.
      await d.devices.ready();
      return ok(d.sessions.state());
    },
    'session.loginPassword': ({ employeeNumber, password }) => d.sessions.loginPassword(employeeNumber, password),
    'session.logout': () => d.sessions.logout(),
    'session.badge': ({ codes, pin }) => d.sessions.badge(codes, pin),
    'session.pin': ({ employeeNumber, pin, linkPendingBadge }) => d.sessions.pin(employeeNumber, pin, linkPendingBadge),
    'session.lock': () => d.sessions.lock(),
    'session.activity': async () => {
      d.sessions.activity();
      return ok({ ok: true as const });
    },
    'device.enrol': ({ code }) => d.devices.enrol(code),
    'outbox.stranded': async () => {
      const s = d.sessions.current();
      return s ? ok(d.outbox.stranded.list(s)) : fail('not_logged_in', 'log in first');
    },
    'outbox.resolve': async ({ ids, action }) => {
      const s = d.sessions.current();
      if (!s) return fail('not_logged_in', 'log in first');
      d.outbox.changed(d.outbox.stranded.resolve(s, ids, action), action === 'send');
      return ok({ ok: true as const });
    },
    'theme.get': async () => {
      const org = d.sessions.current()?.organisation ?? d.cache.read((c) => c.directory.organisation());
      return ok(org ? themeOf(org, d.imageUrl) : null);
    },

    'timeline.list': async ({ groupId, hashtag, authorId, cursor, limit }) => {
      const me = d.sessions.current()?.person;
      // Past its end date a post has left the timeline; its author and editors still find it among her posts.
      const ownList = authorId !== undefined && me !== undefined && (authorId === me.id || me.roles.some((r) => r === 'editor' || r === 'admin'));
      const liveAt = ownList ? undefined : d.clock.now().toISOString();
      const before = cursor === undefined ? null : decodePostCursor(cursor);
      if (cursor !== undefined && !before) return fail('invalid_input', 'cursor: not a timeline cursor');
      return read((scope, parts) => {
        // The home timeline: posts outside groups, and those of her groups that she has in it.
        const home = groupId === undefined && authorId === undefined && hashtag === undefined;
        const homeGroups = home ? homeGroupIds((id) => scope.personal.group(id) ?? parts.directory.group(id), scope.personal, scope.groupIntents) : undefined;
        const filter = { groupId, authorId, hashtag: hashtag === undefined ? undefined : normaliseHashtag(hashtag), homeGroupIds: homeGroups, liveAt };
        const found = scope.list(filter, before, limit);
        const page = found.slice(0, limit);
        const last = page[page.length - 1];
        return ok({ items: page.map(scope.view), nextCursor: found.length > limit && last ? encodePostCursor(last.post) : null });
      });
    },
    'timeline.pinned': async () =>
      read((scope) => ok({ items: scope.list({ pinnedOnly: true, liveAt: d.clock.now().toISOString() }, null, PINNED_AT_MOST).slice(0, PINNED_AT_MOST).map(scope.view) })),
    'post.get': async ({ id }) => {
      const local = postView(id);
      const session = d.sessions.current();
      if (local.ok || !session) return local;
      // Not synced yet (a notification can arrive before its post): ask the server.
      const answer = await d.http.call('getPost', { token: session.token, params: { id } });
      if (!answer.ok) return failWith(answer.error);
      return read((scope) => ok(scope.view({ post: answer.value, delivery: 'sent' })));
    },
    'post.create': async (input) =>
      written(d.outbox.actions.createPost(input), (id) =>
        read((scope) => {
          // Written for later: it shows in "Gepland", not in any timeline.
          const planned = scope.scheduled().find((p) => p.id === id) ?? scope.reviewing().find((p) => p.id === id);
          return planned ? ok(planned) : postView(id);
        }),
      ),
    'post.unschedule': async (input) => written(d.outbox.actions.unschedulePost(input), () => ok({ ok: true as const })),
    ...d.scheduling,
    ...d.reviews,
    ...createCategoryHandlers({ http: d.http, cache: d.cache, session: () => d.sessions.current(), catchUp: () => d.sync.syncNow() }),
    ...createStarterHandlers({ http: d.http, read, session: () => d.sessions.current(), now: () => d.clock.now(), catchUp: () => d.sync.syncNow() }),
    'post.delete': async (input) => written(d.outbox.actions.deletePost(input), () => ok({ ok: true as const })),
    'post.like': async (input) => written(d.outbox.actions.like(input), postView),
    'post.react': async (input) => written(d.outbox.actions.react(input), postView),

    'comment.list': async ({ postId }) =>
      read((scope) => (scope.find(postId) ? ok({ items: scope.comments(postId) }) : fail('not_found', 'post not found'))),
    'comment.create': async (input) =>
      written(d.outbox.actions.createComment(input), (id) =>
        read((scope) => {
          const comment = scope.comments(input.postId).find((c) => c.id === id);
          return comment ? ok(comment) : fail('not_found', 'post not found');
        }),
      ),

    'people.card': async ({ id }) => read((scope, parts) => {
      const viewer = d.sessions.current();
      const card = personCard(parts.directory, scope, id, d.imageUrl, viewer ? { id: viewer.person.id, roles: viewer.person.roles } : null);
      return card ? ok(card) : fail('not_found', 'person not found');
    }),
    'people.suggest': async ({ prefix, limit }) => read((_, parts) => ok(mentionSuggestions(parts.directory, prefix, limit, d.imageUrl))),
    'hashtags.suggest': async ({ prefix, limit }) => read((scope, parts) => ok(hashtagSuggestions(parts.directory, scope.personal, prefix, limit))),
    'groups.mine': async () => read((scope, parts) => ok(myGroups(parts.directory, scope.personal))),
    'groups.overview': async () => withGroups((c) => ok({ items: groupsOverview(c) })),
    'groups.get': async ({ id }) => groupById(id),
    'groups.members': ({ id }) => d.groups.members(id),
    'groups.create': async (input) => {
      const created = await d.groups.create(input);
      return created.ok ? groupById(created.value.id) : created;
    },
    'groups.join': async (input) => written(d.outbox.actions.joinGroup(input), groupById),
    'groups.leave': async (input) => written(d.outbox.actions.leaveGroup(input), () => ok({ ok: true as const })),
    'groups.setPreferences': async (input) => {
      const done = await d.groups.setPreferences(input);
      return done.ok ? groupById(input.id) : done;
    },
    'groups.update': async (input) => {
      const done = await d.groups.update(input);
      return done.ok ? groupById(input.id) : done;
    },
    'groups.requests': ({ id }) => d.groups.requests(id),
    'groups.decide': (input) => d.groups.decide(input),
    'groups.setMember': (input) => d.groups.setMember(input),
    'groups.removeMember': (input) => d.groups.removeMember(input),
    'groups.visit': async ({ id, open }) => {
      d.stats.groupVisit(id, open);
      if (open) d.visits.enter(id);
      else await d.visits.leave(id);
      return ok({ ok: true as const });
    },

    'app.setLanguage': async ({ language }) => {
      d.notices.setLanguage(language);
      return ok({ ok: true as const });
    },
    'notices.settings': async () => {
      const settings = d.notices.settings();
      return settings ? ok(settings) : fail('not_logged_in', 'log in first');
    },
    'notices.setSettings': async (settings) => (d.notices.setSettings(settings) ? ok(settings) : fail('not_logged_in', 'log in first')),

    'sync.status': async () => ok(d.status.get()),
    'sync.now': async () => ok(await d.sync.syncNow()),
    ...createMailingHandlers({ http: d.http, read, session: () => d.sessions.current() }),

    ...createKbHandlers({ ...d.kb, http: d.http, actions: d.outbox.actions, session: () => d.sessions.current() }),
    ...createSearchHandlers(d.search),
    ...d.kiosk,
    ...createPollHandlers({ ...d.polls, read, actions: d.outbox.actions }),
    ...createStatsHandlers({ http: d.http, cache: d.cache, session: () => d.sessions.current() }),
    ...d.readConfirmations,
    // Moderation and the home page's side column (moderation/, stats/socialFigures.ts).
    ...createModerationHandlers({ http: d.http, clock: d.clock, read, store: d.outbox.store, imageUrl: d.imageUrl, session: () => d.sessions.current(), changed: (id) => d.outbox.changed([id], true) }),
    ...createSocialHandlers({ http: d.http, cache: d.cache, clock: d.clock, imageUrl: d.imageUrl, session: () => d.sessions.current() }),
    ...d.celebrations,
    ...d.hrImport,
    ...d.ambassadors,
  };
}
