import { z } from 'zod';
import { ImageRefSchema, ModerationMarkSchema, PersonSchema, PostSchema, ReactionKind } from '../api/entities.js';
import { Id, Role, Timestamp } from '../api/primitives.js';
import { BadgeReaderSchema } from '../badge/readerSettings.js';
import { PollViewModelSchema } from './pollViews.js';
import { MyReadSchema } from './readConfirmationViews.js';

/**
 * What the renderer sees. Main builds these from the cache (shared content) and the in-memory
 * personal store; the renderer never sees server rows or tokens.
 */

export const AuthorViewSchema = PersonSchema.pick({ id: true, name: true, handle: true, jobTitle: true, ambassador: true }).extend({
  departmentName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
});
export type AuthorView = z.infer<typeof AuthorViewSchema>;

export const ImageViewSchema = ImageRefSchema.extend({
  /** URLs the renderer can put in <img src>: served by the shell, never straight from the server. */
  thumbUrl: z.string(),
  url: z.string(),
});
export type ImageView = z.infer<typeof ImageViewSchema>;

export const VideoViewSchema = z.object({
  id: Id,
  /** 0 while the video waits in the outbox: its size is known once the server has read it. */
  width: z.number().int(),
  height: z.number().int(),
  durationMs: z.number().int(),
  /** For <video src>, served by the shell (with range requests), never straight from the server. */
  url: z.string(),
  /** For <video poster>; null while the video waits in the outbox (the server makes the frame). */
  posterUrl: z.string().nullable(),
});
export type VideoView = z.infer<typeof VideoViewSchema>;

/** `sending`: waits in the outbox; `failed`: the server refused it (see `error`). */
export const DeliveryState = z.enum(['sent', 'sending']);

export const CommentViewSchema = z.object({
  id: Id,
  postId: Id,
  author: AuthorViewSchema,
  body: z.string(),
  createdAt: Timestamp,
  delivery: DeliveryState,
  /** Hidden by moderation: only its author gets it, with the reason. */
  moderation: ModerationMarkSchema.optional(),
});
export type CommentView = z.infer<typeof CommentViewSchema>;

export const PostViewModelSchema = PostSchema.omit({ authorId: true, groupId: true, images: true, videos: true, poll: true }).extend({
  author: AuthorViewSchema,
  group: z.object({ id: Id, name: z.string() }).nullable(),
  images: z.array(ImageViewSchema),
  videos: z.array(VideoViewSchema).optional(),
  likedByMe: z.boolean(),
  mine: z.boolean(),
  delivery: DeliveryState,
  /** A like or unlike of this post still waits in the outbox. */
  likePending: z.boolean(),
  /** Her reaction, as the stores and her waiting writes have it (`likedByMe` says whether she gave any). */
  myReaction: ReactionKind.nullable().optional(),
  /** Only in "Gepland": the post waits for this time, and `createdAt` is that time too. */
  scheduledFor: z.string().optional(),
  /** The post is a poll (its body is the question); null when it is none, or its poll has not arrived yet. */
  poll: PollViewModelSchema.nullable(),
  /** "Lezen verplicht" for the person looking; null when it is not asked of her (or nobody is logged in). */
  myRead: MyReadSchema.nullable().optional(),
});
export type PostViewModel = z.infer<typeof PostViewModelSchema>;

export const PersonCardSchema = AuthorViewSchema.extend({
  locationName: z.string().nullable(),
  /** Whoever looks may show her the first-time tour again (an ambassador, editor or admin). */
  mayRestartTour: z.boolean(),
  recentPosts: z.array(PostViewModelSchema),
});
export type PersonCard = z.infer<typeof PersonCardSchema>;

export const ThemeSchema = z.object({
  organisationName: z.string(),
  intranetName: z.string(),
  primaryColor: z.string(),
  accentColor: z.string(),
  logoUrl: z.string().nullable(),
});
export type Theme = z.infer<typeof ThemeSchema>;

export const ClientMode = z.enum(['workstation', 'shared', 'kiosk']);
export type ClientMode = z.infer<typeof ClientMode>;

/** Idle lock seconds for the mode, from the organisation's settings (or the machine config). */
const IdlePolicy = z.object({ idleSeconds: z.number().int() });

/** Shared and kiosk devices: how the machine's badge reader types (the machine-wide config); null on a workstation. */
const BadgeReader = BadgeReaderSchema.nullable();

export const SessionStateSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('loggedOut'),
    mode: ClientMode,
    badgeReader: BadgeReader,
    theme: ThemeSchema.nullable(),
    /** Shared and kiosk modes: whether the server can be reached (logging in needs it). */
    online: z.boolean(),
  }),
  /** A shared or kiosk device that has no (valid) device token: enrolment needed, cache wiped. */
  z.object({ state: z.literal('deviceUnlinked'), mode: ClientMode, badgeReader: BadgeReader, reason: z.enum(['not_enrolled', 'revoked']) }),
  z.object({
    state: z.literal('loggedIn'),
    mode: ClientMode,
    badgeReader: BadgeReader,
    theme: ThemeSchema,
    person: z.object({ id: Id, name: z.string(), handle: z.string(), jobTitle: z.string(), roles: z.array(Role), avatarUrl: z.string().nullable() }),
    /** How this session began; a badge session ends when the same badge is tapped again. */
    via: z.enum(['password', 'badge', 'pin']),
    idle: IdlePolicy,
  }),
]);
export type SessionState = z.infer<typeof SessionStateSchema>;

export const SyncStatusSchema = z.object({
  /** `online`: up to date and listening; `syncing`: catching up; `offline`: server unreachable. */
  state: z.enum(['online', 'syncing', 'offline']),
  lastSyncedAt: Timestamp.nullable(),
  offlineSince: Timestamp.nullable(),
  pendingWrites: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
