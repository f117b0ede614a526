import type { ColumnType, Generated } from 'kysely';

/**
 * Tables as Kysely sees them. Every table leads with tenant_id in its primary key and indexes, so the
 * schema can be distributed by tenant later without code changes. Times are ISO-8601 UTC text on both
 * dialects; booleans are 0/1 integers; lists are JSON text.
 */

type Bool = number;
type Json = string;
/** A nullable column added by a later migration: inserts may leave it out (older seeds do). */
type Added<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** A column added later with a default: never null, and optional when inserting. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface OrganisationsTable {
  tenant_id: string;
  slug: string;
  name: string;
  intranet_name: string;
  primary_color: string;
  accent_color: string;
  logo_image_id: string | null;
  created_at: string;
  /** OrganisationSettings as JSON; the column default holds the defaults of migration 0002. */
  settings: Generated<Json>;
  /** The fixed categories as `Category[]` JSON (migration 0034); `[]` for none. */
  categories?: Generated<Json>;
  /** 1: posts wait for a coach's or editor's approval (migration 0040). */
  post_approval: Defaulted<number>;
}

export interface TenantSeqTable {
  tenant_id: string;
  last_seq: number;
}

export interface LocationsTable {
  tenant_id: string;
  id: string;
  name: string;
  city: string;
}

export interface DepartmentsTable {
  tenant_id: string;
  id: string;
  name: string;
  kind: string;
  location_id: string | null;
}

export interface PeopleTable {
  tenant_id: string;
  id: string;
  employee_number: string;
  name: string;
  handle: string;
  job_title: string;
  department_id: string | null;
  location_id: string | null;
  roles: Json;
  avatar_image_id: string | null;
  active: Bool;
  password_hash: string | null;
  pin_hash: string | null;
  created_at: string;
  updated_at: string;
  /** When this person last entered the right PIN (any device): the PIN policy counts from here. */
  last_pin_at: Added<string>;
  /** Month and day only, "MM-DD" (migration 0036): no year, so no age is kept. */
  birthday?: Added<string>;
  /** When her employment started, "YYYY-MM-DD" (migration 0036). */
  hire_date?: Added<string>;
  /** 1: she is an ambassador (migration 0043). */
  ambassador?: Defaulted<number>;
  /** Her own line under her name in "Vraag het een ambassadeur"; null when she has none. */
  ambassador_line?: Added<string>;
  /** When she finished or skipped the first-time tour; null: she has not yet (migration 0043). */
  tour_completed_at?: Added<string>;
  /** When an ambassador asked for the tour again; null: nobody did since she last finished it. */
  tour_requested_at?: Added<string>;
  tour_requested_by?: Added<string>;
  /** 1: she keeps her birthday off the kiosks (migration 0036). */
  birthday_hidden?: Defaulted<Bool>;
}

export interface BadgesTable {
  tenant_id: string;
  badge_id: string;
  person_id: string;
  created_at: string;
}

export interface GroupsTable {
  tenant_id: string;
  id: string;
  name: string;
  description: string;
  kind: string;
  visibility: string;
  member_count: number;
  created_by: string | null;
  created_at: string;
  cover_image_id: Added<string>;
  archived_at: Added<string>;
  /** `department` or `location`: the system keeps this group from the people directory. */
  managed_by: Added<string>;
  /** The department or location it follows. */
  managed_id: Added<string>;
  /** 1: posts in this group wait for a coach's or editor's approval (migration 0040). */
  post_approval: Defaulted<number>;
}

export interface GroupMembersTable {
  tenant_id: string;
  group_id: string;
  person_id: string;
  role: string;
  joined_at: string;
  show_in_timeline: Defaulted<Bool>;
  muted: Defaulted<Bool>;
  last_visit_at: Added<string>;
}

export interface GroupJoinRequestsTable {
  tenant_id: string;
  id: string;
  group_id: string;
  person_id: string;
  /** pending, approved or declined. */
  status: string;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
}

/** Notifications about groups (a request to join, being added), to one person. */
export interface GroupNoticesTable {
  tenant_id: string;
  id: string;
  person_id: string;
  kind: string;
  actor_id: string;
  group_id: string;
  created_at: string;
}

