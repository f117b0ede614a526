import { z } from 'zod';
import {
  AuthEventSchema,
  CommentSchema,
  DeviceMode,
  DeviceSchema,
  GroupKind,
  GroupSchema,
  GroupVisibility,
  MembershipSchema,
  OrganisationSchema,
  PersonSchema,
  PostSchema,
} from './entities.js';
import { Id, Limit, UserText } from './primitives.js';
import { defineRoute } from './route.js';
import { SyncQuerySchema, SyncResponseSchema } from './sync.js';

export const POST_BODY_MAX = 10_000;
export const COMMENT_BODY_MAX = 2_000;
export const POST_IMAGES_MAX = 10;
export const IMAGE_BYTES_MAX = 10 * 1024 * 1024;

const IdParams = z.strictObject({ id: Id });
const Ok = z.object({ ok: z.literal(true) });

export const SessionSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  person: PersonSchema,
  organisation: OrganisationSchema,
  /**
   * Only for sessions on an enrolled device: a token for the write routes alone, bound to this person
   * and device, valid 24 hours. The client stores it with the person's queued writes (never the session
   * token), so they are delivered as this person even after the next person has logged in.
   */
  deliveryGrant: z.object({ token: z.string(), expiresAt: z.iso.datetime() }).nullable(),
});
export type Session = z.infer<typeof SessionSchema>;

export const PostViewSchema = PostSchema.extend({
  /** Per caller; the change feed carries this as a `like` entity instead. */
  likedByMe: z.boolean(),
});
export type PostView = z.infer<typeof PostViewSchema>;

const Page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Badge ids as readers type them (US layout, hex digits); the client has already cleaned them. */
export const BadgeId = z.string().regex(/^[0-9A-F]{6,32}$/, 'Pas niet herkend.');
export const Pin = z.string().regex(/^\d{4,6}$/, 'Een pincode heeft 4 tot 6 cijfers.');

const PostBody = UserText(10_000).transform((s) => s.trim()).pipe(z.string().min(1, 'Schrijf eerst een bericht.'));

