import { z } from 'zod';
import { GroupKind, GroupRole, GroupSchema, GroupVisibility, JoinRequestSchema, MembershipSchema } from '../entities.js';
import { Id, Timestamp, UserText } from '../primitives.js';
import { defineRoute } from '../route.js';
import { IdParams, Ok } from './shared.js';

const GroupName = UserText(80)
  .transform((s) => s.trim())
  .pipe(z.string().min(2));

/** Visits recorded per call: a client sends what it gathered since its last flush. */
export const GROUP_VISITS_MAX = 200;

export const groupRoutes = {
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
      name: GroupName,
      description: UserText(500).default(''),
      kind: GroupKind,
      visibility: GroupVisibility,
      coverImageId: Id.nullable().default(null),
    }),
    response: GroupSchema,
    status: 201,
  }),
  updateGroup: defineRoute({
    method: 'PATCH',
    path: '/v1/groups/:id',
    summary: "(Group admin) Change a group's settings, or archive it (read-only, hidden from discover)",
    auth: 'session',
    params: IdParams,
    body: z.strictObject({
      name: GroupName.optional(),
      description: UserText(500).optional(),
      kind: GroupKind.optional(),
      visibility: GroupVisibility.optional(),
      coverImageId: Id.nullable().optional(),
      archived: z.boolean().optional(),
    }),
    response: GroupSchema,
  }),
  updateMyMembership: defineRoute({
    method: 'PATCH',
    path: '/v1/groups/:id/membership',
    summary: 'Your own choices for a group you are in: "toon in mijn tijdlijn" and mute',
    auth: 'session',
    grantable: true,
    params: IdParams,
    body: z.strictObject({ showInTimeline: z.boolean().optional(), muted: z.boolean().optional() }),
    response: MembershipSchema,
  }),
  requestToJoin: defineRoute({
    method: 'POST',
    path: '/v1/groups/:id/requests',
    summary: "Ask to join a closed group; the group's admins are notified (asking again returns the open request)",
    auth: 'session',
    grantable: true,
    params: IdParams,
    response: JoinRequestSchema,
    status: 201,
  }),
  listJoinRequests: defineRoute({
    method: 'GET',
    path: '/v1/groups/:id/requests',
    summary: "(Group admin) The group's open requests to join, oldest first",
    auth: 'session',
    params: IdParams,
    response: z.object({ items: z.array(JoinRequestSchema) }),
  }),
  decideJoinRequest: defineRoute({
    method: 'POST',
    path: '/v1/groups/:id/requests/:requestId',
    summary: '(Group admin) Approve or decline a request to join',
    auth: 'session',
    params: z.strictObject({ id: Id, requestId: Id }),
    body: z.strictObject({ decision: z.enum(['approve', 'decline']) }),
    response: JoinRequestSchema,
  }),
  recordGroupVisits: defineRoute({
    method: 'POST',
    path: '/v1/group-visits',
    summary: 'Time spent in groups (enter and leave, no content), batched by the client for statistics',
    auth: 'session',
    grantable: true,
    body: z.strictObject({
      visits: z
        .array(z.strictObject({ groupId: Id, enteredAt: Timestamp, leftAt: Timestamp }))
        .min(1)
        .max(GROUP_VISITS_MAX),
    }),
    response: Ok,
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
    grantable: true,
    body: z.strictObject({ role: GroupRole.default('member') }).optional(),
    response: MembershipSchema,
  }),
  removeGroupMember: defineRoute({
    method: 'DELETE',
    path: '/v1/groups/:id/members/:personId',
    summary: 'Leave a group yourself, or (group admin) remove someone',
    auth: 'session',
    grantable: true,
    params: z.strictObject({ id: Id, personId: Id }),
    response: Ok,
  }),
} as const;