/** Time spent with a group open, for statistics: who, which group, from when to when; no content. */
export interface GroupVisitsTable {
  tenant_id: string;
  group_id: string;
  person_id: string;
  entered_at: string;
  left_at: string;
}

export interface PostsTable {
  tenant_id: string;
  id: string;
  author_id: string;
  group_id: string | null;
  body: string;
  hashtags: Json;
  mentions: Json;
  images: Json;
  pinned: Bool;
  like_count: number;
  comment_count: number;
  created_at: string;
  edited_at: string | null;
  // Added by later migrations with defaults, so rows written without them (the seed) stay as they were.
  /** "Lezen verplicht": `{ audience, markedAt, markedBy }` as JSON; null when it is not. */
  read_requirement?: Json | null;
  /** Confirmations received (ever); the report counts the current audience exactly. */
  read_confirmed_count?: number;
  /** Unique viewers, raised when a viewer is added (post_views). */
  view_count?: number;
  /** 1 when the post is a poll (its settings in `polls`). */
  poll?: Bool;
  /** An editor's end date: from then on the post is out of the timeline (still found by its author and editors). */
  ends_at?: string | null;
  /** Reactions of each kind but 'like' (migration 0035); `like_count` is all reactions together. */
  reactions_hart?: number;
  reactions_applaus?: number;
  reactions_inzichtelijk?: number;
  reactions_bedankt?: number;
  /** 1 when the server posted it as a conversation starter (migration 0038). */
  conversation_starter?: Bool;
  /** When its author confirmed that recognisable people on its photos gave permission (migration 0039). */
  photo_consent_at?: string | null;
  /** Its short videos as `VideoRef[]` JSON (migration 0042); null on posts without. */
  videos?: Json | null;
  /** Hidden by moderation (migration 0037): when, why and by whom; null while it is shown. */
  hidden_at?: string | null;
  hidden_reason?: string | null;
  hidden_by?: string | null;
}

/** A post waiting for its time; the publishing job moves it into `posts` (`scheduling/publishDue.ts`). */
export interface ScheduledPostsTable {
  tenant_id: string;
  id: string;
  author_id: string;
  group_id: string | null;
  body: string;
  /** The images already attached to the post's id, as `ImageRef[]` JSON. */
  images: Json;
  pinned: Bool;
  publish_at: string;
  ends_at: string | null;
  created_at: string;
  /** Migration 0039: see `PostsTable.photo_consent_at`. */
  photo_consent_at?: string | null;
  /** Migration 0042: see `PostsTable.videos`. */
  videos?: Json | null;
}

/** An organisation's conversation starters: its questions, rhythm and the next slot (migration 0038). */
export interface ConversationStartersTable {
  tenant_id: string;
  /** `StarterQuestion[]` JSON, in the order they are asked. */
  questions: Json;
  /** `StarterRhythm` JSON. */
  rhythm: Json;
  /** Null: the organisation's timeline. */
  group_id: string | null;
  enabled: Bool;
  /** The editor who last saved them: the questions are posted in her name. */
  author_id: string;
  last_question_id: string | null;
  /** The slot the next question is due; the job claims it by moving it on. Null when nothing is planned. */
  next_at: string | null;
  updated_at: string;
}

/** A draft a coach looks at, or a post waiting for approval (`reviews/`); not in `posts` until posted. */
export interface PostReviewsTable {
  tenant_id: string;
  id: string;
  author_id: string;
  group_id: string | null;
  body: string;
  /** The images already attached to the draft's id, as `ImageRef[]` JSON. */
  images: Json;
  /** `ReviewStatus`. */
  status: string;
  created_at: string;
  updated_at: string;
  /** Migration 0041: see `PostsTable.photo_consent_at`. */
  photo_consent_at?: string | null;
  /** Migration 0042: see `PostsTable.videos`. */
  videos?: Json | null;
}

/** A coach's comment, suggested text, or reason for sending a post back. */
export interface PostReviewNotesTable {
  tenant_id: string;
  review_id: string;
  id: string;
  author_id: string;
  kind: string;
  body: string;
  created_at: string;
}

export interface PostHashtagsTable {
  tenant_id: string;
  tag: string;
  post_id: string;
  created_at: string;
}

