import { z } from 'zod';
import { GroupKind, GroupSchema, GroupVisibility, MembershipSchema } from '../entities.js';
import { Id, UserText } from '../primitives.js';
import { defineRoute } from '../route.js';
import { IdParams, Ok } from './shared.js';

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
} as const;
