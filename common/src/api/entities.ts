import { z } from 'zod';
import { ReadAudienceSchema } from '../readConfirmations/audience.js';
import { Id, Role, Timestamp } from './primitives.js';

/** Shared state of each entity as the change feed and the API carry it. */

export const AUDIT_RETENTION_DAYS_MIN = 365;
export const AUDIT_RETENTION_DAYS_MAX = 20 * 365 + 5;

/** What a tenant sets for its devices and its audit log; defaults in DEFAULT_ORGANISATION_SETTINGS. */
export const OrganisationSettingsSchema = z.object({
  /** Seconds without input before a shared ward PC locks. */
  sharedIdleSeconds: z.number().int().min(15).max(3600),
  /** Seconds without input before a personal workstation locks. */
  workstationIdleSeconds: z.number().int().min(60).max(24 * 3600),
  /** Seconds without input before a kiosk returns to its signage. */
  kioskIdleSeconds: z.number().int().min(10).max(3600),
  /** A badge tap also needs the PIN on a person's first tap of the (Amsterdam) day… */
  pinOnFirstTapOfDay: z.boolean(),
  /** …and when the last PIN entry is longer ago than this. */
  pinAfterHours: z.number().int().min(1).max(24 * 30),
  /**
   * Days the audit log keeps an entry. NEN 7513 asks for as long as needed to account for access,
   * commonly five years; never less than one year, and at most twenty (the WGBO's record period).
   */
  auditRetentionDays: z.number().int().min(AUDIT_RETENTION_DAYS_MIN).max(AUDIT_RETENTION_DAYS_MAX),
  /**
   * How often a person may press "Later" on a "lezen verplicht" post at tap-in before it must be read.
   * Optional: a server from before read confirmations does not send it (clients use the default).
   */
  readLaterLimit: z.number().int().min(0).max(20).optional(),
  /** Birthdays (of those who do not hide theirs) on the kiosks; off unless the organisation switches it on. */
  celebrateBirthdays: z.boolean().optional(),
  /** Work anniversaries (jubilea) on the kiosks; off unless the organisation switches it on. */
  celebrateAnniversaries: z.boolean().optional(),
});
export type OrganisationSettings = z.infer<typeof OrganisationSettingsSchema>;
export const DEFAULT_ORGANISATION_SETTINGS: OrganisationSettings = {
  sharedIdleSeconds: 120,
  workstationIdleSeconds: 900,
  kioskIdleSeconds: 45,
  pinOnFirstTapOfDay: true,
  pinAfterHours: 12,
  // Five years and a leap day.
  auditRetentionDays: 5 * 365 + 1,
  readLaterLimit: 3,
  celebrateBirthdays: false,
  celebrateAnniversaries: false,
};
/** The "Later" allowance an organisation has, also when its server does not say. */
export const readLaterLimitOf = (s: OrganisationSettings): number => s.readLaterLimit ?? DEFAULT_ORGANISATION_SETTINGS.readLaterLimit ?? 0;