export interface CommentsTable {
  tenant_id: string;
  id: string;
  post_id: string;
  author_id: string;
  body: string;
  mentions: Json;
  created_at: string;
  edited_at: string | null;
  /** Hidden by moderation (migration 0037): when, why and by whom; null while it is shown. */
  hidden_at?: string | null;
  hidden_reason?: string | null;
  hidden_by?: string | null;
}

export interface LikesTable {
  tenant_id: string;
  post_id: string;
  person_id: string;
  created_at: string;
  /** The reaction's kind (migration 0035); the default 'like' for rows written without it. */
  kind?: string;
}

export interface ImagesTable {
  tenant_id: string;
  id: string;
  owner_id: string;
  /** The post it is attached to; null for an avatar, a logo or an upload not yet posted. */
  post_id: string | null;
  mime: string;
  width: number;
  height: number;
  byte_size: number;
  data: Buffer;
  thumb: Buffer;
  created_at: string;
}

/** A short video (migration 0042): its facts and poster here, its MP4 bytes in `video_chunks`. */
export interface VideosTable {
  tenant_id: string;
  id: string;
  owner_id: string;
  /** The post it is on; null while it is an upload not yet posted (only its owner may fetch it then). */
  post_id: string | null;
  mime: string;
  width: number;
  height: number;
  duration_ms: number;
  byte_size: number;
  /** Bytes per row of `video_chunks` (the last row may be shorter). */
  chunk_size: number;
  /** A JPEG frame shown before the video plays. */
  poster: Buffer;
  created_at: string;
}

/** One piece of a video's bytes, in order of `position` from 0. */
export interface VideoChunksTable {
  tenant_id: string;
  video_id: string;
  position: number;
  data: Buffer;
}

export interface NotificationsTable {
  tenant_id: string;
  id: string;
  person_id: string;
  kind: string;
  actor_id: string;
  post_id: string;
  comment_id: string | null;
  created_at: string;
  /** Why a `moderation_hidden` item was hidden (migration 0037). */
  reason?: string | null;
}

/** One person's report of one post or comment (migration 0037); the key allows one per person. */
export interface ModerationReportsTable {
  tenant_id: string;
  item_kind: string;
  item_id: string;
  reporter_id: string;
  reason: string;
  note: string | null;
  created_at: string;
}

