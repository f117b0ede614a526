import { REVIEW_NOTE_MAX } from '../api/routes/reviews.js';
import { ReviewListSchema, ReviewTarget, ReviewViewModelSchema } from './reviewViews.js';
import { z } from 'zod';
import { COMMENT_BODY_MAX, POST_BODY_MAX, POST_IMAGES_MAX, VIDEO_BYTES_MAX } from '../api/routes.js';
import { AttachmentRefSchema, CATEGORIES_MAX, CategorySchema, ReactionKind, GroupKind, GroupRole, GroupVisibility, SectionSchema } from '../api/entities.js';
import { Id, Timestamp, UserText } from '../api/primitives.js';
import { PostingSlotSchema } from '../api/routes/scheduling.js';
import { CategoryInput } from '../api/routes/categories.js';
import { StarterSettingsInput, StarterSettingsSchema } from '../api/routes/starters.js';
import { GroupMemberViewSchema, GroupViewSchema, JoinRequestViewSchema } from './groupViews.js';
import { ATTACHMENT_BYTES_MAX, FEEDBACK_COMMENT_MAX, PAGE_BODY_MAX, PAGE_TITLE_MAX, SECTION_TITLE_MAX } from '../api/routes/kb.js';
import { SEARCH_KIND, SEARCH_QUERY_MAX, SynonymEntrySchema, searchRoutes } from '../api/routes/search.js';
import { AudienceChoicesSchema, ReadReportViewSchema, ReadRequirementItemSchema } from './readConfirmationViews.js';
import { ReadAudienceInput } from '../readConfirmations/audience.js';
import { VIEW_BATCH_MAX } from '../api/routes/postViews.js';
import { KbAttachmentFileSchema, KbDiffSchema, KbHomeSchema, KbPageViewSchema, KbReviewSchema, KbVersionsSchema, SearchAnswerSchema } from './kbViews.js';
import { MyCelebrationsSchema } from '../api/routes/celebrations.js';
import { HrImportBodySchema, HrImportResultSchema } from '../api/routes/hrImport.js';
import { AmbassadorListSchema } from './ambassadorViews.js';
import { Language, NoticeSchema, NoticeSettingsSchema, NoticeTarget } from '../notify/notices.js';
import {
  MailingBodySchema,
  MailingDetailSchema,
  MailingPollChoiceSchema,
  MailingPreviewSchema,
  MailingReportSchema,
  MailingSchema,
  MailPreferenceSchema,
  MailSettingsInputSchema,
  MailSettingsSchema,
  MailTransportKind,
  TestMailInputSchema,
} from '../api/routes/mailings.js';
import { KioskSchema, PLAYLIST_ENTRIES_MAX, PlaylistEntrySchema, PlaylistSchema, PlaylistScope } from '../api/routes/kiosks.js';
import { SignageViewSchema } from './kioskViews.js';
import { CreatePollBody, POLL_OPTIONS_MAX } from '../api/routes/polls.js';
import { ModerationDecisionInput, ModerationEntryViewSchema, ReportItemInput, SocialFiguresViewSchema } from './moderationViews.js';
import {
  STATS_REPORT,
  StatsActivitySchema,
  StatsDevicesSchema,
  StatsGroupsSchema,
  StatsPeopleSchema,
  StatsPostsSchema,
  StatsQuery,
  StatsReadConfirmationsSchema,
  StatsSearchSchema,
  StatsSessionsSchema,
} from '../api/routes/stats.js';
import {
  CommentViewSchema,
  PersonCardSchema,
  PostViewModelSchema,
  SessionStateSchema,
  SyncStatusSchema,
  ThemeSchema,
} from './views.js';

/**
 * The window.samen contract, written once. Main validates every call's input with these schemas
 * before a handler runs (a renderer is not trusted); the preload and the browser shell expose
 * exactly this; the renderer only knows the `SamenApi` type.
 */

