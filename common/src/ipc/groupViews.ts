import { z } from 'zod';
import { GroupKind, GroupManagedBy, GroupRole, GroupVisibility } from '../api/entities.js';
import { Id, Timestamp } from '../api/primitives.js';

/** A group as the overview and the group page show it, with the logged-in person's place in it. */
export const GroupViewSchema = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  kind: GroupKind,
  visibility: GroupVisibility,
  memberCount: z.number().int(),
  coverUrl: z.string().nullable(),
  archived: z.boolean(),
  managedBy: GroupManagedBy.nullable(),
  /** Her role, or null when she is no member. */
  myRole: GroupRole.nullable(),
  showInTimeline: z.boolean(),
  muted: z.boolean(),
  /** Posts by others since her last visit (none counted for a muted group or a non-member). */
  newPosts: z.number().int(),
  /** She asked to join and no admin has decided yet. */
  requested: z.boolean(),
});
export type GroupView = z.infer<typeof GroupViewSchema>;

export const GroupMemberViewSchema = z.object({
  personId: Id,
  name: z.string(),
  jobTitle: z.string(),
  avatarUrl: z.string().nullable(),
  role: GroupRole,
});
export type GroupMemberView = z.infer<typeof GroupMemberViewSchema>;

export const JoinRequestViewSchema = z.object({
  id: Id,
  personId: Id,
  name: z.string(),
  jobTitle: z.string(),
  avatarUrl: z.string().nullable(),
  createdAt: Timestamp,
});
export type JoinRequestView = z.infer<typeof JoinRequestViewSchema>;
