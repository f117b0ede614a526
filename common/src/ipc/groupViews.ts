import { z } from 'zod';
import { GroupSchema, JoinRequestSchema, MembershipSchema } from '../api/entities.js';

/** A group as the overview and the group page show it, with the logged-in person's place in it. */
export const GroupViewSchema = GroupSchema.pick({
  id: true,
  name: true,
  description: true,
  kind: true,
  visibility: true,
  memberCount: true,
  archived: true,
  managedBy: true,
}).extend({
  coverUrl: z.string().nullable(),
  /** Her role, or null when she is no member. */
  myRole: MembershipSchema.shape.role.nullable(),
  ...MembershipSchema.pick({ showInTimeline: true, muted: true }).shape,
  /** Posts by others since her last visit (none counted for a muted group or a non-member). */
  newPosts: z.number().int(),
  /** She asked to join and no admin has decided yet. */
  requested: z.boolean(),
  /** Her join, request or leave waits in the outbox: what is shown is what she asked for. */
  sending: z.boolean(),
});
export type GroupView = z.infer<typeof GroupViewSchema>;

/** Where a person appears in a group: her name and picture beside her role. */
const PersonShown = z.object({ name: z.string(), jobTitle: z.string(), avatarUrl: z.string().nullable() });

export const GroupMemberViewSchema = MembershipSchema.pick({ personId: true, role: true }).extend(PersonShown.shape);
export type GroupMemberView = z.infer<typeof GroupMemberViewSchema>;

export const JoinRequestViewSchema = JoinRequestSchema.pick({ id: true, personId: true, createdAt: true }).extend(PersonShown.shape);
export type JoinRequestView = z.infer<typeof JoinRequestViewSchema>;