export const routes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    summary: 'Liveness and database check for load balancers',
    auth: 'none',
    response: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }),
  }),

  authPassword: defineRoute({
    method: 'POST',
    path: '/v1/auth/password',
    summary: 'Log in with employee number and password (workstation)',
    auth: 'none',
    body: z.strictObject({
      employeeNumber: z.string().trim().min(1).max(32),
      password: z.string().min(1).max(200),
      /** Which organisation; may be left out when the server hosts only one. */
      organisation: z.string().min(1).max(64).optional(),
      deviceName: z.string().max(100).optional(),
    }),
    response: SessionSchema,
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/v1/auth/logout',
    summary: 'Revoke the current session token; its delivery grant stays valid for the queued writes. The reason goes to the audit log',
    auth: 'session',
    body: z.strictObject({ reason: z.enum(['logout', 'lock', 'idle', 'switch']).default('logout') }).optional(),
    response: Ok,
  }),
  authBadge: defineRoute({
    method: 'POST',
    path: '/v1/auth/badge',
    summary: 'Badge tap on an enrolled device: a session for the badge owner (pin_required when the PIN is due)',
    auth: 'device',
    body: z.strictObject({ badgeId: BadgeId, pin: Pin.optional() }),
    response: SessionSchema,
  }),
  authPin: defineRoute({
    method: 'POST',
    path: '/v1/auth/pin',
    summary: 'Employee number + PIN on an enrolled device; with linkBadgeId the tapped badge is linked to this person',
    auth: 'device',
    body: z.strictObject({ employeeNumber: z.string().trim().min(1).max(32), pin: Pin, linkBadgeId: BadgeId.optional() }),
    response: SessionSchema,
  }),
  enrolDevice: defineRoute({
    method: 'POST',
    path: '/v1/devices/enrol',
    summary: 'Exchange a one-time enrolment code for a device token (shared ward PC or kiosk)',
    auth: 'none',
    body: z.strictObject({
      code: z.string().trim().min(4).max(32),
      organisation: z.string().min(1).max(64).optional(),
    }),
    response: z.object({ deviceToken: z.string(), device: DeviceSchema, organisation: OrganisationSchema }),
    status: 201,
  }),
  deviceMe: defineRoute({
    method: 'GET',
    path: '/v1/devices/me',
    summary: 'The calling device and its organisation (a revoked device gets device_unlinked)',
    auth: 'device',
    response: z.object({ device: DeviceSchema, organisation: OrganisationSchema }),
  }),
  createEnrolmentCode: defineRoute({
    method: 'POST',
    path: '/v1/admin/enrolment-codes',
    summary: 'Admin: a one-time code to enrol a device',
    auth: 'session',
    body: z.strictObject({
      name: UserText(80).transform((s) => s.trim()).pipe(z.string().min(1)),
      mode: DeviceMode,
      validMinutes: z.number().int().min(5).max(7 * 24 * 60).default(60),
    }),
    response: z.object({ code: z.string(), expiresAt: z.iso.datetime() }),
    status: 201,
  }),
  listDevices: defineRoute({
    method: 'GET',
    path: '/v1/admin/devices',
    summary: 'Admin: enrolled devices',
    auth: 'session',
    response: z.object({ items: z.array(DeviceSchema) }),
  }),
  revokeDevice: defineRoute({
    method: 'DELETE',
    path: '/v1/admin/devices/:id',
    summary: 'Admin: revoke a device; its token, sessions and grants stop working at once',
    auth: 'session',
    params: IdParams,
    response: Ok,
  }),
  listAuthEvents: defineRoute({
    method: 'GET',
    path: '/v1/admin/audit',
    summary: 'Admin: the authentication audit log, newest first, by person, device and period',
    auth: 'session',
    query: z.strictObject({
      personId: Id.optional(),
      deviceId: Id.optional(),
      from: z.iso.datetime().optional(),
      to: z.iso.datetime().optional(),
      cursor: z.string().max(200).optional(),
      limit: Limit(500, 100),
    }),
    response: Page(AuthEventSchema),
  }),
  me: defineRoute({
    method: 'GET',
    path: '/v1/me',
    summary: 'The logged-in person and their organisation',
    auth: 'session',
    response: z.object({ person: PersonSchema, organisation: OrganisationSchema, memberships: z.array(MembershipSchema) }),
  }),

  listPeople: defineRoute({
    method: 'GET',
    path: '/v1/people',
    summary: 'People directory, by name, sorted by name',
    auth: 'session',
    query: z.strictObject({ q: z.string().max(100).optional(), cursor: z.string().max(200).optional(), limit: Limit(200, 50) }),
    response: Page(PersonSchema),
  }),
  getPerson: defineRoute({
    method: 'GET',
    path: '/v1/people/:id',
    summary: 'One person',
    auth: 'session',
    params: IdParams,
    response: PersonSchema,
  }),

  listGroups: defineRoute({
    method: 'GET',
    path: '/v1/groups',
    summary: 'Groups the caller may see',
    auth: 'session',
    response: z.object({ items: z.array(GroupSchema) }),
  }),
  getGroup: defineRoute({
    method: 'GET',
    path: '/v1/groups/:id',
    summary: 'One group',
    auth: 'session',
    params: IdParams,
    response: GroupSchema,
  }),
  createGroup: defineRoute({
    method: 'POST',
    path: '/v1/groups',
    summary: 'Create a group; the creator becomes its admin',
    auth: 'session',
    body: z.strictObject({
      id: Id.optional(),
      name: UserText(80).transform((s) => s.trim()).pipe(z.string().min(2)),
      description: UserText(500).default(''),
      kind: GroupKind,
      visibility: GroupVisibility,
    }),
    response: GroupSchema,
    status: 201,
  }),
  listGroupMembers: defineRoute({
    method: 'GET',
    path: '/v1/groups/:id/members',
    summary: 'Members of a group',
    auth: 'session',
    params: IdParams,
    response: z.object({ items: z.array(MembershipSchema) }),
  }),
  addGroupMember: defineRoute({
    method: 'PUT',
    path: '/v1/groups/:id/members/:personId',
    summary: 'Join an open group yourself, or (group admin) add someone',
    auth: 'session',
    params: z.strictObject({ id: Id, personId: Id }),
    body: z.strictObject({ role: z.enum(['member', 'admin']).default('member') }).optional(),
    response: MembershipSchema,
  }),
  removeGroupMember: defineRoute({
    method: 'DELETE',
    path: '/v1/groups/:id/members/:personId',
    summary: 'Leave a group yourself, or (group admin) remove someone',
    auth: 'session',
    params: z.strictObject({ id: Id, personId: Id }),
    response: Ok,
  }),

  listPosts: defineRoute({
    method: 'GET',
    path: '/v1/posts',
    summary: 'Posts newest first, of the whole organisation or one group, optionally by hashtag or author',
    auth: 'session',
    query: z.strictObject({
      groupId: Id.optional(),
      /** `organisation`: only posts addressed to everyone; default: everything the caller may see. */
      audience: z.enum(['all', 'organisation']).default('all'),
      hashtag: z.string().max(60).optional(),
      authorId: Id.optional(),
      pinned: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
      cursor: z.string().max(200).optional(),
      limit: Limit(100, 20),
    }),
    response: Page(PostViewSchema),
  }),
  getPost: defineRoute({
    method: 'GET',
    path: '/v1/posts/:id',
    summary: 'One post',
    auth: 'session',
    params: IdParams,
    response: PostViewSchema,
  }),
  createPost: defineRoute({
    method: 'POST',
    path: '/v1/posts',
    summary: 'Create a post for the whole organisation or a group',
    auth: 'session',
    grantable: true,
    body: z.strictObject({
      /** Made by the client (UUIDv7) so an offline post keeps its id; the server makes one if absent. */
      id: Id.optional(),
      body: PostBody,
      groupId: Id.nullable().optional(),
      imageIds: z.array(Id).max(POST_IMAGES_MAX).default([]),
      pinned: z.boolean().optional(),
    }),
    response: PostViewSchema,
    status: 201,
  }),
  editPost: defineRoute({
    method: 'PATCH',
    path: '/v1/posts/:id',
    summary: 'Edit your own post (editors may also pin and unpin)',
    auth: 'session',
    params: IdParams,
    body: z.strictObject({
      body: PostBody.optional(),
      imageIds: z.array(Id).max(POST_IMAGES_MAX).optional(),
      pinned: z.boolean().optional(),
    }),
    response: PostViewSchema,
  }),
  deletePost: defineRoute({
    method: 'DELETE',
    path: '/v1/posts/:id',
    summary: 'Delete your own post, or any post as editor',
    auth: 'session',
    grantable: true,
    params: IdParams,
    response: Ok,
  }),

  listComments: defineRoute({
    method: 'GET',
    path: '/v1/posts/:id/comments',
    summary: 'Comments of a post, oldest first',
    auth: 'session',
    params: IdParams,
    response: z.object({ items: z.array(CommentSchema) }),
  }),
  createComment: defineRoute({
    method: 'POST',
    path: '/v1/posts/:id/comments',
    summary: 'Comment on a post',
    auth: 'session',
    grantable: true,
    params: IdParams,
    body: z.strictObject({
      id: Id.optional(),
      body: UserText(COMMENT_BODY_MAX).transform((s) => s.trim()).pipe(z.string().min(1, 'Schrijf eerst een reactie.')),
    }),
    response: CommentSchema,
    status: 201,
  }),
  deleteComment: defineRoute({
    method: 'DELETE',
    path: '/v1/comments/:id',
    summary: 'Delete your own comment, or any comment as editor',
    auth: 'session',
    params: IdParams,
    response: Ok,
  }),

  likePost: defineRoute({
    method: 'PUT',
    path: '/v1/posts/:id/like',
    summary: 'Like a post (repeating it changes nothing)',
    auth: 'session',
    grantable: true,
    params: IdParams,
    response: z.object({ likeCount: z.number().int(), likedByMe: z.literal(true) }),
  }),
  unlikePost: defineRoute({
    method: 'DELETE',
    path: '/v1/posts/:id/like',
    summary: 'Take back a like (repeating it changes nothing)',
    auth: 'session',
    grantable: true,
    params: IdParams,
    response: z.object({ likeCount: z.number().int(), likedByMe: z.literal(false) }),
  }),

  uploadImage: defineRoute({
    method: 'POST',
    path: '/v1/images',
    summary: 'Upload a JPEG, PNG, WebP or GIF image (raw body, at most 10 MB)',
    auth: 'session',
    grantable: true,
    bodyKind: 'binary',
    response: z.object({ id: Id, width: z.number().int(), height: z.number().int(), mime: z.string() }),
    status: 201,
  }),
  getImage: defineRoute({
    method: 'GET',
    path: '/v1/images/:id',
    summary: 'Image bytes; `size=thumb` for a 480 px WebP thumbnail (a device alone gets only what everyone may see)',
    auth: 'sessionOrDevice',
    params: IdParams,
    query: z.strictObject({ size: z.enum(['full', 'thumb']).default('full') }),
    response: z.unknown(),
  }),

  sync: defineRoute({
    method: 'GET',
    path: '/v1/sync',
    summary: 'Change feed: the current state of every entity changed after `since`, in seq order',
    auth: 'sessionOrDevice',
    query: SyncQuerySchema,
    response: SyncResponseSchema,
  }),
  events: defineRoute({
    method: 'GET',
    path: '/v1/events',
    summary: 'Server-sent events: `seq` when new changes exist, `notification` for the caller; resumes with Last-Event-ID',
    auth: 'sessionOrDevice',
    response: z.unknown(),
  }),
  openapi: defineRoute({
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This API as OpenAPI 3.1',
    auth: 'none',
    response: z.unknown(),
  }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