/** A reported item in the moderators' queue, however many reported it: `open`, `hidden` or `dismissed`. */
export interface ModerationItemsTable {
  tenant_id: string;
  item_kind: string;
  item_id: string;
  post_id: string;
  status: string;
  reporters: number;
  last_reported_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface ChangesTable {
  tenant_id: string;
  seq: number;
  entity: string;
  entity_id: string;
  op: string;
  /** `org`, `group:<id>` (content of a private group) or `person:<id>` (for one person only). */
  scope: string;
  at: string;
}

export interface SessionsTable {
  tenant_id: string;
  token_hash: string;
  person_id: string;
  /** The enrolled device a badge or PIN session was made on; every request must carry its token. */
  device_id: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** `session`, or `grant`: a delivery grant, valid only on grantable (write) routes. */
  kind: Generated<'session' | 'grant'>;
}

export interface DevicesTable {
  tenant_id: string;
  id: string;
  name: string;
  /** `shared` (ward PC) or `kiosk`. */
  mode: string;
  token_hash: string;
  created_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
}

export interface EnrolmentCodesTable {
  tenant_id: string;
  /** SHA-256 of the normalised code; the code itself is shown once to the admin and never stored. */
  code_hash: string;
  name: string;
  mode: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
}

/**
 * PIN attempts per employee number — not per person, so a number nobody has behaves exactly like a
 * real one.
 */
export interface PinLockoutsTable {
  tenant_id: string;
  employee_number: string;
  /** PINs counted against the number: wrong ones and ones still being checked. */
  failures: number;
  last_failure_at: string | null;
  /** The end of the current or the last lock. */
  locked_until: string | null;
  /** Locks in the current run (migration 0003): each one lasts longer, until a quiet week. */
  lockouts: Generated<number>;
}

/** A device's suspension from PIN entry; its row is also what serialises the device's PIN attempts. */
export interface DevicePinThrottlesTable {
  tenant_id: string;
  device_id: string;
  suspended_at: string | null;
  suspended_until: string | null;
}

/** PIN attempts of a device per employee number in one clock hour (wrong, or still being checked). */
export interface DevicePinAttemptsTable {
  tenant_id: string;
  device_id: string;
  window_start: string;
  employee_number: string;
  attempts: number;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  principal: string;
  key: string;
  request_hash: string;
  state: string;
  status: number | null;
  response: string | null;
  created_at: string;
}

/**
 * The audit log (named for its first use, logins): who (`person_id`) did what on which device, on
 * what (`target`, e.g. `post:<id>`, since 0005) and how it ended; `detail` is a JSON object of strings.
 */
export interface AuthEventsTable {
  tenant_id: string;
  id: string;
  at: string;
  person_id: string | null;
  device_id: string | null;
  action: string;
  result: string;
  detail: string | null;
  target: Added<string>;
}

export interface RateLimitsTable {
  tenant_id: string;
  bucket: string;
  window_start: string;
  hits: number;
}

/** One open GET /v1/events stream, on whichever node holds it; `seen_at` moves on with each heartbeat. */
export interface EventStreamsTable {
  tenant_id: string;
  id: string;
  person_id: string | null;
  device_id: string | null;
  node_id: string;
  opened_at: string;
  /** When it opened; nodes of the version before 0047 also refresh it every heartbeat. */
  seen_at: string;
}

/** A node holding event streams of an organisation, refreshed every heartbeat while it does (0047). */
export interface StreamNodesTable {
  tenant_id: string;
  node_id: string;
  seen_at: string;
}

/** A section of the knowledge base; `parent_id` null at the top. */
export interface KbSectionsTable {
  tenant_id: string;
  id: string;
  parent_id: string | null;
  title: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface KbPagesTable {
  tenant_id: string;
  id: string;
  section_id: string | null;
  title: string;
  body: string;
  position: number;
  owner_id: string | null;
  /** `YYYY-MM-DD`. */
  review_date: string | null;
  /** The review date its owner was last told about (a `review_due` notice). */
  review_noticed_for: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface KbPageVersionsTable {
  tenant_id: string;
  page_id: string;
  version: number;
  title: string;
  body: string;
  saved_by: string | null;
  saved_at: string;
}

export interface KbAttachmentsTable {
  tenant_id: string;
  id: string;
  page_id: string;
  name: string;
  mime: string;
  byte_size: number;
  data: Buffer;
  uploaded_by: string | null;
  created_at: string;
}

export interface KbQuickLinksTable {
  tenant_id: string;
  id: string;
  title: string;
  page_id: string | null;
  url: string | null;
  icon: string;
  position: number;
}

export interface KbFeedbackTable {
  tenant_id: string;
  page_id: string;
  person_id: string;
  helpful: Bool;
  comment: string | null;
  updated_at: string;
}

export interface KbFavouritesTable {
  tenant_id: string;
  page_id: string;
  person_id: string;
  created_at: string;
}

/** A `review_due` notification of a page's owner. */
export interface KbReviewNoticesTable {
  tenant_id: string;
  id: string;
  person_id: string;
  page_id: string;
  review_date: string;
  created_at: string;
}

/** Per organisation: the analysis that built its search index and how far the index is. */
export interface SearchStateTable {
  tenant_id: string;
  analysis_version: number;
  /** Counts full builds: a server node's copy of the vocabulary from another build is reloaded whole. */
  build: number;
  /** The change-feed seq up to which posts, groups and people are indexed. */
  indexed_seq: number;
  last_doc: number;
  /** Bumped with every change to the vocabulary. */
  generation: number;
  doc_count: number;
}

export interface SearchDocsTable {
  tenant_id: string;
  doc: number;
  kind: string;
  id: string;
  title: string;
  /** The group whose members may see it; null for everyone. */
  group_id: string | null;
  at: string;
  /** Its terms, as a JSON list. */
  terms: Json;
}

export interface SearchTermsTable {
  tenant_id: string;
  term: string;
  doc: number;
  weight: number;
}

export interface SearchVocabularyTable {
  tenant_id: string;
  term: string;
  df: number;
  generation: number;
}

export interface SearchSynonymsTable {
  tenant_id: string;
  /** SynonymEntry[] as JSON. */
  entries: Json;
  updated_at: string;
}

/** A search, without who searched. */
export interface SearchLogTable {
  tenant_id: string;
  id: string;
  /** To the minute. */
  at: string;
  query: string;
  normalised: string;
  result_count: number;
  /** `workstation`, `shared` or `kiosk`. */
  device_kind: string;
}

export interface SearchClicksTable {
  tenant_id: string;
  search_id: string;
  kind: string;
  target_id: string;
  position: number;
  at: string;
}

export interface ReadReceiptsTable {
  tenant_id: string;
  post_id: string;
  person_id: string;
  confirmed_at: string | null;
  later_count: number;
  updated_at: string;
}

export interface PollsTable {
  tenant_id: string;
  post_id: string;
  multiple: Bool;
  anonymous: Bool;
  changeable: Bool;
  /** `always`, `after_vote` or `after_close`. */
  show_results: string;
  closes_at: string | null;
  close_announced: Generated<Bool>;
  voters: Generated<number>;
  created_at: string;
}

export interface PollOptionsTable {
  tenant_id: string;
  poll_id: string;
  id: string;
  position: number;
  label: string;
  votes: Generated<number>;
}

export interface PollVotersTable {
  tenant_id: string;
  poll_id: string;
  person_id: string;
  /** The chosen option ids as a JSON array; always null in an anonymous poll. */
  choice: string | null;
  voted_at: string;
}

export interface PostViewsTable {
  tenant_id: string;
  post_id: string;
  person_id: string;
  viewed_at: string;
}

export interface PostViewPendingTable {
  tenant_id: string;
  post_id: string;
}

export interface PersonMailTable {
  tenant_id: string;
  person_id: string;
  address: string;
  opted_out: Bool;
  updated_at: string;
}

export interface MailSettingsTable {
  tenant_id: string;
  smtp_url: string;
  from_address: string;
  updated_at: string;
  updated_by: string;
}

export interface MailingsTable {
  tenant_id: string;
  id: string;
  subject: string;
  intro: string;
  post_ids: Json;
  page_ids: Json;
  poll_id: string | null;
  audience: Json;
  mandatory: Bool;
  status: string;
  send_at: string | null;
  html: string | null;
  text: string | null;
  token_marker: string | null;
  recipient_count: number | null;
  transport: string | null;
  created_by: string;
  created_at: string;
  queued_at: string | null;
  finished_at: string | null;
}

export interface MailingRecipientsTable {
  tenant_id: string;
  mailing_id: string;
  person_id: string;
  address: string;
  token: string;
  message_id: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  finished_at: string | null;
}

export interface MailingVisitsTable {
  tenant_id: string;
  id: string;
  mailing_id: string;
  person_id: string;
  target: string;
  at: string;
}

export interface StatsEventsTable {
  tenant_id: string;
  id: string;
  kind: string;
  person_id: string;
  at: string;
  device_kind: string;
  subject_id: string | null;
  seconds: number | null;
  /** 0 while the event waits for the fold job, 1 once the rollups count it. */
  folded: Generated<number>;
  /** JSON list of `{type, id}`; null for events stored before the fold queue. */
  subjects: string | null;
}

export interface StatsPresenceTable {
  tenant_id: string;
  day: string;
  scope: string;
  person_id: string;
}

export interface StatsPeopleTable {
  tenant_id: string;
  scope: string;
  day: string;
  location_key: string;
  department_key: string;
  people: number;
}

export interface StatsHourlyTable {
  tenant_id: string;
  day: string;
  hour: number;
  location_key: string;
  department_key: string;
  count: number;
}

export interface StatsDailyTable {
  tenant_id: string;
  day: string;
  kind: string;
  device_kind: string;
  bucket: string;
  location_key: string;
  department_key: string;
  count: number;
  seconds: number;
}

/** The organisation-wide rollups: as `stats_people`, `stats_hourly` and `stats_daily` without location and department. */
export type StatsOrgPeopleTable = Omit<StatsPeopleTable, 'location_key' | 'department_key'>;
export type StatsOrgHourlyTable = Omit<StatsHourlyTable, 'location_key' | 'department_key'>;
export type StatsOrgDailyTable = Omit<StatsDailyTable, 'location_key' | 'department_key'>;

export interface StatsSubjectsTable {
  tenant_id: string;
  day: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  count: number;
  seconds: number;
  people: number;
}

/** Where a kiosk stands and what its last heartbeat said. */
export interface KiosksTable {
  tenant_id: string;
  /** The kiosk's device (`devices.id`, mode `kiosk`). */
  device_id: string;
  location_id: string | null;
  last_seen_at: string | null;
  version: string | null;
}

/** A kiosk playlist: the organisation's (`target_id` ''), a location's or a kiosk's. */
export interface KioskPlaylistsTable {
  tenant_id: string;
  /** `organisation`, `location` or `kiosk`. */
  scope: string;
  target_id: string;
  /** The entries as JSON (PlaylistEntrySchema[]). */
  entries: Json;
  updated_at: string;
  updated_by: string | null;
}

export interface Database {
  organisations: OrganisationsTable;
  conversation_starters: ConversationStartersTable;
  tenant_seq: TenantSeqTable;
  locations: LocationsTable;
  departments: DepartmentsTable;
  people: PeopleTable;
  badges: BadgesTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  group_join_requests: GroupJoinRequestsTable;
  group_notices: GroupNoticesTable;
  group_visits: GroupVisitsTable;
  posts: PostsTable;
  scheduled_posts: ScheduledPostsTable;
  post_reviews: PostReviewsTable;
  post_review_notes: PostReviewNotesTable;
  read_receipts: ReadReceiptsTable;
  post_views: PostViewsTable;
  polls: PollsTable;
  kiosks: KiosksTable;
  kiosk_playlists: KioskPlaylistsTable;
  poll_options: PollOptionsTable;
  poll_voters: PollVotersTable;
  post_view_pending: PostViewPendingTable;
  post_hashtags: PostHashtagsTable;
  comments: CommentsTable;
  moderation_reports: ModerationReportsTable;
  moderation_items: ModerationItemsTable;
  likes: LikesTable;
  images: ImagesTable;
  videos: VideosTable;
  video_chunks: VideoChunksTable;
  notifications: NotificationsTable;
  changes: ChangesTable;
  sessions: SessionsTable;
  devices: DevicesTable;
  enrolment_codes: EnrolmentCodesTable;
  pin_lockouts: PinLockoutsTable;
  device_pin_throttles: DevicePinThrottlesTable;
  device_pin_attempts: DevicePinAttemptsTable;
  idempotency_keys: IdempotencyKeysTable;
  auth_events: AuthEventsTable;
  rate_limits: RateLimitsTable;
  event_streams: EventStreamsTable;
  stream_nodes: StreamNodesTable;
  kb_sections: KbSectionsTable;
  kb_pages: KbPagesTable;
  kb_page_versions: KbPageVersionsTable;
  kb_attachments: KbAttachmentsTable;
  kb_quick_links: KbQuickLinksTable;
  kb_feedback: KbFeedbackTable;
  kb_favourites: KbFavouritesTable;
  kb_review_notices: KbReviewNoticesTable;
  search_state: SearchStateTable;
  search_docs: SearchDocsTable;
  search_terms: SearchTermsTable;
  search_vocabulary: SearchVocabularyTable;
  search_synonyms: SearchSynonymsTable;
  search_log: SearchLogTable;
  search_clicks: SearchClicksTable;
  person_mail: PersonMailTable;
  mail_settings: MailSettingsTable;
  mailings: MailingsTable;
  mailing_recipients: MailingRecipientsTable;
  mailing_visits: MailingVisitsTable;
  stats_events: StatsEventsTable;
  stats_presence: StatsPresenceTable;
  stats_people: StatsPeopleTable;
  stats_hourly: StatsHourlyTable;
  stats_daily: StatsDailyTable;
  stats_subjects: StatsSubjectsTable;
  stats_org_people: StatsOrgPeopleTable;
  stats_org_hourly: StatsOrgHourlyTable;
  stats_org_daily: StatsOrgDailyTable;
}