/** Most fixed categories an organisation keeps: a short list people can take in at a glance. */
export const CATEGORIES_MAX = 12;
/** A fixed category: a hashtag (normalised, without `#`) with its colour, as a plain `#rrggbb`. */
export const CategorySchema = z.object({
  tag: z.string().regex(/^[\p{L}\p{N}_]{1,50}$/u),
  colour: z.string().regex(/^#[0-9a-f]{6}$/),
});
export type Category = z.infer<typeof CategorySchema>;

export const OrganisationSchema = z.object({
  id: Id,
  slug: z.string(),
  name: z.string(),
  /** The intranet's own short name ("JET"), shown top left; louder than "Samen". */
  intranetName: z.string(),
  primaryColor: z.string(),
  accentColor: z.string(),
  logoImageId: Id.nullable(),
  settings: OrganisationSettingsSchema,
  /** Its fixed categories, in the editors' order; absent when it has none (and from older servers). */
  categories: z.array(CategorySchema).max(CATEGORIES_MAX).optional(),
  /** Posts wait for a coach's or editor's approval; absent when not (and from older servers). */
  postApproval: z.literal(true).optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const DeviceMode = z.enum(['shared', 'kiosk']);
export const DeviceSchema = z.object({
  id: Id,
  name: z.string(),
  mode: DeviceMode,
  createdAt: Timestamp,
  lastSeenAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type Device = z.infer<typeof DeviceSchema>;

/** What an audit entry acts on: `post:<id>`, `comment:<id>`, `group:<id>`, `person:<id>` or `device:<id>`. */
export const AuditTarget = z.string().regex(/^(post|comment|group|person|device):[0-9a-f-]{36}$/);

/**
 * One entry of the audit log: who (`personId`), on which device, what (`action`), on what (`target`),
 * how it ended (`result`) and the particulars (`detail`: other people, roles, the filters of a read;
 * references in the form of a target).
 */
export const AuditEventSchema = z.object({
  id: Id,
  at: Timestamp,
  personId: Id.nullable(),
  deviceId: Id.nullable(),
  action: z.string(),
  result: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.string().nullable()).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const LocationSchema = z.object({ id: Id, name: z.string(), city: z.string() });
export type Location = z.infer<typeof LocationSchema>;

export const DepartmentSchema = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(['ward', 'homecare', 'facility', 'staff', 'other']),
  locationId: Id.nullable(),
});
export type Department = z.infer<typeof DepartmentSchema>;

/**
 * A colleague as the directory shows her: what the timeline and the person card need. Her employee
 * number is not part of it, so it never reaches every device's cache (it is half of a PIN login).
 */
export const PersonSchema = z.object({
  id: Id,
  name: z.string(),
  handle: z.string(),
  jobTitle: z.string(),
  departmentId: Id.nullable(),
  locationId: Id.nullable(),
  roles: z.array(Role),
  avatarImageId: Id.nullable(),
  active: z.boolean(),
  /**
   * Present only when she is an ambassador (so others look as they always did): every place that shows
   * her name can draw the mark. `line` is her own "Vraag mij over: …", or null.
   */
  ambassador: z.object({ line: z.string().nullable() }).optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const GroupKind = z.enum(['work', 'informal']);
/**
 * open: anyone reads and joins; closed: anyone reads, only members post and an admin adds members;
 * private: only members know the group and its content.
 */
export const GroupVisibility = z.enum(['open', 'closed', 'private']);
/** A department or location group is made and kept by the system from the people directory. */
export const GroupManagedBy = z.enum(['department', 'location']);
export const GroupSchema = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  kind: GroupKind,
  visibility: GroupVisibility,
  memberCount: z.number().int(),
  createdAt: Timestamp,
  // Defaults: a cache filled by an older server has groups without these fields.
  coverImageId: Id.nullable().default(null),
  /** An archived group is read-only, and only its members still know it. */
  archived: z.boolean().default(false),
  managedBy: GroupManagedBy.nullable().default(null),
  /** Posts in it wait for a coach's or editor's approval; absent when not. */
  postApproval: z.literal(true).optional(),
});
export type Group = z.infer<typeof GroupSchema>;

export const GroupRole = z.enum(['member', 'admin']);
export const MembershipSchema = z.object({
  groupId: Id,
  personId: Id,
  role: GroupRole,
  /** An informal group's posts reach the member's home timeline only when she asks ("toon in mijn tijdlijn"). */
  showInTimeline: z.boolean().default(false),
  /** A muted group's posts stay out of the home timeline and its new posts are not counted. */
  muted: z.boolean().default(false),
  /** When she last had the group open: its newer posts are "new" to her. */
  lastVisitAt: Timestamp.nullable().default(null),
});
export type Membership = z.infer<typeof MembershipSchema>;

/** A request to join a closed group; its person and the group's admins receive it. */
export const JoinRequestSchema = z.object({
  id: Id,
  groupId: Id,
  personId: Id,
  status: z.enum(['pending', 'approved', 'declined']),
  createdAt: Timestamp,
  decidedAt: Timestamp.nullable(),
});
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

export const ImageRefSchema = z.object({ id: Id, width: z.number().int(), height: z.number().int() });
export type ImageRef = z.infer<typeof ImageRefSchema>;

/** A short video on a post: its size as stored (MP4, at most 1280 px) and how long it plays. */
export const VideoRefSchema = z.object({ id: Id, width: z.number().int(), height: z.number().int(), durationMs: z.number().int() });
export type VideoRef = z.infer<typeof VideoRefSchema>;

export const MentionSchema = z.object({ personId: Id, handle: z.string() });

/** A post marked "lezen verplicht": for whom, since when, by whom, and how many confirmed so far (ever). */
export const ReadRequirementSchema = z.object({
  audience: ReadAudienceSchema,
  markedAt: Timestamp,
  markedBy: Id,
  /** Confirmations received, including those of people who left the audience since; the report counts exactly. */
  confirmedCount: z.number().int(),
});
export type ReadRequirement = z.infer<typeof ReadRequirementSchema>;

/** The reactions a person can give a post, one at a time; `like` is the one every client knows. */
export const REACTION_KINDS = ['like', 'hart', 'applaus', 'inzichtelijk', 'bedankt'] as const;
export const ReactionKind = z.enum(REACTION_KINDS);
export type ReactionKind = z.infer<typeof ReactionKind>;
/** How many people gave each kind; together they are the post's `likeCount`. */
export const ReactionCountsSchema = z.object({
  like: z.number().int(),
  hart: z.number().int(),
  applaus: z.number().int(),
  inzichtelijk: z.number().int(),
  bedankt: z.number().int(),
});
export type ReactionCounts = z.infer<typeof ReactionCountsSchema>;

/** A post or comment hidden by moderation, as its author sees it. */
export const ModerationMarkSchema = z.object({ hiddenAt: Timestamp, reason: z.string() });
export type ModerationMark = z.infer<typeof ModerationMarkSchema>;

export const PostSchema = z.object({
  id: Id,
  authorId: Id,
  groupId: Id.nullable(),
  body: z.string(),
  hashtags: z.array(z.string()),
  mentions: z.array(MentionSchema),
  images: z.array(ImageRefSchema),
  /** Short videos beside the photos (at most one); absent on posts without, so older clients see the shape they know. */
  videos: z.array(VideoRefSchema).optional(),
  pinned: z.boolean(),
  likeCount: z.number().int(),
  commentCount: z.number().int(),
  createdAt: Timestamp,
  editedAt: Timestamp.nullable(),
  /** Protocol 3: set when the post is "lezen verplicht"; absent from older servers. */
  readRequired: ReadRequirementSchema.nullable().optional(),
  /** Protocol 3: how many colleagues saw it (each once); never who. */
  viewCount: z.number().int().optional(),
  /** Protocol 4: the post is a poll; its `poll` entity has the same id, the text is its question. */
  poll: z.boolean().optional(),
  /** An editor's end date: from then on the post is out of the timeline; absent when it has none. */
  endsAt: Timestamp.optional(),
  /** Reactions per kind; `likeCount` is their total (so older clients count every reaction as a like). */
  reactions: ReactionCountsSchema.optional(),
  /** Posted by the server as the organisation's (or group's) conversation starter; absent on other posts. */
  conversationStarter: z.boolean().optional(),
  /** Hidden by a coach or editor: only its author (and moderators) receive it, with the reason. */
  moderation: ModerationMarkSchema.optional(),
});
export type Post = z.infer<typeof PostSchema>;

export const CommentSchema = z.object({
  id: Id,
  postId: Id,
  authorId: Id,
  body: z.string(),
  mentions: z.array(MentionSchema),
  createdAt: Timestamp,
  editedAt: Timestamp.nullable(),
  /** Hidden by a coach or editor: only its author (and moderators) receive it, with the reason. */
  moderation: ModerationMarkSchema.optional(),
});
export type Comment = z.infer<typeof CommentSchema>;

/** One's own like; only the liker receives it, everyone else sees the post's likeCount. */
/** A person's reaction to a post (the entity kept its first name); `kind` absent from older servers means a like. */
export const LikeSchema = z.object({ postId: Id, personId: Id, createdAt: Timestamp, kind: ReactionKind.optional() });
export type Like = z.infer<typeof LikeSchema>;

export const NotificationSchema = z.object({
  id: Id,
  /**
   * `review_due`: a knowledge-base page this person owns has passed its review date.
   * `join_request`: someone asks to join a closed group this person is an admin of (`groupId`).
   * `group_added`: this person was added to a group (invited, or her request approved).
   * `read_reminder`: an editor asks her to read a "lezen verplicht" post (`postId`) she has not confirmed yet.
   * `post_review`: a coach looked at her draft, or approved or returned her post (`postId`: the draft).
   * `moderation_hidden`: a coach or editor hid her post (or her comment, `commentId`) for `reason`.
   */
  kind: z.enum(['mention', 'reply', 'review_due', 'join_request', 'group_added', 'read_reminder', 'post_review', 'moderation_hidden']),
  /** Who caused it; for `review_due` the page's owner herself (nobody else acted). */
  actorId: Id,
  /** The post of a mention or reply; null for `review_due`. */
  postId: Id.nullable(),
  commentId: Id.nullable(),
  /** The page of a `review_due`. */
  pageId: Id.nullable().optional(),
  /** The group of a `join_request` or `group_added`. */
  groupId: Id.nullable().optional(),
  /** Why a `moderation_hidden` item was hidden. */
  reason: z.string().optional(),
  createdAt: Timestamp,
});
export type Notification = z.infer<typeof NotificationSchema>;

/**
 * One's own answer to a "lezen verplicht" post: when she confirmed (null: not yet), and how often she
 * put it off at tap-in. Only that person receives it.
 */
export const ReadReceiptSchema = z.object({
  postId: Id,
  personId: Id,
  confirmedAt: Timestamp.nullable(),
  laterCount: z.number().int(),
});
export type ReadReceipt = z.infer<typeof ReadReceiptSchema>;

/** When a poll's counts are shown: at once, to those who voted, or once it has closed. */
export const PollShowResults = z.enum(['always', 'after_vote', 'after_close']);
export type PollShowResults = z.infer<typeof PollShowResults>;

/** An option of a poll; `votes` is null where the counts are not (yet) shown. */
export const PollOptionSchema = z.object({ id: Id, label: z.string(), votes: z.number().int().nullable() });
export type PollOption = z.infer<typeof PollOptionSchema>;

/**
 * A poll as everyone who may see its post knows it (protocol 4). The id is the post's. The counts are
 * in it only when everyone may see them (`always`, or once closed); `voters` is how many people voted.
 */
export const PollSchema = z.object({
  id: Id,
  question: z.string(),
  options: z.array(PollOptionSchema),
  multiple: z.boolean(),
  anonymous: z.boolean(),
  /** Whether a vote may be changed until closing; never in an anonymous poll (nobody knows what to undo). */
  changeable: z.boolean(),
  showResults: PollShowResults,
  closesAt: Timestamp.nullable(),
  voters: z.number().int(),
  createdAt: Timestamp,
});
export type Poll = z.infer<typeof PollSchema>;

/**
 * One's own vote (protocol 4), for that person only. `optionIds` is null in an anonymous poll: the
 * server knows only that she voted.
 */
export const PollVoteSchema = z.object({ pollId: Id, personId: Id, optionIds: z.array(Id).nullable(), votedAt: Timestamp });
export type PollVote = z.infer<typeof PollVoteSchema>;

/** A calendar day, `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date();

/** A section of the knowledge base; sections nest (`parentId`), and siblings keep their `position`. */
export const SectionSchema = z.object({
  id: Id,
  parentId: Id.nullable(),
  title: z.string(),
  position: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Section = z.infer<typeof SectionSchema>;

/** A file on a page (PDF, Word, Excel); its type is what its bytes are, not what its name says. */
export const AttachmentRefSchema = z.object({ id: Id, name: z.string(), mime: z.string(), byteSize: z.number().int() });
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

/**
 * A page of the knowledge base ("Weten en regelen"): markdown in the page dialect
 * (common/src/text/markdown.ts), in a section or at the top (`sectionId` null), with an owner who
 * keeps it right and a day by which it must be reviewed. `version` counts its saves.
 */
export const PageSchema = z.object({
  id: Id,
  sectionId: Id.nullable(),
  title: z.string(),
  body: z.string(),
  position: z.number().int(),
  ownerId: Id.nullable(),
  reviewDate: CalendarDate.nullable(),
  version: z.number().int(),
  attachments: z.array(AttachmentRefSchema),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  updatedBy: Id.nullable(),
});
export type Page = z.infer<typeof PageSchema>;

/** "Snel regelen": a shortcut to a page or a web address, with the name of its icon. */
export const QuickLinkSchema = z.object({
  id: Id,
  title: z.string(),
  pageId: Id.nullable(),
  url: z.string().nullable(),
  icon: z.string(),
  position: z.number().int(),
});
export type QuickLink = z.infer<typeof QuickLinkSchema>;

/** One's own favourite page; only that person receives it. */
export const FavouriteSchema = z.object({ pageId: Id, personId: Id, createdAt: Timestamp });
export type Favourite = z.infer<typeof FavouriteSchema>;

/** One's own answer to "Was dit nuttig?" on a page; changeable, one per person and page. */
export const PageFeedbackSchema = z.object({
  pageId: Id,
  personId: Id,
  helpful: z.boolean(),
  comment: z.string().nullable(),
  updatedAt: Timestamp,
});
export type PageFeedback = z.infer<typeof PageFeedbackSchema>;