/** Errors cross the boundary as values; the renderer looks up its own text by code. */
export const ClientErrorCode = z.enum([
  'invalid_input',
  'not_logged_in',
  'invalid_credentials',
  'offline',
  'rate_limited',
  'forbidden',
  'not_found',
  'too_large',
  'unsupported_media_type',
  'invalid_image',
  'server_error',
  'pin_required',
  'unknown_badge',
  'pin_locked',
  /** Too many wrong PINs on this device: PIN entry is suspended here (a badge alone still works). */
  'device_suspended',
  'device_unlinked',
  /** The reader sent something that is not a badge id (wrong character set, garbled). */
  'badge_unreadable',
  /** Someone else saved the page after it was opened, or a section is not empty. */
  'conflict',
  /** device.enrol: the code is wrong, already used or expired (one answer for all three). */
  'invalid_enrolment_code',
  /** The group is archived: read-only. */
  'group_archived',
  /** A department or location group: who is in it follows the people directory. */
  'directory_group',
  /** The poll has closed: no more votes. */
  'poll_closed',
  /** She voted already, and this poll does not let a vote be changed. */
  'poll_vote_final',
]);
export type ClientErrorCode = z.infer<typeof ClientErrorCode>;
export const ClientErrorSchema = z.object({
  code: ClientErrorCode,
  message: z.string(),
  /** For pin_locked: when the PIN works again (ISO time). */
  retryAfter: z.string().optional(),
});
export type ClientError = z.infer<typeof ClientErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ClientError };

const Empty = z.strictObject({});
const Choice = z.object({ id: Id, name: z.string() });
/** What an editor picks from when composing a mailing. */
export const MailingChoicesSchema = z.object({
  posts: z.array(z.object({ id: Id, preview: z.string(), authorName: z.string(), createdAt: z.string() })),
  pages: z.array(z.object({ id: Id, title: z.string() })),
  groups: z.array(Choice),
  locations: z.array(Choice),
  departments: z.array(Choice),
  /** "Lezen verplicht" posts: an audience can be who has not confirmed one yet. */
  requiredPosts: z.array(z.object({ id: Id, preview: z.string() })),
  /** Polls still open, newest first; a mailing carries one at most. */
  polls: z.array(MailingPollChoiceSchema),
});
export type MailingChoices = z.infer<typeof MailingChoicesSchema>;
const Ok = z.object({ ok: z.literal(true) });
/** Every figure of the statistics dashboard for one period and filter, asked of the server at once. */
export const StatsDashboardSchema = z.object({
  activity: StatsActivitySchema,
  people: StatsPeopleSchema,
  sessions: StatsSessionsSchema,
  devices: StatsDevicesSchema,
  posts: StatsPostsSchema,
  groups: StatsGroupsSchema,
  search: StatsSearchSchema,
  readConfirmations: StatsReadConfirmationsSchema,
});
export type StatsDashboard = z.infer<typeof StatsDashboardSchema>;
const TimelinePage = z.object({ items: z.array(PostViewModelSchema), nextCursor: z.string().nullable() });

export const ImageUploadSchema = z.strictObject({
  name: z.string().max(200),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/gif']),
  /** Base64 of the file: survives structured clone and JSON (browser shell) alike. */
  base64: z.string().max(Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4),
});

/** A short video for a post, as the composer read it; the outbox keeps it sealed until it is uploaded. */
export const VideoUploadSchema = z.strictObject({
  name: z.string().max(200),
  mime: z.enum(['video/mp4', 'video/quicktime', 'video/webm']),
  base64: z.string().max(Math.ceil((VIDEO_BYTES_MAX * 4) / 3) + 4),
});
export type VideoUpload = z.infer<typeof VideoUploadSchema>;

/** What a queued write is: the timeline's, a reader's in "Weten en regelen", and joining or leaving a group. */
const OutboxKind = z.enum(['post', 'comment', 'like', 'delete', 'favourite', 'feedback', 'join', 'request', 'leave', 'poll', 'vote', 'readRequire', 'readConfirm', 'readLater', 'reviewNote', 'reviewDecide', 'reviewPublish', 'report', 'moderate', 'birthdayShown', 'tourDone', 'tourRestart', 'ambassadorMark']);

