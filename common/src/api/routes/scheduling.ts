import { z } from 'zod';
import { ImageRefSchema } from '../entities.js';
import { Id, Timestamp } from '../primitives.js';
import { defineRoute } from '../route.js';

/** How far ahead a post may be scheduled. */
export const SCHEDULE_DAYS_MAX = 366;

/** A post waiting for its time, as its author and editors see it in "Gepland". */
export const ScheduledPostSchema = z.object({
  id: Id,
  authorId: Id,
  groupId: Id.nullable(),
  body: z.string(),
  images: z.array(ImageRefSchema),
  pinned: z.boolean(),
  publishAt: Timestamp,
  endsAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type ScheduledPost = z.infer<typeof ScheduledPostSchema>;

/** The organisation's busiest two hours of the week: ISO weekday (1 = Monday), Amsterdam hours. */
export const PostingSlotSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  fromHour: z.number().int().min(0).max(23),
  toHour: z.number().int().min(1).max(24),
});
export type PostingSlot = z.infer<typeof PostingSlotSchema>;

export const schedulingRoutes = {
  listScheduledPosts: defineRoute({
    method: 'GET',
    path: '/v1/scheduled-posts',
    summary: 'Posts waiting for their time: your own, and for editors every one they may see; soonest first',
    auth: 'session',
    response: z.object({ items: z.array(ScheduledPostSchema) }),
  }),
  bestPostingTime: defineRoute({
    method: 'GET',
    path: '/v1/scheduling/best-time',
    summary: 'The two hours of the week in which most colleagues were active over the last 90 days (null: too little activity)',
    auth: 'session',
    response: z.object({ slot: PostingSlotSchema.nullable() }),
  }),
} as const;