export const samenMethods = {
  'session.state': { input: Empty, output: SessionStateSchema },
  'session.loginPassword': {
    input: z.strictObject({ employeeNumber: z.string().trim().min(1).max(32), password: z.string().min(1).max(200) }),
    output: SessionStateSchema,
  },
  'session.logout': { input: Empty, output: SessionStateSchema },
  /**
   * A badge tap (shared and kiosk modes). Main decides: nobody logged in → log in; the same person's
   * badge → log out; another person's badge → switch at once. `pin` when the first try said pin_required.
   * The renderer passes the reader's raw key codes; main cleans and checks them (never shown, never logged).
   */
  'session.badge': {
    input: z.strictObject({ codes: z.array(z.string().max(20)).min(1).max(64), pin: z.string().regex(/^\d{4,6}$/).optional() }),
    output: SessionStateSchema,
  },
  /** Employee number + PIN on a shared device; `linkPendingBadge` links the badge tapped just before (unknown_badge). */
  'session.pin': {
    input: z.strictObject({
      employeeNumber: z.string().trim().min(1).max(32),
      pin: z.string().regex(/^\d{4,6}$/),
      linkPendingBadge: z.boolean().default(false),
    }),
    output: SessionStateSchema,
  },
  /** Lock now (the "lock" button, or the renderer's idle countdown reaching zero in the browser shell). */
  'session.lock': { input: Empty, output: SessionStateSchema },
  /** The person touched the screen or a key: restarts the idle timer ("Ik ben er nog"). */
  'session.activity': { input: Empty, output: Ok },
  /** Enrol this shared/kiosk device with a code from an admin. */
  'device.enrol': { input: z.strictObject({ code: z.string().trim().min(4).max(32) }), output: SessionStateSchema },
  /**
   * Queued writes of the logged-in person whose delivery grant expired: to send or to discard; and
   * (`dropped`) those the device let go of unsent, to tell her once: kind and when, no content.
   */
  'outbox.stranded': {
    input: Empty,
    output: z.object({
      items: z.array(z.object({ id: z.string(), kind: OutboxKind, preview: z.string(), createdAt: z.string() })),
      dropped: z.array(z.object({ id: z.string(), kind: OutboxKind, createdAt: z.string() })),
    }),
  },
  /** Sends or discards the stranded items listed; the `dropped` notices listed are seen and go, whatever the action. */
  'outbox.resolve': { input: z.strictObject({ ids: z.array(z.string()).max(500), action: z.enum(['send', 'discard']) }), output: Ok },

  'theme.get': { input: Empty, output: ThemeSchema.nullable() },

  'timeline.list': {
    input: z.strictObject({
      groupId: Id.optional(),
      hashtag: z.string().max(60).optional(),
      authorId: Id.optional(),
      cursor: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: TimelinePage,
  },
  'timeline.pinned': { input: Empty, output: z.object({ items: z.array(PostViewModelSchema) }) },
  'post.get': { input: z.strictObject({ id: Id }), output: PostViewModelSchema },
  'post.create': {
    input: z.strictObject({
      body: UserText(POST_BODY_MAX).transform((s) => s.trim()).pipe(z.string().min(1)),
      groupId: Id.nullable().default(null),
      images: z.array(ImageUploadSchema).max(POST_IMAGES_MAX).default([]),
      /** At most one short video beside the photos (needs `photoConsent` too). */
      video: VideoUploadSchema.nullable().default(null),
      /** Later: the post waits (in "Gepland") until then; the server places it at that time. */
      publishAt: Timestamp.optional(),
      /** Editors: from then on the post is out of the timeline. */
      endsAt: Timestamp.optional(),
      /** Meekijken: `look` asks a coach first; `approval` offers it where posts need approval. */
      review: z.enum(['look', 'approval']).optional(),
      /** With photos, required: recognisable clients or residents on them gave permission. */
      photoConsent: z.boolean().default(false),
    }),
    output: PostViewModelSchema,
  },
  'post.delete': { input: z.strictObject({ id: Id }), output: Ok },
  /**
   * "Gepland": her posts waiting for their time (an editor's: everyone's she may see), soonest first.
   * The server's list is asked for each time (memory only); `complete` is false when it could not
   * be reached, and the list is then only what waits on this device.
   */
  'post.scheduled': { input: Empty, output: z.object({ items: z.array(PostViewModelSchema), complete: z.boolean() }) },
  /** Takes a scheduled post back, through the outbox: one still waiting here never leaves the device. */
  'post.unschedule': { input: z.strictObject({ id: Id }), output: Ok },
  /** The organisation's fixed categories (#tip, #vraag, …) with their colours, from the cache: offline too. */
  'categories.list': { input: Empty, output: z.object({ items: z.array(CategorySchema) }) },
  /** Editors: the whole list, in order; needs the server. */
  'categories.set': { input: z.strictObject({ items: z.array(CategoryInput).max(CATEGORIES_MAX) }), output: z.object({ items: z.array(CategorySchema) }) },
  /**
   * Conversation starters. `current` is the newest question asked where she writes (the home timeline,
   * or that group) in the last two weeks, from the cache: offline too. The editor's three need the server.
   */
  'starters.current': { input: z.strictObject({ groupId: Id.nullable().default(null) }), output: z.object({ starter: z.object({ id: Id, question: z.string() }).nullable() }) },
  'starters.settings': { input: Empty, output: StarterSettingsSchema },
  'starters.save': { input: StarterSettingsInput, output: StarterSettingsSchema },
  'starters.askNow': { input: Empty, output: z.object({ postId: Id }) },
  /** The composer's tip: the organisation's busiest two hours of the week (null: too little activity); needs the server. */
  'scheduling.bestTime': { input: Empty, output: z.object({ slot: PostingSlotSchema.nullable() }) },
  'post.like': { input: z.strictObject({ id: Id, liked: z.boolean() }), output: PostViewModelSchema },
  /** Her one reaction to a post (another kind replaces it); null takes it back. Through the outbox. */
  'post.react': { input: z.strictObject({ id: Id, kind: ReactionKind.nullable() }), output: PostViewModelSchema },

  /** A poll is a post: made through the outbox like one (editors for the organisation, members in a group). */
  'poll.create': { input: CreatePollBody, output: PostViewModelSchema },
  /** Votes (or changes her vote) through the outbox: shown at once, sent when there is a connection. */
  'poll.vote': { input: z.strictObject({ id: Id, optionIds: z.array(Id).min(1).max(POLL_OPTIONS_MAX) }), output: PostViewModelSchema },
  /** Polls still open that she may see, newest first: the home page's side column. */
  'polls.running': { input: z.strictObject({ limit: z.number().int().min(1).max(20).default(5) }), output: z.object({ items: z.array(PostViewModelSchema) }) },

  'comment.list': { input: z.strictObject({ postId: Id }), output: z.object({ items: z.array(CommentViewSchema) }) },
  'comment.create': {
    input: z.strictObject({
      postId: Id,
      body: UserText(COMMENT_BODY_MAX).transform((s) => s.trim()).pipe(z.string().min(1)),
    }),
    output: CommentViewSchema,
  },

  'people.card': { input: z.strictObject({ id: Id }), output: PersonCardSchema },
  /** For @mention suggestions in the composer. */
  'people.suggest': {
    input: z.strictObject({ prefix: z.string().max(60), limit: z.number().int().min(1).max(20).default(8) }),
    output: z.object({ items: z.array(z.object({ id: Id, name: z.string(), handle: z.string(), jobTitle: z.string(), avatarUrl: z.string().nullable() })) }),
  },
  /** For #hashtag suggestions in the composer and the filter chips: most used first. */
  'hashtags.suggest': {
    input: z.strictObject({ prefix: z.string().max(60), limit: z.number().int().min(1).max(30).default(8) }),
    output: z.object({ items: z.array(z.object({ tag: z.string(), count: z.number().int() })) }),
  },
  'groups.mine': { input: Empty, output: z.object({ items: z.array(z.object({ id: Id, name: z.string(), visibility: z.enum(['open', 'closed', 'private']) })) }) },
  /** Every group she may know (hers first, by name), from the cache and her private groups: works offline. */
  'groups.overview': { input: Empty, output: z.object({ items: z.array(GroupViewSchema) }) },
  'groups.get': { input: z.strictObject({ id: Id }), output: GroupViewSchema },
  /** Members with their roles: asked of the server (the cache keeps only her own memberships). */
  'groups.members': { input: z.strictObject({ id: Id }), output: z.object({ items: z.array(GroupMemberViewSchema) }) },
  'groups.create': {
    input: z.strictObject({
      name: UserText(80).transform((s) => s.trim()).pipe(z.string().min(2)),
      description: UserText(500).default(''),
      kind: GroupKind,
      visibility: GroupVisibility,
      cover: ImageUploadSchema.nullable().default(null),
    }),
    output: GroupViewSchema,
  },
  /** Join an open group, or ask to join a closed one. */
  'groups.join': { input: z.strictObject({ id: Id }), output: GroupViewSchema },
  'groups.leave': { input: z.strictObject({ id: Id }), output: Ok },
  'groups.setPreferences': { input: z.strictObject({ id: Id, showInTimeline: z.boolean().optional(), muted: z.boolean().optional() }), output: GroupViewSchema },
  /** Group admins: settings, archive, requests, members. */
  'groups.update': {
    input: z.strictObject({
      id: Id,
      name: UserText(80).transform((s) => s.trim()).pipe(z.string().min(2)).optional(),
      description: UserText(500).optional(),
      visibility: GroupVisibility.optional(),
      archived: z.boolean().optional(),
    }),
    output: GroupViewSchema,
  },
  'groups.requests': { input: z.strictObject({ id: Id }), output: z.object({ items: z.array(JoinRequestViewSchema) }) },
  'groups.decide': { input: z.strictObject({ id: Id, requestId: Id, decision: z.enum(['approve', 'decline']) }), output: Ok },
  'groups.setMember': { input: z.strictObject({ id: Id, personId: Id, role: GroupRole }), output: Ok },
  'groups.removeMember': { input: z.strictObject({ id: Id, personId: Id }), output: Ok },
  /** She opened or closed a group's page: gathered here and sent in batches, for statistics. */
  'groups.visit': { input: z.strictObject({ id: Id, open: z.boolean() }), output: Ok },

  /** The language the renderer shows, so what main says itself (notifications, tray) matches it. */
  'app.setLanguage': { input: z.strictObject({ language: Language }), output: Ok },
  /** The logged-in person's notification choices on this machine. */
  'notices.settings': { input: Empty, output: NoticeSettingsSchema },
  'notices.setSettings': { input: NoticeSettingsSchema, output: NoticeSettingsSchema },

  'sync.status': { input: Empty, output: SyncStatusSchema },
  'sync.now': { input: Empty, output: SyncStatusSchema },

  /** Mailings (editors, online only): what can go in one and to whom, preview, save, send, report. */
  'mailings.choices': { input: Empty, output: MailingChoicesSchema },
  'mailings.list': { input: Empty, output: z.object({ items: z.array(MailingSchema.extend({ report: MailingReportSchema })) }) },
  'mailings.preview': { input: MailingBodySchema, output: MailingPreviewSchema },
  'mailings.create': { input: MailingBodySchema, output: MailingSchema },
  'mailings.send': { input: z.strictObject({ id: Id, at: z.iso.datetime().optional() }), output: MailingSchema },
  'mailings.get': { input: z.strictObject({ id: Id }), output: MailingDetailSchema },
  /** The logged-in person's own mail address and opt-out of non-mandatory mailings. */
  'mail.preference': { input: Empty, output: MailPreferenceSchema },
  'mail.setPreference': { input: z.strictObject({ optedOut: z.boolean() }), output: MailPreferenceSchema },
  /** Admins: the organisation's own SMTP server (its password never comes back) and a test message. */
  'mailSettings.get': { input: Empty, output: MailSettingsSchema },
  'mailSettings.set': { input: MailSettingsInputSchema, output: MailSettingsSchema },
  'mailSettings.test': { input: TestMailInputSchema, output: z.object({ ok: z.literal(true), transport: MailTransportKind }) },
  /** "Weten en regelen": read from the cache, so it opens offline. */
  'kb.home': { input: Empty, output: KbHomeSchema },
  'kb.page': { input: z.strictObject({ id: Id }), output: KbPageViewSchema },
  /** Reader writes go through the outbox: shown at once, sent when there is a connection. */
  'kb.favourite': { input: z.strictObject({ id: Id, favourite: z.boolean() }), output: KbPageViewSchema },
  'kb.feedback': {
    input: z.strictObject({ id: Id, helpful: z.boolean(), comment: UserText(FEEDBACK_COMMENT_MAX).transform((s) => s.trim() || null).nullable().default(null) }),
    output: KbPageViewSchema,
  },
  /** Editor writes need the server (`offline` otherwise); the cache has them when they answer. */
  'kb.savePage': {
    input: z.strictObject({
      id: Id.optional(),
      title: UserText(PAGE_TITLE_MAX).transform((s) => s.trim()).pipe(z.string().min(1)),
      body: UserText(PAGE_BODY_MAX),
      sectionId: Id.nullable(),
      /** The version the editor opened: saving over someone else's newer save is refused (`conflict`). */
      baseVersion: z.number().int().min(1).optional(),
    }),
    output: KbPageViewSchema,
  },
  'kb.deletePage': { input: z.strictObject({ id: Id }), output: Ok },
  'kb.createSection': {
    input: z.strictObject({ title: UserText(SECTION_TITLE_MAX).transform((s) => s.trim()).pipe(z.string().min(1)), parentId: Id.nullable() }),
    output: SectionSchema,
  },
  /** Moves a section or page to a place among its new siblings (`parentId`: the section it goes in, null for the top). */
  'kb.move': {
    input: z.strictObject({ kind: z.enum(['section', 'page']), id: Id, parentId: Id.nullable(), position: z.number().int().min(0) }),
    output: KbHomeSchema,
  },
  'kb.versions': { input: z.strictObject({ id: Id }), output: KbVersionsSchema },
  'kb.diff': { input: z.strictObject({ id: Id, from: z.number().int().min(1), to: z.number().int().min(1).optional() }), output: KbDiffSchema },
  'kb.restore': { input: z.strictObject({ id: Id, version: z.number().int().min(1) }), output: KbPageViewSchema },
  /** Pages past their review date ("verouderd"), longest overdue first. */
  'kb.review': { input: Empty, output: KbReviewSchema },
  'kb.saveQuickLink': {
    input: z.strictObject({
      id: Id.optional(),
      title: UserText(60).transform((s) => s.trim()).pipe(z.string().min(1)),
      icon: z.string().regex(/^[a-z0-9-]{1,40}$/),
      pageId: Id.nullable(),
      url: z.string().max(2_000).regex(/^https:\/\/[^\s<>"'`]+$/).nullable(),
      position: z.number().int().min(0).optional(),
    }),
    output: KbHomeSchema,
  },
  'kb.deleteQuickLink': { input: z.strictObject({ id: Id }), output: KbHomeSchema },
  /** A file on a page, to save or open; files are not kept on the device, so this needs the server. */
  'kb.attachment': { input: z.strictObject({ id: Id }), output: KbAttachmentFileSchema },
  'kb.uploadAttachment': {
    input: z.strictObject({ pageId: Id, name: z.string().min(1).max(200), base64: z.string().max(Math.ceil((ATTACHMENT_BYTES_MAX * 4) / 3) + 4) }),
    output: AttachmentRefSchema,
  },

  /** The search box: the cache at once (offline too), then what the server adds (private content) when online. */
  'search.local': { input: z.strictObject({ q: z.string().max(SEARCH_QUERY_MAX) }), output: SearchAnswerSchema },
  /** `searchId` is one per search box session (made by the renderer): the statistics count it once. */
  'search.remote': { input: z.strictObject({ q: z.string().min(1).max(SEARCH_QUERY_MAX), searchId: z.uuid() }), output: SearchAnswerSchema },
  'search.click': { input: z.strictObject({ searchId: z.uuid(), kind: SEARCH_KIND, id: Id, position: z.number().int().min(0).max(99) }), output: Ok },
  'search.stats': {
    input: z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
    output: searchRoutes.searchStats.response,
  },
  /** The statistics dashboard (editors and admins, online only): figures are never kept on the device. */
  'stats.dashboard': { input: StatsQuery, output: StatsDashboardSchema },
  /** One report as the server's CSV, for the editor to save. */
  'stats.export': { input: StatsQuery.extend({ report: STATS_REPORT }), output: z.object({ filename: z.string(), csv: z.string() }) },
  /** The locations and departments the dashboard filters by, from the cache. */
  'stats.filters': { input: Empty, output: z.object({ locations: z.array(Choice), departments: z.array(Choice) }) },
  /** "Gelezen" and "Later" go through the outbox: shown at once, sent when there is a connection. */
  'readConfirmations.confirm': { input: z.strictObject({ id: Id }), output: PostViewModelSchema },
  'readConfirmations.later': { input: z.strictObject({ id: Id }), output: PostViewModelSchema },
  /** "Eerst lezen" after a tap-in: her unconfirmed "lezen verplicht" posts, oldest first, decided from this device alone. */
  'readConfirmations.firstReads': { input: Empty, output: z.object({ items: z.array(PostViewModelSchema) }) },
  /** Editors: make a post (possibly still in the outbox) "lezen verplicht"; queued after the post itself. */
  'readConfirmations.require': { input: z.strictObject({ id: Id, audience: ReadAudienceInput }), output: Ok },
  'readConfirmations.audienceChoices': { input: Empty, output: AudienceChoicesSchema },
  /** Editors, online: the report screens, the CSV of who has not confirmed, and a reminder to exactly them. */
  'readConfirmations.list': { input: Empty, output: z.object({ items: z.array(ReadRequirementItemSchema) }) },
  'readConfirmations.report': { input: z.strictObject({ id: Id }), output: ReadReportViewSchema },
  'readConfirmations.csv': { input: z.strictObject({ id: Id }), output: z.object({ fileName: z.string(), text: z.string() }) },
  'readConfirmations.remind': { input: z.strictObject({ id: Id }), output: z.object({ reminded: z.number().int() }) },
  'readConfirmations.unrequire': { input: z.strictObject({ id: Id }), output: Ok },
  /** Posts at least half on screen for a second: gathered in main and sent in batches; who saw what is never shown. */
  'postViews.seen': { input: z.strictObject({ postIds: z.array(Id).min(1).max(VIEW_BATCH_MAX) }), output: Ok },
  'search.synonyms': { input: Empty, output: z.object({ items: z.array(SynonymEntrySchema), custom: z.boolean() }) },
  'search.setSynonyms': {
    input: z.strictObject({ items: z.array(SynonymEntrySchema).max(500).optional(), reset: z.literal(true).optional() }),
    output: z.object({ items: z.array(SynonymEntrySchema), custom: z.boolean() }),
  },
  /** Kiosk: what its screen plays now, composed from the synced cache and the last heartbeat's answer. */
  'kiosk.signage': { input: Empty, output: SignageViewSchema },
  /** Editors (workstation): the kiosks, and the locations one can stand at. */
  'kiosks.list': { input: Empty, output: z.object({ items: z.array(KioskSchema), locations: z.array(Choice) }) },
  'kiosks.setLocation': { input: z.strictObject({ id: Id, locationId: Id.nullable() }), output: KioskSchema },
  'kiosks.playlist': { input: z.strictObject({ scope: PlaylistScope, targetId: Id.nullable() }), output: z.object({ playlist: PlaylistSchema.nullable() }) },
  'kiosks.savePlaylist': {
    input: z.strictObject({ scope: PlaylistScope, targetId: Id.nullable(), entries: z.array(PlaylistEntrySchema).max(PLAYLIST_ENTRIES_MAX) }),
    output: z.object({ playlist: PlaylistSchema.nullable() }),
  },
  /** A photo for a slide, uploaded at once (an editor at her workstation, online); the slide names its id. */
  'kiosks.uploadImage': { input: ImageUploadSchema, output: z.object({ id: Id }) },
  /** What this kiosk would play now, composed on the editor's own client from the server's answer for it. */
  'kiosks.preview': { input: z.strictObject({ id: Id }), output: SignageViewSchema },
  // Meekijken (main/core/reviews). Lists are asked of the server each time and kept in memory only.
  /** Her drafts with a coach and her posts waiting for approval, with what still waits on this device. */
  'reviews.mine': { input: Empty, output: ReviewListSchema },
  /** Coaches and editors: what waits for them; needs the server. */
  'reviews.queue': { input: Empty, output: ReviewListSchema },
  'reviews.get': { input: ReviewTarget, output: ReviewViewModelSchema },
  /**
   * Whether "Plaatsen" is "Ter goedkeuring aanbieden" here for her (`required`), and the settings of
   * the organisation and the group as they are; from the cache (works offline).
   */
  'reviews.approvalRequired': { input: z.strictObject({ groupId: Id.nullable() }), output: z.object({ required: z.boolean(), organisation: z.boolean(), group: z.boolean() }) },
  /** Coaches and editors: a comment, or a whole suggested text. Through the outbox, with her own session. */
  'reviews.note': { input: z.strictObject({ id: Id, kind: z.enum(['comment', 'suggestion']), body: UserText(REVIEW_NOTE_MAX).transform((s) => s.trim()).pipe(z.string().min(1)) }), output: Ok },
  /** Coaches and editors: approve a waiting post, or send it back with a comment. Through the outbox. */
  'reviews.decide': { input: z.strictObject({ id: Id, approve: z.boolean(), comment: UserText(REVIEW_NOTE_MAX).nullable() }), output: Ok },
  /** The author posts her draft with this text (or offers it again for approval). Through the outbox. */
  'reviews.publish': { input: z.strictObject({ id: Id, body: UserText(POST_BODY_MAX).transform((s) => s.trim()).pipe(z.string().min(1)) }), output: Ok },
  /** Editors (organisation) or group admins (group): posts first need approval; needs the server. */
  'reviews.setApproval': { input: z.strictObject({ groupId: Id.nullable(), required: z.boolean() }), output: z.object({ required: z.boolean() }) },
  /** Moderation: anyone reports a post or comment (outbox); coaches and editors see the queue (online) and decide (outbox, own session). */
  'moderation.report': { input: ReportItemInput, output: Ok },
  'moderation.queue': { input: z.strictObject({ status: z.enum(['open', 'hidden']).default('open') }), output: z.object({ items: z.array(ModerationEntryViewSchema) }) },
  'moderation.decide': { input: ModerationDecisionInput, output: Ok },
  /** The home page's side column: asked of the server when it can be, else the last answer kept on this device; null before any. */
  'stats.social': { input: Empty, output: SocialFiguresViewSchema.nullable() },
  /** Whether her birthday shows on the kiosks (asks the server; `waiting`: her last choice is still in the outbox). */
  'celebrations.mine': { input: Empty, output: MyCelebrationsSchema.extend({ waiting: z.boolean() }) },
  /** Show or hide her birthday on the kiosks: queued in the outbox. */
  'celebrations.setBirthdayShown': { input: z.strictObject({ shown: z.boolean() }), output: Ok },
  /**
   * Admins, online only: birthdays and hire dates from the rows the renderer read from an HR export
   * (common/src/celebrations/hrExport.ts, years of birth already dropped); `dryRun` only tells what would change.
   */
  'hrImport.run': { input: HrImportBodySchema, output: HrImportResultSchema },
  /** "Vraag het een ambassadeur": asks the server; her own department and location first. */
  'ambassadors.list': { input: z.strictObject({ locationId: Id.optional(), departmentId: Id.optional() }), output: AmbassadorListSchema },
  /** An admin or editor marks a colleague as ambassador (or ends it), with her line: through the outbox, her own session. */
  'ambassadors.mark': { input: z.strictObject({ personId: Id, ambassador: z.boolean(), line: z.string().max(2000).nullable() }), output: Ok },
  /** Whether her first-time tour should show now: the server's word, unless her answer still waits in the outbox. */
  'tour.mine': { input: Empty, output: z.object({ pending: z.boolean() }) },
  /** She finished or skipped the tour: through the outbox, so it holds offline and on a ward PC after she left. */
  'tour.finish': { input: z.strictObject({ outcome: z.enum(['done', 'skipped']) }), output: Ok },
  /** An ambassador (editor, admin) shows a colleague the tour again at her next start: through the outbox. */
  'tour.restart': { input: z.strictObject({ personId: Id }), output: Ok },
} as const;

export type SamenMethod = keyof typeof samenMethods;
export type MethodInput<M extends SamenMethod> = z.input<(typeof samenMethods)[M]['input']>;
export type MethodParsedInput<M extends SamenMethod> = z.output<(typeof samenMethods)[M]['input']>;
export type MethodOutput<M extends SamenMethod> = z.output<(typeof samenMethods)[M]['output']>;

/** Events main pushes to the renderer. */
export const samenEvents = {
  /** Something in the timeline changed (sync, outbox, own write): refetch what is shown. */
  'timeline.changed': z.object({ postIds: z.array(z.string()).optional() }),
  'sync.status': SyncStatusSchema,
  'session.changed': SessionStateSchema,
  /** The knowledge base in the cache changed (sync or an editor's save): refetch what is shown. */
  'kb.changed': z.object({}),
  /** Her groups changed (a join or leave made, confirmed or refused, or synced): refetch what is shown. */
  'groups.changed': z.object({}),
  /** A queued write the server refused: shown to the person with the reason, then dropped. */
  'outbox.rejected': z.object({ kind: OutboxKind, code: ClientErrorCode, message: z.string(), preview: z.string() }),
  /** Something for the logged-in person: a mention, a reply, a post to read, a request to join her group. */
  notification: NoticeSchema,
  /** She clicked an operating-system notification: show this post or group. */
  'notification.open': NoticeTarget,
  /** The idle lock is near: seconds left (the last 15), or null when the person is active again. */
  'session.idleWarning': z.object({ secondsLeft: z.number().int().nullable() }),
  /** Kiosk: its signage changed (new content, a new playlist, poll counts): fetch `kiosk.signage` again. */
  'kiosk.changed': z.object({}),
} as const;

export type SamenEvent = keyof typeof samenEvents;
export type EventPayload<E extends SamenEvent> = z.output<(typeof samenEvents)[E]>;

export interface SamenApi {
  invoke<M extends SamenMethod>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  on<E extends SamenEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
